// Statistics over the rounds of a bench: percentiles, paired ratios, interleaved rounds, a seeded workload.
import { progress } from './progress.js'

/** Nearest-rank percentile (p in 0..100) of unsorted values. */
export function percentile (values: readonly number[], p: number): number {
  if (values.length === 0) return NaN
  const sorted = [...values].sort((a, b) => a - b)
  const rank = Math.ceil((p / 100) * sorted.length)
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!
}

export const median = (values: readonly number[]) => percentile(values, 50)

/** Median of the per-round ratios a[i] / b[i] (both measured in the same round). */
export function pairedRatio (a: readonly number[], b: readonly number[]): number {
  return median(a.map((value, i) => value / b[i]!))
}

/**
 * Runs every variant once per round, rotating which goes first, so slow drift
 * of a noisy machine spreads evenly over the variants. Returns the results per
 * variant in round order.
 */
export async function interleaved<T> (rounds: number, variants: Record<string, () => Promise<T>>, label = ''): Promise<Record<string, T[]>> {
  const names = Object.keys(variants)
  const results: Record<string, T[]> = Object.fromEntries(names.map((name) => [name, []]))
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < names.length; i++) {
      const name = names[(round + i) % names.length]!
      progress(`${label}round ${round + 1}/${rounds}: ${name}`)
      results[name]!.push(await variants[name]!())
    }
  }
  return results
}

/** mulberry32: small, fast, seeded; the same seed replays the same workload. */
export function prng (seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Ranks 0..n-1 with P(rank k) ∝ 1 / (k + 1)^s (inverse CDF, binary search). */
export function zipf (n: number, s: number, random: () => number): () => number {
  const cdf = new Float64Array(n)
  let total = 0
  for (let k = 0; k < n; k++) cdf[k] = total += 1 / (k + 1) ** s
  return () => {
    const target = random() * total
    let lo = 0
    let hi = n - 1
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (cdf[mid]! < target) lo = mid + 1
      else hi = mid
    }
    return lo
  }
}

// What bench/peers.ts measures besides latency: per variant, the commands
// Redis ran and the CPU of this process and of redis-server, and (with
// BENCH_CPU_PROF=1) a CPU profile of each scenario's measured rounds.
import { mkdirSync, writeFileSync } from 'node:fs'
import { Session } from 'node:inspector/promises'
import { join } from 'node:path'
import type { Redis } from 'ioredis'
import { cpuMs, fmt, interleaved, progress, RESULTS_DIR } from './lib.js'

// ---------------------------------------------------------------- CPU profiles of the measured rounds

const PROFILE_DIR = join(RESULTS_DIR, 'profiles', 'peers')

/**
 * The measured rounds of a scenario; with BENCH_CPU_PROF=1, under V8's CPU
 * profiler (what node --cpu-prof runs, but without start-up and set-up):
 * bench/results/profiles/peers/<scenario>.cpuprofile, for bench/cpu-top.ts.
 */
export async function measured<T> (scenario: string, rounds: number, variants: Record<string, () => Promise<T>>, opsOf?: (name: string) => number) {
  if (opsOf !== undefined) variants = withRedisCost(scenario, variants, opsOf)
  if (process.env.BENCH_CPU_PROF !== '1') return interleaved(rounds, variants, `peers ${scenario}: `)
  const session = new Session()
  session.connect()
  await session.post('Profiler.enable')
  await session.post('Profiler.setSamplingInterval', { interval: 100 })
  await session.post('Profiler.start')
  try {
    return await interleaved(rounds, variants, `peers ${scenario}: `)
  } finally {
    const { profile } = await session.post('Profiler.stop')
    session.disconnect()
    mkdirSync(PROFILE_DIR, { recursive: true })
    writeFileSync(join(PROFILE_DIR, `${scenario}.cpuprofile`), JSON.stringify(profile))
    progress(`CPU profile of the ${scenario} rounds: ${join(PROFILE_DIR, `${scenario}.cpuprofile`)}`)
  }
}

// ---------------------------------------------------------------- what Redis executes per operation

/** A client for INFO only, and the redis-server's pid (set at start). */
let statsClient: Redis | undefined
let redisPid: () => number | undefined = () => undefined

/** Where the counts come from: a client for INFO only, and the redis-server's pid. */
export function watchRedis (client: Redis, pid: () => number | undefined): void {
  statsClient = client
  redisPid = pid
}

/** Calls per command name so far, from INFO commandstats (commands run inside scripts included). */
async function commandCalls (): Promise<Map<string, number>> {
  const calls = new Map<string, number>()
  for (const match of (await statsClient!.info('commandstats')).matchAll(/cmdstat_([^:]+):calls=(\d+)/g)) {
    if (match[1] !== 'info') calls.set(match[1]!, Number(match[2]))
  }
  return calls
}

/** Per scenario and variant, over the measured rounds: ops, Redis commands, CPU of this process and of redis-server. */
const costs = new Map<string, { ops: number, calls: Map<string, number>, clientUs: number, redisMs: number }>()

const redisCpuMs = () => { const pid = redisPid(); return pid === undefined ? NaN : cpuMs(pid) }

/**
 * Wraps each variant between two snapshots (INFO commandstats, this process's
 * CPU, redis-server's CPU): variants run one at a time, so the difference is
 * theirs, give or take the engines' heartbeats (one PUBLISH per instance every 500 ms).
 */
function withRedisCost<T> (scenario: string, variants: Record<string, () => Promise<T>>, opsOf: (name: string) => number): Record<string, () => Promise<T>> {
  return Object.fromEntries(Object.entries(variants).map(([name, run]) => [name, async () => {
    const before = await commandCalls()
    const redisBefore = redisCpuMs()
    const cpuBefore = process.cpuUsage()
    const result = await run()
    const cpu = process.cpuUsage(cpuBefore)
    const redisMs = redisCpuMs() - redisBefore
    const after = await commandCalls()
    const cost = costs.get(`${scenario}|${name}`) ?? { ops: 0, calls: new Map<string, number>(), clientUs: 0, redisMs: 0 }
    cost.ops += opsOf(name)
    cost.clientUs += cpu.user + cpu.system
    cost.redisMs += redisMs
    for (const [command, calls] of after) {
      const delta = calls - (before.get(command) ?? 0)
      if (delta > 0) cost.calls.set(command, (cost.calls.get(command) ?? 0) + delta)
    }
    costs.set(`${scenario}|${name}`, cost)
    return result
  }]))
}

/**
 * Per operation: CPU µs of this process (the library and its client) and of
 * redis-server (whole ticks of 10 ms, summed over the rounds), then the
 * commands Redis ran, most first (the commands a script runs count, as Redis
 * counts them; the engines' heartbeats are the odd PUBLISH).
 */
export function costOf (scenario: string, name: string): string[] {
  const cost = costs.get(`${scenario}|${name}`)
  if (cost === undefined || cost.ops === 0) return ['', '', '']
  const total = [...cost.calls.values()].reduce((sum, n) => sum + n, 0)
  const top = [...cost.calls].filter(([, n]) => n / cost.ops >= 0.05).sort((a, b) => b[1] - a[1]).slice(0, 5)
    .map(([command, n]) => `${command} ${fmt(n / cost.ops, 1)}`)
  const digits = cost.clientUs / cost.ops < 10 ? 2 : 0
  return [fmt(cost.clientUs / cost.ops, digits), fmt((cost.redisMs * 1000) / cost.ops, digits), `${fmt(total / cost.ops, 1)}${top.length > 0 ? `: ${top.join(', ')}` : ''}`]
}

import type { Keyspace } from './keys.js'
import { CACHE_KINDS, type CacheKind, type KindSettings } from './kinds.js'
import type { RedisTier } from './redis-tier.js'
import type { CacheCounters } from './stats.js'

export interface SizeLimitDeps {
  kinds: Record<CacheKind, KindSettings>
  keys: Keyspace
  counters: CacheCounters
  l2: RedisTier | undefined
}

/** Entries per size index at least, so the index count stays small; at most 64 indexes per kind. */
const ENTRIES_PER_BUCKET = 250
const MAX_BUCKETS = 64
// How far one instance lets an index grow past its share before trimming it, as a share of its limit.
const SLACK = 0.05

/**
 * The per-kind entry limits in Redis. A kind's entries are spread over a few
 * size indexes (sorted sets of entry keys, scored by expiry), so no key is
 * touched by every store of a kind; each index holds its share of the limit.
 * A store adds to one index; every few stores an instance trims it (expired
 * members out, then the soonest-expiring beyond the limit, entries deleted), so
 * with two instances a kind stays within 10 % of its limit.
 */
export function createSizeLimits ({ kinds, keys, counters, l2 }: SizeLimitDeps) {
  const buckets = Object.fromEntries(CACHE_KINDS.map((kind) =>
    [kind, Math.max(1, Math.min(MAX_BUCKETS, Math.floor(kinds[kind].maxEntries / ENTRIES_PER_BUCKET)))])) as Record<CacheKind, number>
  const limit = (kind: CacheKind) => Math.ceil(kinds[kind].maxEntries / buckets[kind])
  // per index: stores since it was last trimmed, and how many members it had then
  const sinceTrim = new Map<string, number>()
  const lastSize = new Map<string, number>()

  function stored (kind: CacheKind, bucket: number) {
    const index = keys.bucket(kind, bucket)
    const most = limit(kind)
    const stores = (sinceTrim.get(index) ?? 0) + 1
    const headroom = Math.max(0, most - (lastSize.get(index) ?? 0))
    if (stores < Math.max(1, Math.floor(headroom / 2) + Math.floor(most * SLACK))) {
      sinceTrim.set(index, stores)
      return
    }
    sinceTrim.set(index, 0)
    void l2?.trim(index, most).then((result) => {
      if (result === undefined) return
      lastSize.set(index, result.left)
      if (result.evicted > 0) counters.evicted(kind, result.evicted)
    })
  }

  return { buckets, stored }
}

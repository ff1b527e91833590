import { CACHE_KINDS, type CacheKind } from './kinds.js'
import type { Tier } from './types.js'

export interface KindCounters {
  hits: Record<Tier, number>
  misses: number
  writes: number
  /** Entries pushed out by the size limit: L1 (LRU) counted by the memory tier, L2 here. */
  l2_evictions: number
  /** Loader calls: how often the cache had to go to the source. */
  loads: number
  /** Values larger than CACHE_MAX_ENTRY_BYTES: served, not cached. */
  oversized: number
  /** Grace entries served (fail-safe): the load failed, was slow, or is backing off. */
  stale: number
  /** Loads that failed (the database) or passed the hard timeout. */
  failures: number
  timeouts: number
  /** Background refreshes: eager (before the TTL) or after a soft timeout. */
  refreshes: number
}

/** Plain counters; the stats endpoint and the Prometheus metrics read the same numbers. */
export function createCacheCounters () {
  const kinds = Object.fromEntries(CACHE_KINDS.map((kind) => [kind, {
    hits: { l1: 0, l2: 0 }, misses: 0, writes: 0, l2_evictions: 0, loads: 0, oversized: 0, stale: 0, failures: 0, timeouts: 0, refreshes: 0
  }])) as Record<CacheKind, KindCounters>
  let errors = 0

  return {
    kinds,
    get errors () { return errors },
    hit (kind: CacheKind, tier: Tier) { kinds[kind].hits[tier]++ },
    miss (kind: CacheKind) { kinds[kind].misses++ },
    write (kind: CacheKind) { kinds[kind].writes++ },
    load (kind: CacheKind) { kinds[kind].loads++ },
    evicted (kind: CacheKind, count: number) { kinds[kind].l2_evictions += count },
    oversized (kind: CacheKind) { kinds[kind].oversized++ },
    stale (kind: CacheKind) { kinds[kind].stale++ },
    failure (kind: CacheKind) { kinds[kind].failures++ },
    timeout (kind: CacheKind) { kinds[kind].timeouts++ },
    refresh (kind: CacheKind) { kinds[kind].refreshes++ },
    error () { errors++ }
  }
}

export type CacheCounters = ReturnType<typeof createCacheCounters>

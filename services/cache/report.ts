import type { CircuitBreaker } from './breaker.js'
import type { CacheSettings } from './cache-service.js'
import { CACHE_KINDS, type CacheKind } from './kinds.js'
import type { MemoryTier } from './memory-tier.js'
import type { RedisTier } from './redis-tier.js'
import type { CacheCounters } from './stats.js'

export interface ReportSources {
  settings: CacheSettings
  counters: CacheCounters
  memory: MemoryTier
  breaker: CircuitBreaker
  l2: RedisTier | undefined
  connected: () => boolean
  subscribed: () => boolean
  /** Epochs started after a lost connection to Redis (each made every stored entry stale). */
  epochs: () => number
  /** Invalidations waiting to be replayed when Redis answers again. */
  pendingInvalidations: () => number
}

const ratio = (hits: number, misses: number) => hits + misses === 0 ? 0 : Math.round(hits / (hits + misses) * 10_000) / 10_000

/** "1.50M", as Redis' used_memory_human. */
export function humanBytes (bytes: number): string {
  const units = ['B', 'K', 'M', 'G']
  let value = bytes
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) { value /= 1024; unit++ }
  return unit === 0 ? `${value}B` : `${value.toFixed(2)}${units[unit]}`
}

/** Statistics and health of the cache, read from the counters and both tiers. */
export function createCacheReport ({ settings, counters, memory, breaker, l2, connected, subscribed, epochs, pendingInvalidations }: ReportSources) {
  const l1Enabled = settings.enabled && settings.l1Enabled

  function kindStats (kind: CacheKind, l2Entries: number) {
    const c = counters.kinds[kind]
    const hits = c.hits.l1 + c.hits.l2
    return {
      hits,
      hits_l1: c.hits.l1,
      hits_l2: c.hits.l2,
      misses: c.misses,
      hit_ratio: ratio(hits, c.misses),
      writes: c.writes,
      loads: c.loads,
      evictions: memory.evictions(kind) + c.l2_evictions,
      evictions_l1: memory.evictions(kind),
      evictions_l2: c.l2_evictions,
      entries_l1: memory.size(kind),
      entries_l2: l2Entries,
      ttl: settings.kinds[kind].ttl,
      max_entries: settings.kinds[kind].maxEntries
    }
  }

  return {
    /** The figures of GET /admin/cache/stats (the original field names), per kind and per tier. */
    async stats () {
      const useRedis = l2 !== undefined && breaker.allows()
      const [info, l2Entries] = useRedis ? await Promise.all([l2.info(), l2.entryCounts()]) : [undefined, undefined]
      const kinds = Object.fromEntries(CACHE_KINDS.map((kind) => [kind, kindStats(kind, l2Entries?.[kind] ?? 0)])) as
        Record<CacheKind, ReturnType<typeof kindStats>>
      const sum = (pick: (k: ReturnType<typeof kindStats>) => number) => CACHE_KINDS.reduce((total, kind) => total + pick(kinds[kind]), 0)
      const hits = sum((k) => k.hits)
      const misses = sum((k) => k.misses)
      const memoryUsed = info === undefined ? memory.bytes() : Number(info.used_memory ?? 0)
      return {
        backend: useRedis ? 'redis' as const : 'memory' as const,
        connected: connected(),
        total_keys: useRedis ? sum((k) => k.entries_l2) : sum((k) => k.entries_l1),
        hits,
        misses,
        hit_ratio: ratio(hits, misses),
        memory_used: memoryUsed,
        memory_human: info?.used_memory_human ?? humanBytes(memoryUsed),
        evictions: sum((k) => k.evictions),
        writes: sum((k) => k.writes),
        errors: counters.errors,
        cache_enabled: settings.enabled,
        tiers: {
          l1: { enabled: l1Enabled, hits: sum((k) => k.hits_l1), entries: sum((k) => k.entries_l1), bytes: memory.bytes() },
          l2: {
            hits: sum((k) => k.hits_l2),
            entries: sum((k) => k.entries_l2),
            used_memory: info === undefined ? null : Number(info.used_memory ?? 0),
            evicted_keys: info === undefined ? null : Number(info.evicted_keys ?? 0)
          }
        },
        breaker: breaker.state,
        kinds
      }
    },

    /** healthy: Redis answers; degraded: serving from L1 (or Redis short of memory); unhealthy: no cache tier works. */
    async health () {
      let pingMs: number | undefined
      let error = breaker.lastError
      if (l2 !== undefined && breaker.allows()) {
        try { pingMs = await l2.ping() } catch (err) { error = (err as Error).message }
      }
      let memoryPressure = false
      if (pingMs !== undefined && settings.memoryLimit !== undefined) {
        const info = await l2!.info()
        memoryPressure = Number(info?.used_memory ?? 0) > settings.memoryLimit.bytes * settings.memoryLimit.ratio
      }
      const redisUp = pingMs !== undefined
      const status = !settings.enabled
        ? 'healthy'
        : redisUp ? (memoryPressure ? 'degraded' : 'healthy') : (l1Enabled ? 'degraded' : 'unhealthy')
      return {
        status: status as 'healthy' | 'degraded' | 'unhealthy',
        backend: redisUp ? 'redis' as const : 'memory' as const,
        connected: connected(),
        ping_ms: pingMs === undefined ? null : Math.round(pingMs * 1000) / 1000,
        breaker: breaker.state,
        subscribed: subscribed(),
        memory_pressure: memoryPressure,
        epochs: epochs(),
        pending_invalidations: pendingInvalidations(),
        last_error: error ?? null
      }
    }
  }
}

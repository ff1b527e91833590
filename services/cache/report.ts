import type { CircuitBreaker } from './breaker.js'
import { CACHE_KINDS, type CacheKind } from './kinds.js'
import type { MemoryTier } from './memory-tier.js'
import { humanBytes, type RedisTier } from './redis-tier.js'
import type { CacheCounters } from './stats.js'
import type { CacheSettings } from './types.js'

/** The invalidation link: healthy while subscribed and hearing the heartbeats. */
export interface LinkState { healthy: boolean, subscribed: boolean, reason: string | undefined, silentFor: number | null }

export interface ReportSources {
  settings: CacheSettings
  counters: CacheCounters
  memory: MemoryTier
  breaker: CircuitBreaker
  l2: RedisTier | undefined
  /** Size indexes per kind in Redis. */
  buckets: Readonly<Record<CacheKind, number>>
  connected: () => boolean
  /** Undefined without Redis (a single in-process cache). */
  link: () => LinkState | undefined
  /** New epochs this instance started because Redis was not the server it was (each made every stored entry stale). */
  epochs: () => number
  /** Invalidations waiting to be replayed when Redis answers again. */
  pendingInvalidations: () => number
}

const ratio = (hits: number, misses: number) => hits + misses === 0 ? 0 : Math.round(hits / (hits + misses) * 10_000) / 10_000

/** Statistics and health of the cache, read from the counters and both tiers. */
export function createCacheReport ({ settings, counters, memory, breaker, l2, buckets, connected, link, epochs, pendingInvalidations }: ReportSources) {
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
      oversized: c.oversized,
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
      const [nodesInfo, l2Entries] = useRedis ? await Promise.all([l2.info(), l2.entryCounts(buckets)]) : [undefined, undefined]
      const info = nodesInfo?.total
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

    /**
     * healthy: Redis answers and every invalidation reaches this instance; degraded:
     * serving from L1 and the database, the invalidation link is down or silent, or
     * Redis is short of memory; unhealthy: no cache tier works.
     */
    async health () {
      let pingMs: number | undefined
      let error = breaker.lastError
      if (l2 !== undefined && breaker.allows()) {
        try { pingMs = await l2.ping() } catch (err) { error = (err as Error).message }
      }
      let memoryPressure = false
      const limit = settings.memoryLimit
      if (pingMs !== undefined && limit !== undefined) {
        // REDIS_MAX_MEMORY is each server's: a Cluster is short of memory when any master is
        const info = await l2!.info()
        memoryPressure = (info?.nodes ?? []).some(({ info }) => Number(info.used_memory ?? 0) > limit.bytes * limit.ratio)
      }
      const nodes = l2 !== undefined && pingMs !== undefined ? await l2.nodes() : []
      const redisUp = pingMs !== undefined
      const linkState = link()
      const reasons: string[] = []
      if (settings.enabled) {
        if (!redisUp) reasons.push(l2 === undefined ? 'no redis configured: in-process cache only' : 'redis does not answer: in-process cache only')
        if (redisUp && linkState !== undefined && !linkState.healthy) reasons.push(linkState.reason ?? 'invalidation link down')
        if (memoryPressure) reasons.push('redis is short of memory')
      }
      const status = !settings.enabled || reasons.length === 0 ? 'healthy' : (redisUp || l1Enabled ? 'degraded' : 'unhealthy')
      return {
        status: status as 'healthy' | 'degraded' | 'unhealthy',
        reasons,
        backend: redisUp ? 'redis' as const : 'memory' as const,
        connected: connected(),
        ping_ms: pingMs === undefined ? null : Math.round(pingMs * 1000) / 1000,
        breaker: breaker.state,
        subscribed: linkState?.subscribed ?? false,
        link_healthy: linkState?.healthy ?? false,
        heard_ms_ago: linkState?.silentFor ?? null,
        memory_pressure: memoryPressure,
        nodes,
        epochs: epochs(),
        pending_invalidations: pendingInvalidations(),
        last_error: error ?? null
      }
    }
  }
}

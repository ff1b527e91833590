import { CACHE_KINDS, KIND_PREFIX, type CacheKind } from '../cache/kinds.js'
import type { AppConfig, RedisTopology } from '../infra/config.js'

const nodesOf = (topology: RedisTopology) =>
  topology.mode === 'cluster' ? topology.nodes : topology.mode === 'sentinel' ? topology.sentinels : []

/**
 * The effective cache configuration as GET /admin/cache/config shows it.
 * Every field is picked by name (never a spread of the config), so a secret
 * added to the configuration later cannot leak here; the Redis password
 * shows only as whether one is set.
 */
export function describeCacheConfig ({ cache, redis }: Pick<AppConfig, 'cache' | 'redis'>) {
  const kinds = Object.fromEntries(CACHE_KINDS.map((kind) => [kind, {
    ttl: cache.kinds[kind].ttl,
    max_entries: cache.kinds[kind].maxEntries,
    key_prefix: KIND_PREFIX[kind]
  }])) as Record<CacheKind, { ttl: number, max_entries: number, key_prefix: string }>
  return {
    enabled: cache.enabled,
    default_ttl: cache.defaultTtl,
    max_memory_percent: cache.maxMemoryPercent,
    op_timeout_ms: cache.opTimeoutMs,
    l1_enabled: cache.l1Enabled,
    compress_threshold: cache.compressThreshold,
    warmup_on_start: cache.warmupOnStart,
    l1_max_bytes: cache.l1MaxBytes,
    max_entry_bytes: cache.maxEntryBytes,
    grace_seconds: cache.graceSeconds,
    soft_timeout_ms: cache.softTimeoutMs,
    hard_timeout_ms: cache.hardTimeoutMs,
    eager_refresh: cache.eagerRefresh,
    key_prefix: redis.keyPrefix,
    kinds,
    redis: {
      host: redis.host,
      port: redis.port,
      db: redis.db,
      password_set: redis.password !== undefined,
      max_memory: redis.maxMemory,
      max_memory_bytes: redis.maxMemoryBytes,
      max_connections: redis.maxConnections,
      socket_timeout_ms: redis.socketTimeoutMs,
      connect_timeout_ms: redis.connectTimeoutMs,
      mode: redis.topology.mode,
      nodes: nodesOf(redis.topology).map(({ host, port }) => `${host}:${port}`),
      sentinel_master: redis.topology.mode === 'sentinel' ? redis.topology.masterName : null
    }
  }
}

export type CacheConfigView = ReturnType<typeof describeCacheConfig>

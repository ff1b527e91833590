import { Type, type Static, type TSchema } from '@sinclair/typebox'
import { ObjectIdString, Timestamp } from './common.js'
import type { CacheKind } from '../services/cache/kinds.js'
import { MAX_PATTERN_LENGTH } from '../services/caching/cache-pattern.js'
import { WARMUP_LIMIT } from '../services/caching/warmup.js'
import { warmupExample } from './examples.js'

const Count = Type.Integer({ minimum: 0 })
const Nullable = <T extends TSchema>(schema: T, description: string) => Type.Union([schema, Type.Null()], { description })

/** One property per cache kind, all of the same shape. */
function PerKind<T extends TSchema> (schema: T) {
  return Type.Object({
    form_schema: schema, user_session: schema, query_result: schema, dashboard_widget: schema, api_response: schema
  } satisfies Record<CacheKind, T>)
}

export const BreakerState = Type.Union([Type.Literal('closed'), Type.Literal('half_open'), Type.Literal('open')], {
  description: 'the Redis circuit breaker: open while Redis is skipped, half_open while a probe runs'
})

const Backend = Type.Union([Type.Literal('redis'), Type.Literal('memory')], {
  description: 'redis while Redis answers; memory while the service runs on the in-process tier alone'
})

export const CacheKindStats = Type.Object({
  hits: Count,
  hits_l1: Count,
  hits_l2: Count,
  misses: Count,
  hit_ratio: Type.Number({ minimum: 0, maximum: 1 }),
  writes: Count,
  loads: Type.Integer({ minimum: 0, description: 'loader calls: how often the source (the database) was asked' }),
  oversized: Type.Integer({ minimum: 0, description: 'values larger than CACHE_MAX_ENTRY_BYTES: served, not cached' }),
  evictions: Type.Integer({ minimum: 0, description: 'entries pushed out by the kind\'s size limit, both tiers' }),
  evictions_l1: Count,
  evictions_l2: Count,
  entries_l1: Count,
  entries_l2: Count,
  ttl: Type.Integer({ description: 'seconds' }),
  max_entries: Count
}, { $id: 'CacheKindStats', title: 'CacheKindStats' })

const KindStatsRef = Type.Ref(CacheKindStats)

/** The original system's fields first (names kept), then per tier and per kind. */
export const CacheStats = Type.Object({
  backend: Backend,
  connected: Type.Boolean({ description: 'whether the Redis command connection is up' }),
  total_keys: Type.Integer({ minimum: 0, description: 'cache entries held (in Redis; in process while on the memory backend)' }),
  hits: Count,
  misses: Count,
  hit_ratio: Type.Number({ minimum: 0, maximum: 1 }),
  memory_used: Type.Integer({ minimum: 0, description: 'bytes: Redis used_memory, or the in-process payload bytes on the memory backend' }),
  memory_human: Type.String({ examples: ['1.50M'] }),
  evictions: Count,
  writes: Count,
  errors: Type.Integer({ minimum: 0, description: 'failed Redis operations since start-up' }),
  cache_enabled: Type.Boolean(),
  tiers: Type.Object({
    l1: Type.Object({ enabled: Type.Boolean(), hits: Count, entries: Count, bytes: Count }),
    l2: Type.Object({
      hits: Count,
      entries: Count,
      used_memory: Nullable(Type.Integer(), 'null while Redis is not used'),
      evicted_keys: Nullable(Type.Integer(), 'keys Redis itself evicted (maxmemory); null while Redis is not used')
    })
  }),
  breaker: BreakerState,
  kinds: PerKind(KindStatsRef)
}, { $id: 'CacheStats', title: 'CacheStats' })

export const CacheHealth = Type.Object({
  status: Type.Union([Type.Literal('healthy'), Type.Literal('degraded'), Type.Literal('unhealthy')], {
    description: 'healthy: Redis answers and every invalidation reaches this instance; degraded: serving from the in-process tier and the ' +
      'database, the invalidation link is down or silent, or Redis is short of memory (see reasons); unhealthy: no cache tier works'
  }),
  reasons: Type.Array(Type.String(), { description: 'why the cache is not healthy, in words (empty when it is)' }),
  backend: Backend,
  connected: Type.Boolean(),
  ping_ms: Nullable(Type.Number(), 'Redis round trip; null when Redis was not asked (breaker open) or did not answer'),
  breaker: BreakerState,
  subscribed: Type.Boolean({ description: 'whether this instance is subscribed to the invalidation channel' }),
  link_healthy: Type.Boolean({ description: 'subscribed and hearing the channel\'s heartbeats: invalidations from other instances reach this one' }),
  heard_ms_ago: Nullable(Type.Integer({ minimum: 0 }), 'milliseconds since anything was heard on the invalidation channel'),
  memory_pressure: Type.Boolean({ description: 'Redis (on a Cluster: any master) uses more than CACHE_MAX_MEMORY_PERCENT of REDIS_MAX_MEMORY' }),
  nodes: Type.Array(Type.Object({
    node: Type.String({ description: 'host:port' }),
    ping_ms: Nullable(Type.Number(), 'null when it does not answer')
  }), { description: 'the Redis servers holding the data (every master of a Cluster); empty while Redis is not used' }),
  epochs: Type.Integer({ minimum: 0, description: 'new epochs this instance started because Redis was another server than before (a restart or a failover): each made every stored entry stale' }),
  pending_invalidations: Type.Integer({ minimum: 0, description: 'invalidations waiting to be replayed when Redis answers again' }),
  last_error: Nullable(Type.String(), 'the last Redis error seen')
}, { $id: 'CacheHealth', title: 'CacheHealth' })

export const CacheConfig = Type.Object({
  enabled: Type.Boolean(),
  default_ttl: Type.Integer({ description: 'seconds' }),
  max_memory_percent: Type.Number(),
  op_timeout_ms: Type.Integer({ description: 'deadline of each Redis operation' }),
  l1_enabled: Type.Boolean(),
  compress_threshold: Type.Integer({ description: 'bytes; larger values are stored deflated in Redis (0: never)' }),
  warmup_on_start: Type.Boolean(),
  l1_max_bytes: Type.Integer({ description: 'the in-process tier\'s byte budget, all kinds together' }),
  max_entry_bytes: Type.Integer({ description: 'a larger value is served but not cached' }),
  grace_seconds: Type.Integer({ description: 'how long past its TTL an entry may still be served when the database fails or is slow (0: never)' }),
  soft_timeout_ms: Type.Integer({ description: 'a slower load is answered from a grace entry when there is one' }),
  hard_timeout_ms: Type.Integer({ description: 'a slower load fails' }),
  eager_refresh: Type.Number({ description: 'a hit past this share of its TTL refreshes the entry in the background (0: off)' }),
  key_prefix: Type.String({ description: 'every key the service writes starts with it' }),
  kinds: PerKind(Type.Object({ ttl: Type.Integer({ description: 'seconds' }), max_entries: Count, key_prefix: Type.String() })),
  redis: Type.Object({
    host: Type.String(),
    port: Type.Integer(),
    db: Type.Integer(),
    password_set: Type.Boolean({ description: 'whether REDIS_PASSWORD is set; the password itself is never shown' }),
    max_memory: Type.String(),
    max_memory_bytes: Count,
    max_connections: Type.Integer(),
    socket_timeout_ms: Type.Integer(),
    connect_timeout_ms: Type.Integer(),
    mode: Type.Union([Type.Literal('standalone'), Type.Literal('cluster'), Type.Literal('sentinel')], {
      description: 'standalone (REDIS_HOST), cluster (REDIS_CLUSTER_NODES) or sentinel (REDIS_SENTINELS)'
    }),
    nodes: Type.Array(Type.String(), { description: 'host:port of the cluster seed nodes or the sentinels (empty when standalone)' }),
    sentinel_master: Nullable(Type.String(), 'the master the sentinels watch (null unless sentinel)')
  })
}, { $id: 'CacheConfig', title: 'CacheConfig' })

export const InvalidationCounts = Type.Object({
  form_schemas_invalidated: Count,
  query_results_invalidated: Count,
  dashboard_widgets_invalidated: Count,
  api_responses_invalidated: Count,
  user_sessions_invalidated: Count
}, { $id: 'InvalidationCounts', title: 'InvalidationCounts', description: 'cache entries dropped, per kind' })

export const InvalidationRecord = Type.Object({
  event: Type.String({ examples: ['on_form_updated'] }),
  args: Type.Record(Type.String(), Type.Unknown(), { description: 'the ids the handler was called with', examples: [{ form_id: '665f1c2e9b1e8a3d4c5b6a79' }] }),
  counts: Type.Ref(InvalidationCounts),
  at: Timestamp,
  instance: Type.String({ description: 'the instance that ran the handler' })
}, { $id: 'InvalidationRecord', title: 'InvalidationRecord' })

export const InvalidationLogQuery = Type.Object({
  limit: Type.Integer({ minimum: 1, maximum: 1000, default: 50 })
}, { additionalProperties: false })

export const InvalidationLog = Type.Object({
  items: Type.Array(Type.Ref(InvalidationRecord), { description: 'newest first; this instance\'s log (the last 1000 calls)' })
})

export const PatternParams = Type.Object({
  pattern: Type.String({
    minLength: 1,
    maxLength: MAX_PATTERN_LENGTH,
    description: 'a Redis glob (`*`, `?`, `[...]`, `\\x`) relative to the key prefix, URL-encoded, e.g. `form:schema:*`; ' +
      'it never matches a key outside the prefix. Control characters, and globs Redis would read differently from what they ' +
      'seem to say (an unclosed `[`, a range out of order or ending in `]`, a trailing `\\`, `[]`), are a 400 naming the problem.'
  })
})

export const KeysDeleted = Type.Object({
  keys_deleted: Type.Integer({ minimum: 0, description: 'keys deleted from Redis (entries and their bookkeeping), or in-process entries on the memory backend' })
})

export const PatternDeleted = Type.Object({
  pattern: Type.String(),
  keys_deleted: KeysDeleted.properties.keys_deleted
})

const WarmupItems = (what: string) => Type.Optional(Type.Array(
  Type.Union([ObjectIdString, Type.Object({ id: ObjectIdString }, { additionalProperties: true })]),
  { maxItems: 1000, description: `${what} to warm: ids, or objects with an \`id\` (as the original API took them; other properties are ignored, values are always read from the database)` }
))

export const WarmupBody = Type.Object({
  forms: WarmupItems('forms'),
  users: WarmupItems('users')
}, {
  additionalProperties: false,
  nullable: true,
  examples: [warmupExample],
  description: `Leave the body out (or send \`{}\`) to warm the ${WARMUP_LIMIT} most recently updated published forms and ` +
    `the ${WARMUP_LIMIT} most recently updated users; with \`forms\` and/or \`users\`, exactly those.`
})
export type WarmupBody = Static<typeof WarmupBody>

export const WarmupResult = Type.Object({
  source: Type.Union([Type.Literal('request'), Type.Literal('database')]),
  forms_warmed: Count,
  users_warmed: Count,
  forms_not_found: Type.Array(ObjectIdString, { description: 'requested ids the database does not know (nothing cached)' }),
  users_not_found: Type.Array(ObjectIdString),
  duration_ms: Type.Number()
}, { $id: 'WarmupResult', title: 'WarmupResult' })

export const FormIdParams = Type.Object({ form_id: ObjectIdString })
export const UserIdParams = Type.Object({ user_id: ObjectIdString })

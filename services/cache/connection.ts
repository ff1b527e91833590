import { Cluster, Redis, type RedisOptions } from 'ioredis'
import type { AppConfig } from '../infra/config.js'

export interface RedisConnections {
  /** Commands, with the per-operation deadline: a Redis, or a Cluster routing each key to its node. */
  commands: Redis | Cluster
  /** Invalidation messages (pub/sub needs a connection of its own; sharded pub/sub on a Cluster). */
  subscriber: Redis | Cluster
  /** Redis Cluster: keys spread over the masters, the invalidation channel is sharded. */
  cluster: boolean
  /** Where the connections go, for logs. */
  describe: string
}

/**
 * The connections the cache uses, for the deployment REDIS_* describes: a
 * standalone Redis, a Redis Cluster (REDIS_CLUSTER_NODES) or the master a
 * Sentinel group watches (REDIS_SENTINELS), followed through failovers. None
 * queues commands while disconnected — the circuit breaker decides — and all
 * reconnect forever.
 */
export function createRedisConnections (redis: AppConfig['redis'], opTimeoutMs: number): RedisConnections {
  const common: RedisOptions = {
    db: redis.db,
    password: redis.password,
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: opTimeoutMs,
    connectTimeout: redis.connectTimeoutMs,
    retryStrategy: (attempt) => Math.min(50 * 2 ** attempt, 2000),
    // Off: measured faster here for one command at a time (a raw GET 35 µs against 125 µs on) and
    // for 16 in flight (64,000 against 42,000 GETs/s); see BENCHMARKS.md, section 1.
    enableAutoPipelining: false
  }
  const commandOptions: RedisOptions = { ...common, socketTimeout: redis.socketTimeoutMs, connectionName: 'forms-api' }
  const subscriberOptions: RedisOptions = { ...common, autoResubscribe: false, connectionName: 'forms-api:invalidations' }
  const { topology } = redis

  if (topology.mode === 'cluster') {
    const cluster = (redisOptions: RedisOptions, extra: object = {}) => new Cluster(topology.nodes, {
      lazyConnect: true,
      enableOfflineQueue: false,
      enableAutoPipelining: redisOptions.enableAutoPipelining,
      scaleReads: 'master',
      slotsRefreshTimeout: Math.max(1000, opTimeoutMs),
      clusterRetryStrategy: (attempt) => Math.min(100 * 2 ** attempt, 2000),
      redisOptions: { ...redisOptions, db: undefined, retryStrategy: undefined, enableOfflineQueue: undefined },
      ...extra
    } as ConstructorParameters<typeof Cluster>[1])
    return {
      commands: cluster(commandOptions),
      subscriber: cluster(subscriberOptions, { shardedSubscribers: true }),
      cluster: true,
      describe: `redis cluster ${topology.nodes.map(({ host, port }) => `${host}:${port}`).join(',')}`
    }
  }
  const where: RedisOptions = topology.mode === 'sentinel'
    ? { sentinels: topology.sentinels, name: topology.masterName, sentinelRetryStrategy: (attempt) => Math.min(100 * 2 ** attempt, 2000) }
    : { host: redis.host, port: redis.port }
  return {
    commands: new Redis({ ...commandOptions, ...where }),
    subscriber: new Redis({ ...subscriberOptions, ...where }),
    cluster: false,
    describe: topology.mode === 'sentinel'
      ? `redis master "${topology.masterName}" via sentinels ${topology.sentinels.map(({ host, port }) => `${host}:${port}`).join(',')}`
      : `redis ${redis.host}:${redis.port}`
  }
}

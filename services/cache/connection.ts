import { Redis, type RedisOptions } from 'ioredis'
import type { AppConfig } from '../config.js'

/**
 * Two connections: commands (with the per-operation deadline) and invalidation
 * messages (pub/sub needs a connection of its own). Neither queues commands
 * while disconnected — the circuit breaker decides — and both reconnect forever.
 */
export function createRedisConnections (redis: AppConfig['redis'], opTimeoutMs: number) {
  const options: RedisOptions = {
    host: redis.host,
    port: redis.port,
    db: redis.db,
    password: redis.password,
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: opTimeoutMs,
    connectTimeout: redis.connectTimeoutMs,
    retryStrategy: (attempt) => Math.min(50 * 2 ** attempt, 2000),
    enableAutoPipelining: true
  }
  return {
    commands: new Redis({ ...options, socketTimeout: redis.socketTimeoutMs, connectionName: 'forms-api' }),
    subscriber: new Redis({ ...options, autoResubscribe: false, enableAutoPipelining: false, connectionName: 'forms-api:invalidations' })
  }
}

export type RedisConnections = ReturnType<typeof createRedisConnections>

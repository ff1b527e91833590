// A cache service in this process, wired as plugins/app/redis.ts and
// plugins/app/cache.ts wire it (same connection options), from the compiled
// service, for the micro-benchmarks.
import { Redis } from 'ioredis'
import { compiled, onCleanup, sleep, type RedisServer } from './lib.js'

const silent = { info () {}, warn () {} }

export interface BenchCacheOptions {
  l1Enabled?: boolean
  /** ioredis auto-pipelining on the command connection; default the service's setting (off). */
  autoPipelining?: boolean
  /** CACHE_COMPRESS_THRESHOLD (bytes; 0: never compress); default the service's. */
  compressThreshold?: number
  /** How often the epoch is checked (ms); the service's default otherwise. */
  epochCheckMs?: number
  /** More of the service's variables (e.g. an entry limit). */
  env?: Record<string, string>
}

export async function benchCache (redis: RedisServer, { l1Enabled = true, autoPipelining, compressThreshold, epochCheckMs, env = {} }: BenchCacheOptions = {}) {
  const { createCacheService } = await compiled<typeof import('../services/cache/cache-service.js')>('services/cache/cache-service.js')
  const { createRedisConnections } = await compiled<typeof import('../services/cache/connection.js')>('services/cache/connection.js')
  const { loadConfig } = await compiled<typeof import('../services/infra/config.js')>('services/infra/config.js')
  // A deadline of a second instead of the service's 100 ms: these benches measure latency, and on a loaded
  // machine one stall past 100 ms would turn a measured hit into a miss (and open the breaker).
  const config = loadConfig({ REDIS_HOST: '127.0.0.1', REDIS_PORT: String(redis.port), REDIS_KEY_PREFIX: redis.prefix, CACHE_OP_TIMEOUT_MS: '1000', ...env })
  // a standalone Redis: the connections are plain clients
  const connections = createRedisConnections(config.redis, config.cache.opTimeoutMs) as { commands: Redis, subscriber: Redis }
  const service = connections.commands.options.enableAutoPipelining === true
  const commands = autoPipelining === undefined || autoPipelining === service
    ? connections.commands
    : new Redis({ ...connections.commands.options, enableAutoPipelining: autoPipelining })
  if (commands !== connections.commands) connections.commands.disconnect()
  const { subscriber } = connections
  await Promise.all([commands.connect(), subscriber.connect()])
  const cache = createCacheService({
    settings: { ...config.cache, keyPrefix: redis.prefix, l1Enabled, compressThreshold: compressThreshold ?? config.cache.compressThreshold, epochCheckMs },
    redis: commands,
    subscriber,
    logger: silent
  })
  onCleanup(() => {
    cache.close()
    commands.disconnect()
    subscriber.disconnect()
  })
  // L1 is trusted (and keeps entries for their TTL) only once invalidations can reach it
  for (let i = 0; i < 250 && !(await cache.health()).link_healthy; i++) await sleep(20)
  return { cache, commands, subscriber, config }
}

import fp from 'fastify-plugin'
import { createCacheService, type CacheService } from '../../services/cache/cache-service.js'

declare module 'fastify' {
  interface FastifyInstance {
    cache: CacheService
  }
}

// How long start-up waits for Redis to be in use; past it the service starts on the in-process tier.
const STARTUP_WAIT_MS = 2000

/** The two-tier cache, on Redis when it answers and in-process alone when it does not. */
export default fp(async (fastify) => {
  const { cache: settings, redis } = fastify.config
  const connections = fastify.redisConnections
  const cache = createCacheService({
    settings: {
      ...settings,
      keyPrefix: redis.keyPrefix,
      memoryLimit: { bytes: redis.maxMemoryBytes, ratio: settings.maxMemoryPercent }
    },
    redis: connections?.commands,
    subscriber: connections?.subscriber,
    sharded: connections?.cluster,
    logger: fastify.log.child({ module: 'cache' })
  })
  fastify.decorate('cache', cache)
  // ready once Redis is in use (its epoch checked), if it answers: the first requests are cached too
  fastify.addHook('onReady', async () => { await Promise.race([cache.started(), new Promise((resolve) => setTimeout(resolve, STARTUP_WAIT_MS).unref())]) })
  fastify.addHook('onClose', async () => cache.close())
}, { name: 'cache', dependencies: ['redis'] })

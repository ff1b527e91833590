import fp from 'fastify-plugin'
import { createCacheService, type CacheService } from '../../services/cache/cache-service.js'

declare module 'fastify' {
  interface FastifyInstance {
    cache: CacheService
  }
}

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
    logger: fastify.log.child({ module: 'cache' })
  })
  fastify.decorate('cache', cache)
  fastify.addHook('onClose', async () => cache.close())
}, { name: 'cache', dependencies: ['redis'] })

import fp from 'fastify-plugin'
import fastifyRedis from '@fastify/redis'
import type { Redis } from 'ioredis'
import { createRedisConnections } from '../../services/cache/connection.js'

declare module 'fastify' {
  interface FastifyInstance {
    /** Our Redis connections, or null when the cache is disabled. */
    redisConnections: { commands: Redis, subscriber: Redis } | null
  }
}

/**
 * Builds and probes the ioredis clients ourselves, so an unreachable Redis
 * never fails the start-up: the cache runs in-process until Redis answers,
 * and ioredis keeps reconnecting in the background.
 */
export default fp(async (fastify) => {
  const { redis: settings, cache } = fastify.config
  if (!cache.enabled) {
    fastify.decorate('redisConnections', null)
    return
  }
  const { commands, subscriber } = createRedisConnections(settings, cache.opTimeoutMs)

  // ioredis reports every failed reconnection; say it once per outage.
  let reported = false
  const onError = (err: Error) => {
    if (!reported) fastify.log.warn({ error: err.message }, 'redis connection error (reconnecting in the background)')
    reported = true
  }
  const onReady = () => { reported = false }
  for (const client of [commands, subscriber]) client.on('error', onError).on('ready', onReady)

  try {
    await Promise.all([commands.connect(), subscriber.connect()])
  } catch (err) {
    fastify.log.warn({ error: (err as Error).message, host: settings.host, port: settings.port },
      'redis unreachable at start-up: using the in-process cache until it answers')
  }

  // @fastify/redis waits for a client that is not ready (until the plugin
  // times out), so it gets the client only when the probe succeeded; `fastify.redis`
  // is a convenience for third-party plugins, ours use `fastify.cache`.
  if (commands.status === 'ready') await fastify.register(fastifyRedis, { client: commands, closeClient: true })
  else fastify.addHook('onClose', async () => { commands.disconnect() })
  fastify.decorate('redisConnections', { commands, subscriber })
  fastify.addHook('onClose', async () => { subscriber.disconnect() })
}, { name: 'redis', dependencies: ['config'] })

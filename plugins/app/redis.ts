import fp from 'fastify-plugin'
import fastifyRedis from '@fastify/redis'
import type { Redis } from 'ioredis'
import { createRedisConnections, type RedisConnections } from '../../services/cache/connection.js'

declare module 'fastify' {
  interface FastifyInstance {
    /** Our Redis connections, or null when the cache is disabled. */
    redisConnections: RedisConnections | null
  }
}

/** What an ioredis error means, in words an operator can act on. */
function plainly (err: Error & { code?: string }): string {
  switch (err.code) {
    case 'ECONNREFUSED': return 'connection refused (is Redis running there?)'
    case 'ENOTFOUND': case 'EAI_AGAIN': return 'the host name does not resolve'
    case 'ETIMEDOUT': return 'no answer in time'
    case 'ECONNRESET': case 'EPIPE': return 'the connection was closed'
    default: return /NOAUTH|WRONGPASS|invalid password/i.test(err.message) ? 'authentication failed (check REDIS_PASSWORD)' : err.message
  }
}

/**
 * Builds and probes the ioredis clients ourselves (a standalone Redis, a
 * Cluster or a Sentinel group, as configured), so an unreachable Redis never
 * fails the start-up: the cache runs in-process until Redis answers, and the
 * clients keep reconnecting in the background. Losing and finding Redis again
 * is logged once each, in plain words.
 */
export default fp(async (fastify) => {
  const { redis: settings, cache } = fastify.config
  if (!cache.enabled) {
    fastify.decorate('redisConnections', null)
    return
  }
  const connections = createRedisConnections(settings, cache.opTimeoutMs)
  const { commands, subscriber, describe } = connections
  const log = fastify.log.child({ module: 'redis' })

  let lost = false
  const onError = (err: Error) => {
    if (lost) return
    lost = true
    log.warn({ error: err.message }, `${describe} is unreachable: ${plainly(err)}. The cache keeps working in-process; reconnecting in the background`)
  }
  const onReady = () => {
    if (lost) log.info({}, `${describe} is reachable again`)
    lost = false
  }
  for (const client of [commands, subscriber]) client.on('error', onError).on('ready', onReady)

  // Start-up waits for Redis at most the connect timeout (a Cluster still agreeing on its
  // slots can take longer); the service starts in-process meanwhile and the clients keep trying.
  let timer: NodeJS.Timeout | undefined
  const gaveUp = new Promise<false>((resolve) => { timer = setTimeout(() => resolve(false), settings.connectTimeoutMs) })
  try {
    const connected = await Promise.race([Promise.all([commands.connect(), subscriber.connect()]).then(() => true), gaveUp])
    if (connected) log.info({}, `using ${describe}`)
    else log.warn({}, `${describe} did not answer within ${settings.connectTimeoutMs} ms: starting with the in-process cache; connecting in the background`)
  } catch { /* logged once by onError; the clients retry by themselves */ } finally {
    clearTimeout(timer)
  }

  // @fastify/redis waits for a client that is not ready (until the plugin times
  // out), so it gets the client only when the probe succeeded (and only a plain
  // one); `fastify.redis` is a convenience for third-party plugins, ours use `fastify.cache`.
  if (commands.status === 'ready' && !connections.cluster) await fastify.register(fastifyRedis, { client: commands as Redis, closeClient: true })
  else fastify.addHook('onClose', async () => { commands.disconnect() })
  fastify.decorate('redisConnections', connections)
  fastify.addHook('onClose', async () => { subscriber.disconnect() })
}, { name: 'redis', dependencies: ['config'] })

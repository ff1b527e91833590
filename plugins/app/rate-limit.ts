import fp from 'fastify-plugin'
import rateLimit from '@fastify/rate-limit'
import type { FastifyReply } from 'fastify'
import { TooManyRequestsError } from '../../services/infra/errors.js'
import { createRateCounter, rateLimitStore } from '../../services/infra/rate-limits.js'

declare module 'fastify' {
  interface FastifyInstance {
    /**
     * Counts an attempt on an account's password (login, a password change)
     * and answers 429 past RATE_LIMIT_LOGIN a minute, whether the account exists or not.
     */
    throttleAccount (reply: FastifyReply, email: string): Promise<void>
  }
}

const MINUTE = 60_000

/**
 * @fastify/rate-limit on counters every instance shares through Redis (in
 * process while Redis is not in use). Limits are set per route (login,
 * response submission), per client address (`request.ip`: see TRUST_PROXY).
 */
export default fp(async (fastify) => {
  const { cache, config } = fastify
  const counter = createRateCounter({
    redis: () => fastify.redisConnections?.commands,
    redisAvailable: () => cache.redisAvailable(),
    prefix: `${config.redis.keyPrefix}ratelimit:`,
    onRedisError: (err) => fastify.log.warn({ error: err.message }, 'rate limit: Redis failed, counting in process')
  })

  await fastify.register(rateLimit, {
    global: false,
    store: rateLimitStore(counter),
    errorResponseBuilder: (_request, context) => new TooManyRequestsError(`Rate limit exceeded, retry in ${context.after}`)
  })

  fastify.decorate('throttleAccount', async (reply: FastifyReply, email: string) => {
    const { current, ttl } = await counter.hit('account', email.trim().toLowerCase(), MINUTE)
    if (current <= config.rateLimit.login) return
    const seconds = Math.max(1, Math.ceil(ttl / 1000))
    reply.header('retry-after', seconds)
    throw new TooManyRequestsError(`Too many attempts for this account, retry in ${seconds} seconds`)
  })
}, { name: 'rate-limit', dependencies: ['config', 'redis', 'cache'] })

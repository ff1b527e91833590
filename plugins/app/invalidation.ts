import fp from 'fastify-plugin'
import { createInvalidationService, type InvalidationService } from '../../services/caching/invalidation.js'
import { invalidationRetryDelay } from '../../services/outbox/backoff.js'

declare module 'fastify' {
  interface FastifyInstance {
    invalidation: InvalidationService
  }
}

/**
 * Every write records its invalidation in the outbox, in its own transaction,
 * leased to this instance; it runs here before the write is answered
 * (read-your-writes). Once Redis took it, the outbox item is done; otherwise
 * it is released and the relay retries it (on any instance, or on this one's
 * next start if it dies first).
 */
export default fp(async (fastify) => {
  const { events, repositories, config } = fastify
  const invalidation = createInvalidationService({ cache: fastify.cache })
  fastify.decorate('invalidation', invalidation)
  const log = fastify.log.child({ module: 'invalidation' })

  events.onRecorded(async ({ invalidation: item }) => {
    if (item === undefined) return
    try {
      const { delivered } = await invalidation.apply(item)
      const now = Date.now()
      const retryAt = delivered ? null : now + invalidationRetryDelay(1, config.outbox.pollMs)
      await repositories.outbox.settleInvalidations(item.lease.owner, [item.id], retryAt, now)
    } catch (err) {
      // the write is committed: its answer stands, and the relay takes the item once the lease ends
      log.error({ err, event: item.event, outbox_id: item.id }, 'could not run a write\'s invalidation; the outbox relay retries it')
    }
  })
}, { name: 'invalidation', dependencies: ['config', 'db', 'cache', 'domain'] })

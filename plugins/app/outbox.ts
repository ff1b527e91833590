import fp from 'fastify-plugin'
import { createDeliver } from '../../services/outbox/delivery/attempt.js'
import { createHttpSender } from '../../services/outbox/delivery/http-sender.js'
import { createOutboxRelay, type OutboxRelay } from '../../services/outbox/relay.js'

declare module 'fastify' {
  interface FastifyInstance {
    /** The relay of what writes recorded in the outbox; `idle()` lets tests and tools wait for it. */
    outbox: OutboxRelay
  }
}

/**
 * Relays the outbox in the background: the invalidations a writer could not
 * deliver, and every webhook delivery (signed, retried with backoff). Starts
 * once the app is ready (taking over what a crashed process left) and stops
 * before the database closes; attempts in flight then stay pending.
 */
export default fp(async (fastify) => {
  const { repositories, events, invalidation, config } = fastify
  const { webhooks, outbox } = config
  const relay = createOutboxRelay({
    outbox: repositories.outbox,
    invalidate: (items) => invalidation.replay(items),
    deliver: createDeliver({ send: createHttpSender({ policy: webhooks }), timeoutMs: webhooks.timeoutMs }),
    settings: { ...outbox, maxAttempts: webhooks.maxAttempts, retryBaseMs: webhooks.retryBaseMs, retryMaxMs: webhooks.retryMaxMs },
    log: fastify.log.child({ module: 'outbox' })
  })
  fastify.decorate('outbox', relay)
  // a write's deliveries start at once, after its request was answered
  events.onRecorded(({ webhook }) => { if (webhook !== undefined) relay.poke() })
  fastify.addHook('onReady', async () => { relay.start() })
  // registered after the database plugin, so this runs before it closes
  fastify.addHook('onClose', () => relay.close())
}, { name: 'outbox', dependencies: ['config', 'db', 'domain', 'invalidation'] })

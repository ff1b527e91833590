import fp from 'fastify-plugin'
import { createWebhookDispatcher, type WebhookDispatcher } from '../../services/delivery/dispatcher.js'
import { createHttpSender } from '../../services/delivery/http-sender.js'
import { deliverDomainEvents } from '../../services/delivery/subscriber.js'
import { tags } from '../../services/tags.js'

declare module 'fastify' {
  interface FastifyInstance {
    /** Background webhook deliveries; `idle()` lets tests and tools wait for them. */
    webhookDeliveries: WebhookDispatcher
  }
}

/**
 * Delivers domain events to webhooks, signed and retried, after the request
 * that caused them was answered. Stops with the app: pending retries are
 * dropped (and logged) before the database closes.
 */
export default fp(async (fastify) => {
  const { repositories, events, config } = fastify
  const dispatcher = createWebhookDispatcher({
    send: createHttpSender({ policy: config.webhooks }),
    recordDelivery: async (id, delivery, formId) => {
      await repositories.webhooks.recordDelivery(id, delivery)
      // the webhook's cached views show its last delivery
      await fastify.cache.invalidateTags([tags.formWebhooks(formId)])
    },
    log: fastify.log.child({ component: 'webhooks' })
  })
  deliverDomainEvents(events, dispatcher, repositories.webhooks)
  fastify.decorate('webhookDeliveries', dispatcher)
  // registered after the database plugin, so this runs before it closes
  fastify.addHook('onClose', () => dispatcher.close())
}, { name: 'webhook-deliveries', dependencies: ['config', 'db', 'domain', 'cache'] })

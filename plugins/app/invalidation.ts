import fp from 'fastify-plugin'
import { createInvalidationService, type InvalidationService } from '../../services/invalidation.js'

declare module 'fastify' {
  interface FastifyInstance {
    invalidation: InvalidationService
  }
}

/**
 * Every write path emits a domain event after its write succeeded; its
 * invalidation handler runs before the write is answered (read-your-writes).
 */
export default fp(async (fastify) => {
  const { events } = fastify
  const invalidation = createInvalidationService({ cache: fastify.cache })
  fastify.decorate('invalidation', invalidation)

  events.on('form.created', ({ form }) => invalidation.on_form_created(form))
  events.on('form.updated', ({ before, form }) => invalidation.on_form_updated(form, before.owner_id))
  events.on('form.deleted', ({ form }) => invalidation.on_form_deleted(form))
  events.on('response.submitted', ({ form, response }) => invalidation.on_response_submitted(form, response.id))
  events.on('response.updated', ({ form, response }) => invalidation.on_response_updated(form, response.id))
  events.on('user.updated', ({ before, user }) => before.role === user.role
    ? invalidation.on_user_updated(user.id)
    : invalidation.on_user_permission_changed(user.id))
  // a deleted user loses every right at once
  events.on('user.deleted', ({ user }) => invalidation.on_user_permission_changed(user.id))
  events.on('webhook.changed', ({ form, webhook_id: webhookId }) => invalidation.on_webhook_config_changed(webhookId, form.id))
  events.on('dashboard.updated', ({ user_id: userId }) => invalidation.on_dashboard_updated(userId))
}, { name: 'invalidation', dependencies: ['cache', 'domain'] })

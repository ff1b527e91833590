import fp from 'fastify-plugin'
import { createDashboardService, type DashboardService } from '../../services/domain/dashboards.js'
import { createEventBus, type EventBus } from '../../services/infra/events.js'
import { createFormService, type FormService } from '../../services/domain/forms.js'
import { owedSideEffects } from '../../services/outbox/owed.js'
import { createResponseService, type ResponseService } from '../../services/domain/responses.js'
import { createUserService, type UserService } from '../../services/domain/users.js'
import { createWebhookService, type WebhookService } from '../../services/domain/webhooks.js'

declare module 'fastify' {
  interface FastifyInstance {
    events: EventBus
    users: UserService
    forms: FormService
    responses: ResponseService
    dashboards: DashboardService
    webhooks: WebhookService
  }
}

export const NO_USER_YET = 'The database has no user yet, so nobody can sign in: start the service once with ADMIN_EMAIL and ' +
  'ADMIN_PASSWORD set to create the first admin, e.g. ADMIN_EMAIL=admin@example.com ADMIN_PASSWORD=change-me-please npm start'

/** The domain services, and the first admin when the database has no user yet. */
export default fp(async (fastify) => {
  // every write records what it owes (invalidation, webhook deliveries) in its own transaction
  const events = createEventBus(owedSideEffects({ leaseMs: fastify.config.outbox.leaseMs }))
  const deps = { repositories: fastify.repositories, events, cache: fastify.cache }
  const forms = createFormService(deps)
  fastify.decorate('events', events)
  fastify.decorate('users', createUserService(deps))
  fastify.decorate('forms', forms)
  fastify.decorate('responses', createResponseService({ ...deps, loadForm: forms.loadForm }))
  fastify.decorate('dashboards', createDashboardService(deps))
  fastify.decorate('webhooks', createWebhookService({ ...deps, policy: fastify.config.webhooks }))

  const { adminEmail, adminPassword } = fastify.config.auth
  if (adminEmail !== undefined && adminPassword !== undefined) {
    const admin = await fastify.users.bootstrapAdmin(adminEmail, adminPassword)
    if (admin !== null) fastify.log.info({ user_id: admin.id }, `created the first admin, ${adminEmail}, from ADMIN_EMAIL and ADMIN_PASSWORD`)
  } else if (await fastify.repositories.users.count() === 0) {
    // nobody can sign in yet: say how to get the first user, in the terms of the README
    fastify.log.warn(NO_USER_YET)
  }
}, { name: 'domain', dependencies: ['db', 'cache'] })

import fp from 'fastify-plugin'
import { createEventBus, type EventBus } from '../../services/events.js'
import { createFormService, type FormService } from '../../services/forms.js'
import { createUserService, type UserService } from '../../services/users.js'

declare module 'fastify' {
  interface FastifyInstance {
    events: EventBus
    users: UserService
    forms: FormService
  }
}

/** The domain services, and the first admin when the database has no user yet. */
export default fp(async (fastify) => {
  const events = createEventBus()
  const deps = { repositories: fastify.repositories, events }
  fastify.decorate('events', events)
  fastify.decorate('users', createUserService(deps))
  fastify.decorate('forms', createFormService(deps))

  const { adminEmail, adminPassword } = fastify.config.auth
  if (adminEmail !== undefined && adminPassword !== undefined) {
    const admin = await fastify.users.bootstrapAdmin(adminEmail, adminPassword)
    if (admin !== null) fastify.log.info({ user_id: admin.id }, 'created the first admin from ADMIN_EMAIL')
  }
}, { name: 'domain', dependencies: ['db'] })

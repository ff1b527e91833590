import swagger, { type FastifyDynamicSwaggerOptions } from '@fastify/swagger'

export default swagger

export const autoConfig: FastifyDynamicSwaggerOptions = {
  openapi: {
    openapi: '3.0.3',
    info: {
      title: 'Forms API',
      version: '1.0.0',
      description: 'Forms, responses, dashboards and webhooks, served through a two-tier (in-process + Redis) cache.'
    },
    tags: [
      { name: 'health', description: 'Liveness and readiness probes, metrics' },
      { name: 'auth', description: 'Log in' },
      { name: 'users', description: 'User accounts and roles' },
      { name: 'forms', description: 'Forms and their field schemas' },
      { name: 'responses', description: 'Submitted answers and analytics' },
      { name: 'webhooks', description: 'Signed event deliveries' },
      { name: 'dashboard', description: 'Per-user dashboard layout and widgets' },
      { name: 'admin', description: 'Cache administration (admin role)' }
    ],
    components: {
      securitySchemes: {
        bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }
      }
    }
  },
  // components named after the schemas' $id instead of def-0, def-1, ...
  refResolver: {
    buildLocalReference: (json, _baseUri, _fragment, i) => typeof json.$id === 'string' ? json.$id : `def-${i}`
  }
}

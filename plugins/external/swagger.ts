import swagger, { type FastifyDynamicSwaggerOptions } from '@fastify/swagger'
import { documentRoute, finishDocument, type RouteInfo, type RouteSchema } from '../../services/infra/openapi-document.js'

export default swagger

export const autoConfig: FastifyDynamicSwaggerOptions = {
  // 3.1: its schemas are JSON Schema 2020-12, the dialect TypeBox writes (examples, null, const)
  openapi: {
    openapi: '3.1.0',
    info: {
      title: 'Forms API',
      version: '1.0.0',
      description: 'Forms, responses, dashboards and webhooks, served through a two-tier (in-process + Redis) cache.',
      license: { name: 'MIT', identifier: 'MIT' }
    },
    servers: [
      { url: '/', description: 'the server that serves this document' },
      { url: 'http://127.0.0.1:3000', description: '`npm start` with the default HOST and PORT' }
    ],
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
        bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'the `access_token` from `POST /api/v1/auth/login`' }
      }
    }
  },
  transform: ({ schema, url, route }) => ({ schema: documentRoute(schema as RouteSchema, route as RouteInfo) as typeof schema, url }),
  transformObject: (document) => 'openapiObject' in document ? finishDocument(document.openapiObject) : document.swaggerObject,
  // components named after the schemas' $id instead of def-0, def-1, ...
  refResolver: {
    buildLocalReference: (json, _baseUri, _fragment, i) => typeof json.$id === 'string' ? json.$id : `def-${i}`
  }
}

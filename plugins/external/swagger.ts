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
  transformObject: (document) => 'openapiObject' in document ? optionalNullableBodies(document.openapiObject) : document.swaggerObject,
  // components named after the schemas' $id instead of def-0, def-1, ...
  refResolver: {
    buildLocalReference: (json, _baseUri, _fragment, i) => typeof json.$id === 'string' ? json.$id : `def-${i}`
  }
}

interface Operation { requestBody?: { required?: boolean, content?: Record<string, { schema?: { nullable?: boolean } }> } }

/**
 * @fastify/swagger marks every request body required; a body schema that
 * accepts null (POST /admin/cache/warmup) may be left out.
 */
function optionalNullableBodies<T extends { paths?: object }> (document: T): T {
  for (const methods of Object.values(document.paths ?? {}) as Array<Record<string, Operation>>) {
    for (const { requestBody } of Object.values(methods)) {
      const media = Object.values(requestBody?.content ?? {})
      if (requestBody !== undefined && media.some(({ schema }) => schema?.nullable === true)) requestBody.required = false
    }
  }
  return document
}

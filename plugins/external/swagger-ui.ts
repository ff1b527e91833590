import swaggerUi from '@fastify/swagger-ui'

export default swaggerUi

// Swagger UI at /docs; the document at /docs/json and /docs/yaml.
export const autoConfig = { routePrefix: '/docs' }

import swaggerUi, { type FastifySwaggerUiOptions } from '@fastify/swagger-ui'

export default swaggerUi

// Swagger UI at /docs; the document at /docs/json and /docs/yaml.
export const autoConfig: FastifySwaggerUiOptions = {
  routePrefix: '/docs',
  uiConfig: {
    // the token given to "Authorize" survives a reload (kept in the browser's localStorage)
    persistAuthorization: true,
    // the names the generated client and the document use
    displayOperationId: true
  }
}

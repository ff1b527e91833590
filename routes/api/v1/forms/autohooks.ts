import type { FastifyInstance, onRequestHookHandler } from 'fastify'

/**
 * Every route below needs a signed-in user, except those that set
 * `config: { auth: 'optional' }` (a published form's schema, answering a
 * form): anyone may call them, and a token, when sent, must be valid.
 */
export default async function (fastify: FastifyInstance) {
  const { authenticate, identify } = fastify
  fastify.addHook('onRequest', function (request, reply, done) {
    const guard: onRequestHookHandler = request.routeOptions.config.auth === 'optional' ? identify : authenticate
    guard.call(this, request, reply, done)
  } satisfies onRequestHookHandler)
}

import type { FastifyInstance } from 'fastify'

// Admins only. Both checks run on request, before the body is parsed or
// validated: a caller without the role learns nothing about the input rules.
export default async function (fastify: FastifyInstance) {
  fastify.addHook('onRequest', fastify.authenticate)
  fastify.addHook('onRequest', fastify.requireRole('admin'))
  // figures of this moment, for this admin: no shared or browser cache keeps them
  fastify.addHook('onRequest', async (_request, reply) => { reply.header('cache-control', 'no-store') })
}

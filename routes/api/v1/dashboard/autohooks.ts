import type { FastifyInstance } from 'fastify'

// Every dashboard route belongs to the signed-in user.
export default async function (fastify: FastifyInstance) {
  fastify.addHook('onRequest', fastify.authenticate)
}

import { randomBytes } from 'node:crypto'
import fastifyJwt, { type FastifyJWTOptions } from '@fastify/jwt'
import type { FastifyInstance } from 'fastify'

export default fastifyJwt

export const autoConfig = (fastify: FastifyInstance): FastifyJWTOptions => {
  const { jwtSecret, tokenTtlSeconds } = fastify.config.auth
  let secret = jwtSecret
  if (secret === undefined) {
    fastify.log.warn('JWT_SECRET is not set: using a random secret; tokens end with this process and do not work on other instances')
    secret = randomBytes(32).toString('hex')
  }
  return {
    secret,
    // @fastify/jwt reads a number as seconds
    // verified tokens are remembered by plugins/app/auth.ts, keyed by the token itself
    // (fast-jwt's own cache hashes each token first: most of a request's authentication)
    sign: { expiresIn: tokenTtlSeconds }
  }
}

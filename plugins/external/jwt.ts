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
    sign: { expiresIn: tokenTtlSeconds },
    // A verified token is remembered (hashed, until it expires or 10 minutes pass), so a
    // client's next requests skip the signature check. Revocation does not depend on it:
    // the user is looked up on every request.
    verify: { cache: 10_000 }
  }
}

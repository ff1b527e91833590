import fp from 'fastify-plugin'
import type { FastifyRequest, preHandlerAsyncHookHandler } from 'fastify'
import type { Role, User } from '../../schemas/users.js'
import { ForbiddenError, UnauthorizedError } from '../../services/errors.js'

declare module '@fastify/jwt' {
  interface FastifyJWT {
    payload: { sub: string }
    user: User
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    /** onRequest hook: a valid token of an existing user, or 401. Sets `request.user`. */
    authenticate (request: FastifyRequest): Promise<void>
    /** onRequest hook for public routes: like authenticate when a token is sent, anonymous otherwise. */
    identify (request: FastifyRequest): Promise<void>
    /** preHandler hook: 403 unless the user has one of the roles. */
    requireRole (...roles: Role[]): preHandlerAsyncHookHandler
  }
}

/** The signed-in user on a route guarded by `identify`, or null for an anonymous request. */
export function optionalUser (request: FastifyRequest): User | null {
  return request.headers.authorization === undefined ? null : request.user
}

const BEARER = /^Bearer +(\S+)$/i

export default fp(async (fastify) => {
  const { users, jwt } = fastify

  /** The token's subject; fast-jwt's verifier directly (synchronous, with its verified-token cache). */
  function subject (authorization: string | undefined): string {
    const token = authorization === undefined ? undefined : BEARER.exec(authorization)?.[1]
    if (token === undefined) throw new UnauthorizedError('Send the access token as Authorization: Bearer <token>')
    let claims: { sub?: unknown }
    try {
      claims = jwt.verify<{ sub?: unknown }>(token)
    } catch (err) {
      const expired = (err as { code?: string }).code === 'FAST_JWT_EXPIRED'
      throw new UnauthorizedError(expired ? 'The access token has expired' : 'The access token is not valid')
    }
    if (typeof claims.sub !== 'string') throw new UnauthorizedError('The access token is not valid')
    return claims.sub
  }

  // The user is looked up on every request, so a deleted or demoted user's
  // token loses its rights on the next request.
  async function authenticate (request: FastifyRequest) {
    const user = await users.lookup(subject(request.headers.authorization))
    if (user === null) throw new UnauthorizedError('The account this token belongs to no longer exists')
    request.user = user
  }

  fastify.decorate('authenticate', authenticate)
  fastify.decorate('identify', async (request: FastifyRequest) => {
    if (request.headers.authorization !== undefined) await authenticate(request)
  })
  fastify.decorate('requireRole', (...roles: Role[]): preHandlerAsyncHookHandler => async (request) => {
    if (!roles.includes(request.user.role)) throw new ForbiddenError(`This requires the ${roles.join(' or ')} role`)
  })
}, { name: 'auth', dependencies: ['domain', '@fastify/jwt'] })

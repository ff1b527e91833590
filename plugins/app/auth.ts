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

export default fp(async (fastify) => {
  const { users } = fastify

  // The user is looked up on every request, so a deleted or demoted user's
  // token loses its rights on the next request.
  async function authenticate (request: FastifyRequest) {
    const { sub } = await request.jwtVerify<{ sub: string }>()
    const user = await users.lookup(sub)
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

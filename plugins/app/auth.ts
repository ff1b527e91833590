import fp from 'fastify-plugin'
import type { FastifyRequest, preHandlerAsyncHookHandler } from 'fastify'
import type { Role, User } from '../../schemas/users.js'
import { ForbiddenError, InvalidTokenError, UnauthorizedError } from '../../services/errors.js'

declare module '@fastify/jwt' {
  interface FastifyJWT {
    /** `gen`: the user's token generation when the token was issued (absent in tokens older than it: 0). */
    payload: { sub: string, gen?: number }
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

interface Claims { sub: string, gen: number }

export default fp(async (fastify) => {
  const { users, jwt } = fastify

  /** The token's claims; fast-jwt's verifier directly (synchronous, with its verified-token cache). */
  function claimsOf (authorization: string | undefined): Claims {
    const token = authorization === undefined ? undefined : BEARER.exec(authorization)?.[1]
    if (token === undefined) throw new UnauthorizedError('Send the access token as Authorization: Bearer <token>')
    let claims: { sub?: unknown, gen?: unknown }
    try {
      claims = jwt.verify<{ sub?: unknown, gen?: unknown }>(token)
    } catch (err) {
      const expired = (err as { code?: string }).code === 'FAST_JWT_EXPIRED'
      throw new InvalidTokenError(expired ? 'The access token has expired' : 'The access token is not valid')
    }
    const gen = claims.gen ?? 0
    if (typeof claims.sub !== 'string' || !Number.isSafeInteger(gen)) throw new InvalidTokenError('The access token is not valid')
    return { sub: claims.sub, gen: gen as number }
  }

  // The user is looked up on every request (through the session cache), so a
  // deleted or demoted user's token loses its rights on the next request, and
  // a token from an earlier generation (before a password change or a
  // revocation) is refused. Generations are counters, not times: two tokens
  // issued in the same second on either side of a change are told apart.
  async function authenticate (request: FastifyRequest) {
    const { sub, gen } = claimsOf(request.headers.authorization)
    const user = await users.lookup(sub)
    if (user === null) throw new InvalidTokenError('The account this token belongs to no longer exists')
    // a session cached by a version without generations has none: 0, as the database has it until a change (which drops that entry)
    if ((user.token_generation ?? 0) !== gen) throw new InvalidTokenError('The access token was revoked (password changed or sessions ended): log in again')
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

import fp from 'fastify-plugin'
import { LRUMap } from 'mnemonist'
import type { FastifyRequest, onRequestHookHandler, preHandlerAsyncHookHandler } from 'fastify'
import type { Role, SessionUser, User } from '../../schemas/users.js'
import { ForbiddenError, InvalidTokenError, UnauthorizedError } from '../../services/infra/errors.js'

declare module '@fastify/jwt' {
  interface FastifyJWT {
    /** `gen`: the user's token generation when the token was issued (absent in tokens older than it: 0). */
    payload: { sub: string, gen?: number }
    user: User
  }
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** `optional`: a public route in a folder whose autohooks require sign-in (anonymous, or a valid token). */
    auth?: 'optional'
  }
  interface FastifyInstance {
    /** onRequest hook: a valid token of an existing user, or 401. Sets `request.user`. */
    authenticate: onRequestHookHandler
    /** onRequest hook for public routes: like authenticate when a token is sent, anonymous otherwise. */
    identify: onRequestHookHandler
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

/** Tokens this process has verified, by the token itself: a client's next requests skip the signature check. */
const VERIFIED_TOKENS = 10_000

export default fp(async (fastify) => {
  const { users, jwt } = fastify

  // Only a verified token is remembered (junk cannot fill it), with its expiry, which
  // still holds. Revocation does not depend on it: the user is looked up on every request.
  const verified = new LRUMap<string, Claims & { expiresAt: number }>(VERIFIED_TOKENS)

  /** The token's claims: remembered, or from fast-jwt's verifier (synchronous). */
  function claimsOf (authorization: string | undefined): Claims {
    const token = authorization === undefined ? undefined : BEARER.exec(authorization)?.[1]
    if (token === undefined) throw new UnauthorizedError('Send the access token as Authorization: Bearer <token>')
    const known = verified.get(token)
    if (known !== undefined && Date.now() < known.expiresAt) return known
    let claims: { sub?: unknown, gen?: unknown, exp?: unknown }
    try {
      claims = jwt.verify<{ sub?: unknown, gen?: unknown, exp?: unknown }>(token)
    } catch (err) {
      const expired = (err as { code?: string }).code === 'FAST_JWT_EXPIRED'
      throw new InvalidTokenError(expired ? 'The access token has expired' : 'The access token is not valid')
    }
    const gen = claims.gen ?? 0
    if (typeof claims.sub !== 'string' || !Number.isSafeInteger(gen)) throw new InvalidTokenError('The access token is not valid')
    const result = { sub: claims.sub, gen: gen as number }
    if (typeof claims.exp === 'number') verified.set(token, { ...result, expiresAt: claims.exp * 1000 })
    return result
  }

  // The user is looked up on every request (through the session cache), so a
  // deleted or demoted user's token loses its rights on the next request, and
  // a token from an earlier generation (before a password change or a
  // revocation) is refused. Generations are counters, not times: two tokens
  // issued in the same second on either side of a change are told apart.
  function accept (request: FastifyRequest, user: SessionUser | null, gen: number) {
    if (user === null) throw new InvalidTokenError('The account this token belongs to no longer exists')
    // a session cached by a version without generations has none: 0, as the database has it until a change (which drops that entry)
    if ((user.token_generation ?? 0) !== gen) throw new InvalidTokenError('The access token was revoked (password changed or sessions ended): log in again')
    request.user = user
  }

  // A hook with a callback, not a promise: a session in the in-process tier is
  // accepted synchronously (the common case, on every request).
  const authenticate: onRequestHookHandler = (request, _reply, done) => {
    let claims: Claims
    try {
      claims = claimsOf(request.headers.authorization)
      const session = users.peekSession(claims.sub)
      if (session !== undefined) {
        accept(request, session, claims.gen)
        return done()
      }
    } catch (err) {
      return done(err as Error)
    }
    users.lookup(claims.sub).then((user) => {
      accept(request, user, claims.gen)
      done()
    }, done).catch(done)
  }

  fastify.decorate('authenticate', authenticate)
  fastify.decorate('identify', function (this: typeof fastify, request, reply, done) {
    if (request.headers.authorization === undefined) return done()
    authenticate.call(this, request, reply, done)
  } satisfies onRequestHookHandler)
  fastify.decorate('requireRole', (...roles: Role[]): preHandlerAsyncHookHandler => async (request) => {
    if (!roles.includes(request.user.role)) throw new ForbiddenError(`This requires the ${roles.join(' or ')} role`)
  })
}, { name: 'auth', dependencies: ['domain', '@fastify/jwt'] })

import fp from 'fastify-plugin'
import type { FastifyReply, FastifyRequest, onRequestHookHandler, onSendHookHandler } from 'fastify'
import type { CacheKind } from '../../services/cache/kinds.js'
import type { Fill } from '../../services/cache/read-through.js'
import type { Ticket } from '../../services/cache/cache-service.js'
import { ifNoneMatchMatches } from '../../services/conditional.js'
import { ageSeconds, decodeResponse, encodeResponse, requestDirectives, responseKey } from '../../services/http-cache.js'

/** A GET route opts into the response cache with `config.cache`. */
export interface RouteCacheOptions {
  /** Default `api_response`. */
  kind?: CacheKind
  /** Seconds; default the kind's TTL. */
  ttl?: number
  /** `user`: one entry per user, `private` (for responses that differ per user or per role). Default `public`. */
  scope?: 'public' | 'user'
  /** What the response depends on (services/tags.ts): a write that changes any of it drops the entry. */
  tags?: (request: FastifyRequest) => string[]
}

declare module 'fastify' {
  interface FastifyContextConfig {
    cache?: RouteCacheOptions
  }
  interface FastifyRequest {
    /** A response this request is to store once it is sent (a miss, or a revalidation). */
    responseCache: { fill?: Fill, ticket?: Ticket, ttl?: number } | null
  }
}

/** 304 for a 200 GET/HEAD whose ETag matches `If-None-Match` (RFC 9110 §13.1.2). */
function notModified (request: FastifyRequest, reply: FastifyReply, payload: unknown) {
  if (reply.statusCode !== 200 || (request.method !== 'GET' && request.method !== 'HEAD')) return payload
  const etag = reply.getHeader('etag')
  if (typeof etag !== 'string' || !ifNoneMatchMatches(request.headers['if-none-match'], etag)) return payload
  reply.code(304)
  return null
}

const asArray = <T>(hooks: T | T[] | undefined): T[] => hooks === undefined ? [] : Array.isArray(hooks) ? hooks : [hooks]

/**
 * The HTTP response cache. Opted-in GET routes get `X-Cache`, a stored strong
 * ETag, `Age` on hits, 304 for matching `If-None-Match`, request
 * `Cache-Control` bypass, and coalesced misses (one handler run per key,
 * across instances). Other routes only get the conditional 304.
 */
export default fp(async (fastify) => {
  const { cache } = fastify
  fastify.decorateRequest('responseCache', null)

  const lookup: onRequestHookHandler = async function (request, reply) {
    const options = request.routeOptions.config.cache!
    const user = options.scope === 'user'
    // revalidation with the ETag is the cheap path: never a max-age that could show older data than a fresh GET
    reply.header('cache-control', user ? 'private, no-cache' : 'no-cache')
    if (user) reply.header('vary', 'Authorization')
    const { noStore, revalidate } = requestDirectives(request.headers['cache-control'], request.headers.pragma)
    if (noStore) {
      reply.header('x-cache', 'BYPASS')
      return
    }
    const kind = options.kind ?? 'api_response'
    const key = responseKey({
      route: request.routeOptions.url!,
      params: request.params as Record<string, string>,
      query: request.query as Record<string, unknown>,
      userId: user ? (request.user?.id ?? 'anonymous') : undefined
    })
    if (revalidate) {
      const { ticket } = await cache.lookup(kind, key, options.tags?.(request), { read: false })
      request.responseCache = { ticket, ttl: options.ttl }
      reply.header('x-cache', 'BYPASS')
      return
    }
    // an in-process hit first: no tags to compute, no promise to wait for
    let hit = cache.peek(kind, key)
    if (hit === undefined) {
      const begun = await cache.begin(kind, key, options.tags?.(request))
      if (begun.hit === undefined) {
        request.responseCache = { fill: begun.fill, ttl: options.ttl }
        reply.header('x-cache', 'MISS')
        return
      }
      hit = begun.hit
    }
    const response = decodeResponse(hit.payload)
    reply.header('x-cache', 'HIT').header('age', ageSeconds(hit.createdAt)).header('etag', response.etag)
    if (ifNoneMatchMatches(request.headers['if-none-match'], response.etag)) return reply.code(304).send()
    return reply.header('content-type', response.contentType).send(response.body)
  }

  const store: onSendHookHandler = async function (request, reply, payload) {
    const state = request.responseCache
    if (state === null) return payload
    request.responseCache = null
    const etag = reply.getHeader('etag')
    const contentType = reply.getHeader('content-type')
    // a public route's handler opts a response out with `Cache-Control: private` (e.g. a draft shown to its owner)
    const optedOut = request.routeOptions.config.cache!.scope !== 'user' && /private|no-store/.test(String(reply.getHeader('cache-control')))
    const cacheable = reply.statusCode === 200 && !optedOut && typeof etag === 'string' && typeof contentType === 'string' &&
      (typeof payload === 'string' || Buffer.isBuffer(payload))
    const stored = cacheable ? encodeResponse({ etag, contentType, body: Buffer.from(payload as string | Buffer) }) : undefined
    if (state.fill !== undefined) void state.fill.finish(stored, state.ttl)
    else if (state.ticket !== undefined && stored !== undefined) void cache.fill(state.ticket, stored, state.ttl)
    return notModified(request, reply, payload)
  }

  // a request that ends without reaching onSend must still let its followers go
  const release = async (request: FastifyRequest) => {
    const state = request.responseCache
    request.responseCache = null
    if (state?.fill !== undefined) await state.fill.finish()
  }

  fastify.addHook('onRoute', (route) => {
    if (route.config?.cache === undefined) return
    const methods = asArray(route.method)
    if (methods.some((method) => method !== 'GET' && method !== 'HEAD')) throw new Error(`config.cache is for GET routes (${route.url})`)
    // after the route's own onRequest hooks: authentication comes before the lookup
    route.onRequest = [...asArray(route.onRequest), lookup]
    route.onSend = [...asArray(route.onSend), store]
    route.onResponse = [...asArray(route.onResponse), release]
    route.onRequestAbort = [...asArray(route.onRequestAbort), release]
  })

  // Routes without the cache get the same conditional-request handling (their ETag comes from @fastify/etag).
  fastify.addHook('onSend', async (request, reply, payload) =>
    request.routeOptions.config.cache === undefined ? notModified(request, reply, payload) : payload)
}, { name: 'http-cache', dependencies: ['cache', '@fastify/etag'] })

import fp from 'fastify-plugin'
import type { FastifyReply, FastifyRequest, onRequestAbortHookHandler, onResponseHookHandler, onSendHookHandler, preHandlerHookHandler } from 'fastify'
import type { CacheKind } from '../../services/cache/kinds.js'
import type { Fill, Hit } from '../../services/cache/cache-service.js'
import { ifNoneMatchMatches } from '../../services/caching/conditional.js'
import { ageSeconds, cacheStatus, decodeResponse, encodeResponse, requestDirectives, responseKey, type CachedResponse } from '../../services/caching/http-cache.js'

/** A GET route opts into the response cache with `config.cache`. */
export interface RouteCacheOptions {
  /** Default `api_response`. */
  kind?: CacheKind
  /** Seconds; default the kind's TTL. */
  ttl?: number
  /** `user`: one entry per user, `private` (for responses that differ per user or per role). Default `public`. */
  scope?: 'public' | 'user'
  /** What the response depends on (services/caching/tags.ts): a write that changes any of it drops the entry. */
  tags?: (request: FastifyRequest) => string[]
}

declare module 'fastify' {
  interface FastifyContextConfig {
    cache?: RouteCacheOptions
  }
  interface FastifyRequest {
    /** A response this request is to store once it is sent (a miss, or a revalidation). */
    responseCache: { fill: Fill, ttl?: number } | null
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
 * The HTTP response cache. Opted-in GET routes get `X-Cache` and `Cache-Status`,
 * a stored strong ETag, `Age` on hits, 304 for matching `If-None-Match`, request
 * `Cache-Control` bypass, and coalesced misses (one handler run per key, across
 * instances). The lookup runs once the request is validated: the key is built
 * from the validated parameters, defaults applied, so equivalent URLs share one
 * entry. Other routes only get the conditional 304.
 */
export default fp(async (fastify) => {
  const { cache } = fastify
  fastify.decorateRequest('responseCache', null)

  /** The headers of a response served from the cache; true when it is a 304. */
  function hitHeaders (request: FastifyRequest, reply: FastifyReply, hit: Hit, response: CachedResponse): boolean {
    reply.header('x-cache', hit.stale === true ? 'STALE' : 'HIT')
      .header('cache-status', cacheStatus(hit))
      .header('age', ageSeconds(hit.createdAt))
      .header('etag', response.etag)
      .header('content-type', response.contentType)
    return ifNoneMatchMatches(request.headers['if-none-match'], response.etag)
  }

  function serve (request: FastifyRequest, reply: FastifyReply, hit: Hit) {
    const response = decodeResponse(hit.payload)
    if (hitHeaders(request, reply, hit, response)) return reply.code(304).send()
    return reply.send(response.body)
  }

  /** Near the end of its TTL, an entry is refreshed in the background: the same GET, run past the cache. */
  function refreshLater (request: FastifyRequest, kind: CacheKind, key: string, options: RouteCacheOptions) {
    cache.refreshAhead(kind, key, options.tags?.(request), async () => {
      const res = await fastify.inject({ method: 'GET', url: request.url, headers: { ...request.headers, 'cache-control': 'no-store' } })
      const { etag, 'content-type': contentType } = res.headers
      if (res.statusCode !== 200 || typeof etag !== 'string' || typeof contentType !== 'string') return undefined
      return encodeResponse({ etag, contentType, body: res.rawPayload })
    }, options.ttl)
  }

  // A hook with a callback, not a promise: an in-process hit is answered synchronously.
  const lookup: preHandlerHookHandler = function (request, reply, done) {
    const options = request.routeOptions.config.cache!
    const user = options.scope === 'user'
    // revalidation with the ETag is the cheap path: never a max-age that could show older data than a fresh GET
    reply.header('cache-control', user ? 'private, no-cache' : 'no-cache')
    if (user) reply.header('vary', 'Authorization')
    const { noStore, revalidate } = requestDirectives(request.headers['cache-control'], request.headers.pragma)
    if (noStore) {
      reply.header('x-cache', 'BYPASS').header('cache-status', cacheStatus('bypass'))
      return done()
    }
    const kind = options.kind ?? 'api_response'
    const key = responseKey({
      route: request.routeOptions.url!,
      params: request.params as Record<string, string>,
      query: request.query as Record<string, unknown>,
      userId: user ? (request.user?.id ?? 'anonymous') : undefined
    })
    if (revalidate) {
      cache.open(kind, key, options.tags?.(request), { read: false }).then(({ fill }) => {
        request.responseCache = { fill: fill!, ttl: options.ttl }
        reply.header('x-cache', 'BYPASS').header('cache-status', cacheStatus('bypass'))
        done()
      }, done)
      return
    }
    // an in-process hit first: no tags to compute, no promise to wait for
    const peeked = cache.peek(kind, key)
    if (peeked !== undefined) return answer(request, reply, kind, key, options, peeked)
    // a HEAD has no body to store: it never leads a load others would wait for
    cache.open(kind, key, options.tags?.(request), { lead: request.method !== 'HEAD' }).then(({ hit, fill }) => {
      if (hit !== undefined) return answer(request, reply, kind, key, options, hit)
      request.responseCache = { fill, ttl: options.ttl }
      reply.header('x-cache', 'MISS').header('cache-status', cacheStatus('miss'))
      done()
    }, done)
  }

  function answer (request: FastifyRequest, reply: FastifyReply, kind: CacheKind, key: string, options: RouteCacheOptions, hit: Hit) {
    if (cache.needsRefresh(hit)) refreshLater(request, kind, key, options)
    serve(request, reply, hit)
  }

  /** What a response the request is to store sends: its own payload, or the grace entry when the handler failed. */
  function stored (request: FastifyRequest, reply: FastifyReply, payload: unknown) {
    const state = request.responseCache
    if (state === null) return payload
    request.responseCache = null
    const etag = reply.getHeader('etag')
    const contentType = reply.getHeader('content-type')
    // a public route's handler opts a response out with `Cache-Control: private` (e.g. a draft shown to its owner)
    const optedOut = request.routeOptions.config.cache!.scope !== 'user' && /private|no-store/.test(String(reply.getHeader('cache-control')))
    const cacheable = request.method === 'GET' && reply.statusCode === 200 && !optedOut && typeof etag === 'string' &&
      typeof contentType === 'string' && (typeof payload === 'string' || Buffer.isBuffer(payload))
    if (cacheable) {
      void state.fill.commit(encodeResponse({ etag, contentType, body: Buffer.from(payload as string | Buffer) }), state.ttl)
    } else if (reply.statusCode >= 500) {
      void state.fill.fail()
      // fail-safe: the database (or the handler) failed, and a grace entry of current versions exists
      const stale = state.fill.stale
      if (stale !== undefined) {
        cache.counters.stale(request.routeOptions.config.cache!.kind ?? 'api_response')
        const response = decodeResponse(stale.payload)
        const notModifiedAnyway = hitHeaders(request, reply, stale, response)
        reply.code(notModifiedAnyway ? 304 : 200)
        return notModifiedAnyway ? null : response.body
      }
    } else {
      void state.fill.abandon()
    }
    return notModified(request, reply, payload)
  }

  // Hooks with a callback, not a promise: on a hit they have nothing to wait for.
  const store: onSendHookHandler = function (request, reply, payload, done) {
    done(null, stored(request, reply, payload))
  }

  // a request that ends without reaching onSend must still let its followers go
  function release (request: FastifyRequest, done: (err?: Error) => void) {
    const state = request.responseCache
    request.responseCache = null
    if (state === null) return done()
    state.fill.abandon().then(() => done(), done)
  }
  const releaseOnResponse: onResponseHookHandler = (request, _reply, done) => release(request, done)
  const releaseOnAbort: onRequestAbortHookHandler = (request, done) => release(request, done)

  fastify.addHook('onRoute', (route) => {
    if (route.config?.cache === undefined) return
    const methods = asArray(route.method)
    if (methods.some((method) => method !== 'GET' && method !== 'HEAD')) throw new Error(`config.cache is for GET routes (${route.url})`)
    // after validation (the key is built from the validated request) and after the route's own hooks
    route.preHandler = [...asArray(route.preHandler), lookup]
    route.onSend = [...asArray(route.onSend), store]
    route.onResponse = [...asArray(route.onResponse), releaseOnResponse]
    route.onRequestAbort = [...asArray(route.onRequestAbort), releaseOnAbort]
  })

  // Routes without the cache get the same conditional-request handling (their ETag comes from @fastify/etag).
  fastify.addHook('onSend', (request, reply, payload, done) => {
    done(null, request.routeOptions.config.cache === undefined ? notModified(request, reply, payload) : payload)
  })
}, { name: 'http-cache', dependencies: ['cache', '@fastify/etag'] })

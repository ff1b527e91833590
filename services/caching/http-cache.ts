import { LRUMap } from 'mnemonist'
import { digest } from '../cache/keys.js'
import type { Hit } from '../cache/types.js'

// The HTTP side of the response cache, framework-free: what a request asks
// for, what a response is stored under, and how it is stored.

export interface RequestDirectives {
  /** `no-store`: the response is neither read from nor written to the cache. */
  noStore: boolean
  /** `no-cache`, `max-age=0` or `Pragma: no-cache`: fresh data, which then replaces the cached entry. */
  revalidate: boolean
}

const NONE: RequestDirectives = { noStore: false, revalidate: false }

export function requestDirectives (cacheControl: string | undefined, pragma: string | undefined): RequestDirectives {
  if (cacheControl === undefined && pragma === undefined) return NONE
  const directives = (cacheControl ?? '').toLowerCase().split(',').map((d) => d.trim())
  return {
    noStore: directives.includes('no-store'),
    revalidate: directives.includes('no-cache') || directives.includes('max-age=0') ||
      (cacheControl === undefined && (pragma ?? '').toLowerCase().includes('no-cache'))
  }
}

export interface KeyParts {
  /** The route pattern (`/api/v1/forms/:form_id`), not the raw URL. */
  route: string
  params: Record<string, string>
  query: Record<string, unknown>
  /** Set for user-scoped responses. */
  userId?: string
}

const sorted = (record: Record<string, unknown>) =>
  Object.keys(record).sort().map((name) => `${name}=${JSON.stringify(record[name])}`).join('&')

// The digest of a request seen recently, by its plain key (held in this process only).
const digests = new LRUMap<string, string>(10_000)

/**
 * GET + route pattern + params + sorted query (+ user), hashed: the same
 * request spelled with its query in another order shares the entry, and no
 * parameter (a search text, a user id) appears in a Redis key.
 */
export function responseKey ({ route, params, query, userId }: KeyParts): string {
  const plain = `${route}\u0000${sorted(params)}\u0000${sorted(query)}\u0000${userId ?? ''}`
  let key = digests.get(plain)
  if (key === undefined) {
    key = digest('GET', plain)
    digests.set(plain, key)
  }
  return key
}

export interface CachedResponse {
  etag: string
  contentType: string
  body: Buffer
}

// [etag length (1)] [etag] [content type length (1)] [content type] [body]
export function encodeResponse ({ etag, contentType, body }: CachedResponse): Buffer {
  const head = Buffer.from(`${String.fromCharCode(etag.length)}${etag}${String.fromCharCode(contentType.length)}${contentType}`, 'latin1')
  return Buffer.concat([head, body])
}

export function decodeResponse (bytes: Buffer): CachedResponse {
  const etagEnd = 1 + bytes[0]!
  const typeEnd = etagEnd + 1 + bytes[etagEnd]!
  return {
    etag: bytes.toString('latin1', 1, etagEnd),
    contentType: bytes.toString('latin1', etagEnd + 1, typeEnd),
    body: bytes.subarray(typeEnd)
  }
}

/** Seconds since the entry was stored (the `Age` header). */
export function ageSeconds (createdAt: number, now = Date.now()): number {
  return Math.max(0, Math.floor((now - createdAt) / 1000))
}

/** The cache's name in `Cache-Status` (RFC 9211). */
export const CACHE_NAME = 'forms-api'

/**
 * `Cache-Status` for a hit (`hit; ttl=<seconds left>`, negative for a grace
 * entry; `; collapsed` when it came from another request's load), a miss or a bypass.
 */
export function cacheStatus (outcome: Hit | 'miss' | 'bypass', now = Date.now()): string {
  if (outcome === 'miss') return `${CACHE_NAME}; fwd=miss`
  if (outcome === 'bypass') return `${CACHE_NAME}; fwd=bypass`
  const left = (outcome.createdAt + outcome.ttlMs - now) / 1000
  const ttl = left >= 0 ? Math.ceil(left) : Math.floor(left)
  return `${CACHE_NAME}; hit; ttl=${ttl}${outcome.collapsed === true ? '; collapsed' : ''}`
}

// Document-wide rules for the OpenAPI document, applied where @fastify/swagger
// builds it (plugins/external/swagger.ts): what every route of a kind answers
// (304, 413, 415, 429, their headers) is written once here, so the routes
// declare only what is their own. Nothing here changes how a request is
// validated or a response serialized: these functions work on copies.
import { errorDescription } from '../../schemas/error-codes.js'

type Schema = Record<string, unknown>

export interface RouteSchema {
  hide?: boolean
  headers?: Schema
  body?: unknown
  response?: Record<string, Schema>
  [key: string]: unknown
}

export interface RouteInfo {
  method: string | string[]
  config?: { cache?: { scope?: 'public' | 'user' }, rateLimit?: unknown }
}

const ERROR_REF = { $ref: 'ErrorResponse' }

export const HEADERS = {
  etag: {
    type: 'string',
    description: 'a strong validator of this representation: send it back as `If-None-Match` (304 while unchanged), ' +
      'or as `If-Match` on a form\'s PUT, PATCH or DELETE (412 once it changed); a form\'s is `"<id>-<version>"`'
  },
  xCache: {
    type: 'string',
    enum: ['HIT', 'MISS', 'BYPASS', 'STALE'],
    description: 'HIT: served from the cache; MISS: computed and stored; BYPASS: the request asked for fresh data ' +
      '(`Cache-Control: no-cache`, `max-age=0`, `no-store`, `Pragma: no-cache`); STALE: the database failed or was slow ' +
      'and an entry past its TTL (within the grace period) was served'
  },
  cacheStatus: {
    type: 'string',
    description: 'the same in RFC 9211 form: `forms-api; hit; ttl=<seconds left>`, `forms-api; fwd=miss`, ' +
      '`forms-api; fwd=bypass`, `forms-api; hit; ttl=<negative>` for an entry served past its TTL; ' +
      '`; collapsed` is added when the request waited for another request\'s load',
    examples: ['forms-api; hit; ttl=42', 'forms-api; fwd=miss', 'forms-api; fwd=miss; collapsed']
  },
  age: { type: 'integer', minimum: 0, description: 'seconds since the cached response was stored (on hits)' },
  cacheControl: {
    type: 'string',
    description: '`no-cache` (revalidate with the ETag before reuse), `private, no-cache` for responses that differ per user',
    examples: ['no-cache', 'private, no-cache']
  },
  vary: { type: 'string', description: 'per-user responses vary by `Authorization`', examples: ['Authorization'] },
  location: {
    type: 'string',
    format: 'uri-reference',
    description: 'the path of the resource just created',
    examples: ['/api/v1/forms/665f1c2e9b1e8a3d4c5b6a79']
  },
  retryAfter: { type: 'integer', minimum: 0, description: 'seconds until the limit resets', examples: [60] },
  rateLimitLimit: { type: 'integer', minimum: 0, description: 'requests allowed per window (one minute) for this client' },
  rateLimitRemaining: { type: 'integer', minimum: 0, description: 'requests left in the current window' },
  rateLimitReset: { type: 'integer', minimum: 0, description: 'seconds until the window resets' }
}

const IF_NONE_MATCH = {
  type: 'string',
  // no example: Swagger UI would pre-fill it into every "Try it out"
  description: 'ETags from earlier responses (a list, weak or strong, or `*`): 304 with no body while one still matches'
}

const rateLimitHeaders = () => ({
  'X-RateLimit-Limit': HEADERS.rateLimitLimit,
  'X-RateLimit-Remaining': HEADERS.rateLimitRemaining,
  'X-RateLimit-Reset': HEADERS.rateLimitReset
})

function cacheHeaders (scope: 'public' | 'user' | undefined) {
  return {
    'X-Cache': HEADERS.xCache,
    'Cache-Status': HEADERS.cacheStatus,
    Age: HEADERS.age,
    'Cache-Control': HEADERS.cacheControl,
    ...(scope === 'user' ? { Vary: HEADERS.vary } : {})
  }
}

const methodsOf = (route: RouteInfo) => Array.isArray(route.method) ? route.method : [route.method]

const withHeaders = (schema: Schema, headers: Schema): Schema =>
  ({ ...schema, headers: { ...(schema.headers as Schema | undefined), ...headers } })

const errorResponse = (status: number): Schema => ({ ...ERROR_REF, description: errorDescription(status) })

/** `if-match` → `If-Match`: Fastify's header schemas are lower case, the document shows headers as they are written. */
const headerCase = (name: string) => name.replace(/(^|-)([a-z])/g, (_, dash: string, letter: string) => dash + letter.toUpperCase())

/** The route's request headers in header case, with more (documented, not validated). */
function withRequestHeader (headers: Schema | undefined, extra: Schema = {}): Schema {
  const properties = Object.entries((headers?.properties ?? {}) as Schema).map(([key, value]) => [headerCase(key), value])
  const required = Array.isArray(headers?.required) ? headers.required.map(String).map(headerCase) : undefined
  return {
    type: 'object',
    properties: { ...Object.fromEntries(properties), ...extra },
    ...(required === undefined ? {} : { required })
  }
}

/**
 * The per-route rule (the `transform` option of @fastify/swagger): the
 * statuses and headers the route gets from the app's plugins rather than from
 * its own handler.
 */
export function documentRoute (schema: RouteSchema | undefined, route: RouteInfo): RouteSchema | undefined {
  if (schema === undefined || schema.hide === true || schema.response === undefined) return schema
  const doc: RouteSchema = { ...schema }
  const response: Record<string, Schema> = { ...schema.response }
  const cache = route.config?.cache
  const limited = route.config?.rateLimit !== undefined

  for (const [status, res] of Object.entries(response)) {
    if (!status.startsWith('2')) continue
    let headers: Schema = {}
    // @fastify/etag tags every body; a 204 has none
    if (status !== '204') headers.ETag = HEADERS.etag
    if (status === '201') headers.Location = HEADERS.location
    if (cache !== undefined && status === '200') headers = { ...headers, ...cacheHeaders(cache.scope) }
    if (limited) headers = { ...headers, ...rateLimitHeaders() }
    if (Object.keys(headers).length > 0) response[status] = withHeaders(res, headers)
  }

  if (schema.headers !== undefined) doc.headers = withRequestHeader(schema.headers)
  // plugins/app/http-cache.ts answers If-None-Match on every GET
  if (methodsOf(route).includes('GET')) {
    doc.headers = withRequestHeader(schema.headers, { 'If-None-Match': IF_NONE_MATCH })
    response['304'] ??= {
      type: 'null',
      description: 'Not modified: `If-None-Match` lists the current ETag; no body',
      headers: { ETag: HEADERS.etag, ...(cache === undefined ? {} : cacheHeaders(cache.scope)) }
    }
  }
  // the body parser refuses these before the handler runs
  if (schema.body !== undefined) {
    response['413'] ??= errorResponse(413)
    response['415'] ??= errorResponse(415)
  }
  if (limited) {
    response['429'] = withHeaders(response['429'] ?? errorResponse(429), { 'Retry-After': HEADERS.retryAfter, ...rateLimitHeaders() })
  } else if (response['429'] !== undefined) {
    // a limit the handler applies (per account): it says when to retry
    response['429'] = withHeaders(response['429'], { 'Retry-After': HEADERS.retryAfter })
  }
  doc.response = response
  return doc
}

type Node = Record<string, unknown>
const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null

/** Every object in the document but example values, depth first (the document is a tree: see `finishDocument`). */
function * nodes (value: unknown): Generator<Node> {
  if (Array.isArray(value)) {
    for (const item of value) yield * nodes(item)
  } else if (isNode(value)) {
    yield value
    for (const [key, child] of Object.entries(value)) if (key !== 'example' && key !== 'examples') yield * nodes(child)
  }
}

const hasDefault = (schema: unknown) => isNode(schema) && schema.default !== undefined

/** The server fills in a defaulted property or parameter: a client may leave it out. */
function defaultsAreOptional (node: Node) {
  if (Array.isArray(node.required) && isNode(node.properties)) {
    const properties = node.properties
    node.required = node.required.filter((name) => typeof name !== 'string' || !hasDefault(properties[name]))
    if ((node.required as unknown[]).length === 0) delete node.required
  }
  if (node.in === 'query' && hasDefault(node.schema)) node.required = false
}

/** A union whose members a discriminator tells apart is a oneOf: no value matches two members. */
function discriminatedOneOf (node: Node) {
  if (node.discriminator === undefined || !Array.isArray(node.anyOf)) return
  node.oneOf = node.anyOf
  delete node.anyOf
}

/** `anyOf: [{ enum: [a] }, { enum: [b] }]` (TypeBox's union of literals) → `enum: [a, b]`: a drop-down in Swagger UI. */
function mergeLiteralUnions (node: Node) {
  const members = node.anyOf
  if (!Array.isArray(members) || members.length === 0) return
  const literal = (m: unknown): m is { type: string, enum: unknown[] } =>
    isNode(m) && Array.isArray(m.enum) && m.enum.length === 1 && typeof m.type === 'string' && Object.keys(m).length === 2
  if (!members.every(literal) || new Set(members.map((m) => m.type)).size !== 1) return
  delete node.anyOf
  node.type = members[0]!.type
  node.enum = members.map((m) => m.enum[0])
}

const accepts = (schema: unknown, type: string) =>
  isNode(schema) && (schema.type === type || (Array.isArray(schema.type) && schema.type.includes(type)))

interface Media { schema?: unknown }
interface Operation {
  security?: unknown[]
  requestBody?: { required?: boolean, content?: Record<string, Media> }
  responses?: Record<string, { description?: string, content?: Record<string, Media> }>
}

/**
 * The document-wide rule (the `transformObject` option): applied once to the
 * finished document.
 */
export function finishDocument<T extends { paths?: object }> (document: T): T {
  // a tree without shared objects: the YAML has no anchors, and the edits below touch one place each
  const doc = JSON.parse(JSON.stringify(document)) as T
  for (const node of nodes(doc)) {
    defaultsAreOptional(node)
    mergeLiteralUnions(node)
    discriminatedOneOf(node)
  }
  for (const methods of Object.values(doc.paths ?? {}) as Array<Record<string, Operation>>) {
    for (const operation of Object.values(methods)) {
      // a route that declares no security is public, and says so
      operation.security ??= []
      // @fastify/swagger marks every body required; one that accepts null (POST /admin/cache/warmup) may be left out
      const { requestBody } = operation
      const media = Object.values(requestBody?.content ?? {})
      if (requestBody !== undefined && media.some(({ schema }) => accepts(schema, 'null'))) requestBody.required = false
      // a response's description, given with its schema (`described`), is said once, on the response
      for (const response of Object.values(operation.responses ?? {})) {
        for (const { schema } of Object.values(response.content ?? {})) {
          if (isNode(schema) && schema.description === response.description) delete schema.description
        }
      }
    }
  }
  return doc
}

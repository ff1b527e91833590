import fp from 'fastify-plugin'
import type { RouteOptions } from 'fastify'
import { ErrorRef } from '../schemas/common.js'

/** What a route without query parameters accepts: none. */
const NO_QUERY = { type: 'object', properties: {}, additionalProperties: false } as const

/**
 * Every route rejects query parameters it does not declare (400): a route
 * that declares none gets an empty strict query schema (and the 400 in its
 * documented responses), and a declared one must be strict itself. Unknown
 * parameters would otherwise be ignored by the route but still be part of the
 * URL (logs, caches in front of the service). Registered before any route, so
 * it sees all of them (the docs' included).
 */
export default fp(async (fastify) => {
  fastify.addHook('onRoute', (route: RouteOptions) => {
    const query = route.schema?.querystring as { type?: unknown, additionalProperties?: unknown } | undefined
    if (query === undefined) {
      const response = route.schema?.response as Record<string, unknown> | undefined
      route.schema = {
        ...route.schema,
        querystring: NO_QUERY,
        ...(response === undefined || '400' in response ? {} : { response: { ...response, 400: ErrorRef } })
      }
    } else if (query.type === 'object' && query.additionalProperties !== false) {
      throw new Error(`${String(route.method)} ${route.url}: a query schema must set additionalProperties: false`)
    }
  })
}, { name: 'strict-query' })

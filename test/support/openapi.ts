import type { FastifyInstance } from 'fastify'

export type Json = Record<string, unknown>

export interface Operation {
  operationId?: string
  tags?: string[]
  security?: Array<Record<string, string[]>>
  parameters?: Array<{ name: string, in: string, required?: boolean, schema?: Json }>
  requestBody?: { required?: boolean, content: Record<string, { schema: Json, example?: unknown }> }
  responses: Record<string, { description: string, headers?: Record<string, unknown>, content?: Record<string, { schema: Json }> }>
}

export interface OpenapiDocument {
  openapi: string
  info: { license?: { name: string, identifier?: string } }
  servers?: Array<{ url: string }>
  paths: Record<string, Record<string, Operation>>
  components: { schemas: Record<string, Json>, securitySchemes: Record<string, Json> }
}

/** The document the app serves. */
export async function servedDocument (app: FastifyInstance): Promise<OpenapiDocument> {
  return (await app.inject({ url: '/docs/json' })).json()
}

export function operations (doc: OpenapiDocument) {
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ path, method, op, name: `${method.toUpperCase()} ${path}` })))
}

/** Whether the operation needs a bearer token (an empty security list, or `{}` among them, is public). */
export function needsToken (op: Operation): boolean {
  const security = op.security ?? []
  return security.length > 0 && !security.some((requirement) => Object.keys(requirement).length === 0)
}

/**
 * Documented response headers a response need not carry every time: `Age`
 * only on cache hits; `Cache-Status` is documented ahead of the cache engine
 * that sends it (add it to the checks once it does).
 */
export const OCCASIONAL_HEADERS = new Set(['Age'])

/** The documented headers of one response that this response is missing. */
export function missingHeaders (op: Operation, status: number, headers: Record<string, unknown>): string[] {
  const documented = Object.keys(op.responses[String(status)]?.headers ?? {})
  return documented.filter((name) => !OCCASIONAL_HEADERS.has(name) && headers[name.toLowerCase()] === undefined)
}

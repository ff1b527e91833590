import { Type, type Static, type TSchema } from '@sinclair/typebox'
import { codeListDescription, errorDescription } from './error-codes.js'

export const ObjectIdString = Type.String({
  pattern: '^[0-9a-f]{24}$',
  description: '24-hex-character ObjectId',
  examples: ['665f1c2e9b1e8a3d4c5b6a79']
})

export const Timestamp = Type.String({ format: 'date-time' })

/** Every error response: `{ statusCode, error, message, code }`. */
export const ErrorResponse = Type.Object({
  statusCode: Type.Integer(),
  error: Type.String(),
  message: Type.String(),
  code: Type.String({ description: codeListDescription() })
}, { $id: 'ErrorResponse', title: 'ErrorResponse', description: 'Every error response has this shape' })

export const ErrorRef = Type.Ref(ErrorResponse)

export const PagingQuery = {
  page: Type.Integer({ minimum: 1, maximum: 10_000, default: 1 }),
  per_page: Type.Integer({ minimum: 1, maximum: 100, default: 20 })
}

export type Paging = { page: number, per_page: number }

export function PageOf<T extends TSchema> (item: T) {
  return Type.Object({
    items: Type.Array(item),
    page: Type.Integer(),
    per_page: Type.Integer(),
    total: Type.Integer()
  })
}

export interface Page<T> { items: T[], page: number, per_page: number, total: number }

/** Error responses a route can produce, keyed by status code, for the OpenAPI document. */
export function errors (...codes: number[]) {
  return Object.fromEntries(codes.map((code) => [code, Type.Ref(ErrorResponse, { description: errorDescription(code) })]))
}

export const BearerAuth = [{ bearerAuth: [] }]

export type ObjectId = Static<typeof ObjectIdString>

/** A response schema with the description the OpenAPI document shows for it. */
export const described = <T extends TSchema>(schema: T, description: string): T => ({ ...schema, description })

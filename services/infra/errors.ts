import { STATUS_CODES } from 'node:http'
import createError from '@fastify/error'

/**
 * Every `code` an error response can carry, and what it means: the one list
 * clients can rely on. The error handler (app.ts) sends only these; an error
 * with any other code (Fastify's own, a library's) is sent with the code of
 * its status (`codeOf`).
 */
export const ERROR_CODES = {
  BAD_REQUEST: { status: 400, meaning: 'The request is malformed or breaks a rule: invalid JSON, a wrong type, an unknown field or query parameter, a bad id; the message names the problem' },
  UNAUTHORIZED: { status: 401, meaning: 'No access token was sent (Authorization: Bearer <token>), or the email and password do not match' },
  INVALID_TOKEN: { status: 401, meaning: 'The access token is malformed, expired or revoked (a password change or an admin revoked the sessions), or its user no longer exists: log in again' },
  FORBIDDEN: { status: 403, meaning: 'Signed in, but the role or the ownership needed is missing (or the current password is wrong)' },
  NOT_FOUND: { status: 404, meaning: 'No such resource (unknown id, or a draft form asked for anonymously) or no such route' },
  CONFLICT: { status: 409, meaning: 'The request conflicts with the resource\'s state (e.g. a form that is not published, a user who still owns forms)' },
  DUPLICATE: { status: 409, meaning: 'A unique value is taken (e.g. an email already in use)' },
  PRECONDITION_FAILED: { status: 412, meaning: 'If-Match does not match the resource\'s current ETag' },
  PAYLOAD_TOO_LARGE: { status: 413, meaning: 'The body is over 1 MiB' },
  URI_TOO_LONG: { status: 414, meaning: 'A path parameter is over 512 characters' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, meaning: 'The body is not JSON (Content-Type application/json)' },
  RATE_LIMITED: { status: 429, meaning: 'Too many requests from this client (or for this account): wait as long as Retry-After says' },
  INTERNAL_ERROR: { status: 500, meaning: 'A fault in the service; the details are in its log, never in the response' },
  DATABASE_UNAVAILABLE: { status: 503, meaning: 'The database did not answer and the cache holds nothing to serve instead' },
  SERVICE_UNAVAILABLE: { status: 503, meaning: 'The instance is shutting down: retry on another one' }
} as const

export type ErrorCode = keyof typeof ERROR_CODES

const STATUS_CODE: Record<number, ErrorCode> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  412: 'PRECONDITION_FAILED',
  413: 'PAYLOAD_TOO_LARGE',
  414: 'URI_TOO_LONG',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
  500: 'INTERNAL_ERROR',
  503: 'SERVICE_UNAVAILABLE'
}

const isErrorCode = (code: unknown): code is ErrorCode => typeof code === 'string' && Object.hasOwn(ERROR_CODES, code)

/** The code an error response carries: the error's own when it is one of ours, else its status'. */
export function codeOf (statusCode: number, code?: unknown): ErrorCode {
  if (isErrorCode(code)) return code
  return STATUS_CODE[statusCode] ?? (statusCode >= 500 ? 'INTERNAL_ERROR' : 'BAD_REQUEST')
}

export interface ErrorBody { statusCode: number, error: string, message: string, code: ErrorCode }

/** The body of every error response. */
export function errorBody (statusCode: number, message: string, code?: unknown): ErrorBody {
  return { statusCode, error: STATUS_CODES[statusCode] ?? 'Error', message, code: codeOf(statusCode, code) }
}

/**
 * The `WWW-Authenticate` challenge of a 401 (RFC 6750 §3): a bad token says
 * `invalid_token` and why; a request without one gets the bare challenge.
 */
export function bearerChallenge (code: ErrorCode, message: string): string {
  const realm = 'Bearer realm="forms-api"'
  if (code !== 'INVALID_TOKEN') return realm
  // a quoted-string: no quotes or backslashes inside
  return `${realm}, error="invalid_token", error_description="${message.replace(/["\\]/g, '')}"`
}

// Typed domain errors. Each carries its HTTP status; the one error handler in
// app.ts turns them into `{ statusCode, error, message, code }`.

export const BadRequestError = createError<'BAD_REQUEST', 400, [string]>('BAD_REQUEST', '%s', 400)
export const UnauthorizedError = createError<'UNAUTHORIZED', 401, [string]>('UNAUTHORIZED', '%s', 401)
/** A token that was sent but cannot be accepted (malformed, expired, revoked, its user gone). */
export const InvalidTokenError = createError<'INVALID_TOKEN', 401, [string]>('INVALID_TOKEN', '%s', 401)
export const ForbiddenError = createError<'FORBIDDEN', 403, [string]>('FORBIDDEN', '%s', 403)
export const NotFoundError = createError<'NOT_FOUND', 404, [string]>('NOT_FOUND', '%s not found', 404)
export const ConflictError = createError<'CONFLICT', 409, [string]>('CONFLICT', '%s', 409)
export const PreconditionFailedError = createError<'PRECONDITION_FAILED', 412, [string]>('PRECONDITION_FAILED', '%s', 412)
export const TooManyRequestsError = createError<'RATE_LIMITED', 429, [string]>('RATE_LIMITED', '%s', 429)
export const ServiceUnavailableError = createError<'SERVICE_UNAVAILABLE', 503, [string]>('SERVICE_UNAVAILABLE', '%s', 503)

/** A unique constraint was hit (e.g. an email already in use). */
export const DuplicateError = createError<'DUPLICATE', 409, [string]>('DUPLICATE', '%s', 409)

/** The database did not answer in time (or is down) and the cache holds nothing to serve instead. */
export const DatabaseUnavailableError = createError<'DATABASE_UNAVAILABLE', 503, [string]>('DATABASE_UNAVAILABLE', '%s', 503)

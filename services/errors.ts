import createError from '@fastify/error'

// Typed domain errors. Each carries its HTTP status; the one error handler in
// app.ts turns them into `{ statusCode, error, message, code }`.

export const BadRequestError = createError<'BAD_REQUEST', 400, [string]>('BAD_REQUEST', '%s', 400)
export const UnauthorizedError = createError<'UNAUTHORIZED', 401, [string]>('UNAUTHORIZED', '%s', 401)
export const ForbiddenError = createError<'FORBIDDEN', 403, [string]>('FORBIDDEN', '%s', 403)
export const NotFoundError = createError<'NOT_FOUND', 404, [string]>('NOT_FOUND', '%s not found', 404)
export const ConflictError = createError<'CONFLICT', 409, [string]>('CONFLICT', '%s', 409)
export const PreconditionFailedError = createError<'PRECONDITION_FAILED', 412, [string]>('PRECONDITION_FAILED', '%s', 412)

/** A unique constraint was hit (e.g. an email already in use). */
export const DuplicateError = createError<'DUPLICATE', 409, [string]>('DUPLICATE', '%s', 409)

/** The database did not answer in time (or is down) and the cache holds nothing to serve instead. */
export const DatabaseUnavailableError = createError<'DATABASE_UNAVAILABLE', 503, [string]>('DATABASE_UNAVAILABLE', '%s', 503)

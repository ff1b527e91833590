/**
 * Every `code` an error response can carry, for the OpenAPI document: the
 * service's own (services/errors.ts) and the Fastify ones a client can meet.
 * Adding an error to services/errors.ts means adding its line here; a test
 * (test/openapi-errors.test.ts) fails until it is.
 */
export const ERROR_CODES: Record<string, { status: number, meaning: string }> = {
  BAD_REQUEST: { status: 400, meaning: 'the input breaks a rule the schema cannot express (the message names the field)' },
  FST_ERR_VALIDATION: { status: 400, meaning: 'the request does not match the schema: a wrong type, a missing or unknown field, an unknown query parameter' },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, meaning: 'the body is not valid JSON' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, meaning: 'the content type says JSON but the body is empty' },
  UNAUTHORIZED: { status: 401, meaning: 'no token, an invalid or expired token, or wrong credentials' },
  FORBIDDEN: { status: 403, meaning: 'the signed-in user\'s role or ownership does not allow this' },
  NOT_FOUND: { status: 404, meaning: 'no resource has this id' },
  CONFLICT: { status: 409, meaning: 'the resource is not in a state that allows this (for example answering a draft form)' },
  DUPLICATE: { status: 409, meaning: 'a unique value is already taken (for example an email address)' },
  PRECONDITION_FAILED: { status: 412, meaning: '`If-Match` names a version that is no longer current: read the resource again' },
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, meaning: 'the body is larger than 1 MiB' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, meaning: 'the body is not `application/json`' },
  DATABASE_UNAVAILABLE: { status: 503, meaning: 'the database did not answer and the cache holds nothing to serve instead' }
}

/** What each error status means, as the response descriptions say it. */
export const STATUS_DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input',
  401: 'Not signed in: send a valid token as `Authorization: Bearer <token>`',
  403: 'Not allowed for the signed-in user',
  404: 'Not found',
  409: 'Conflict with the resource\'s current state',
  412: 'The resource changed since the `If-Match` ETag was read',
  413: 'Request body too large (over 1 MiB)',
  415: 'Unsupported content type: send `application/json`',
  429: 'Too many requests: wait for `Retry-After` seconds',
  503: 'Unavailable for now: retry later'
}

const codesFor = (status: number) => Object.entries(ERROR_CODES).filter(([, entry]) => entry.status === status).map(([code]) => `\`${code}\``)

/** A response description: what the status means and the codes it may carry. */
export function errorDescription (status: number): string {
  const base = STATUS_DESCRIPTIONS[status] ?? `Error ${status}`
  const codes = codesFor(status)
  return codes.length === 0 ? base : `${base} (code ${codes.join(', ')})`
}

/** The `code` property's description: the whole list, one line per code. */
export function codeListDescription (): string {
  const lines = Object.entries(ERROR_CODES).map(([code, { status, meaning }]) => `- \`${code}\` (${status}): ${meaning}`)
  return `A stable, machine-readable name of the error; branch on it rather than on the message:\n\n${lines.join('\n')}`
}

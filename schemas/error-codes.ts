import { ERROR_CODES } from '../services/infra/errors.js'

// The error codes a response can carry are listed, with their status and meaning,
// in services/infra/errors.ts (the error handler sends no other): the document lists them.

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

import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

// Webhook signatures. Standard Webhooks (https://www.standardwebhooks.com):
// `webhook-signature: v1,<base64 HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<body>">`.
// The older `X-Webhook-Signature: sha256=<hex HMAC-SHA256 of the body>` is
// still sent, keyed with the secret string as before, for existing receivers.

export const SIGNATURE_HEADER = 'X-Webhook-Signature'

const PREFIX = 'whsec_'
// Standard base64 with padding, as the specification's reference libraries decode it.
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/
/** The specification's bounds for a key: 24 to 64 bytes. */
const KEY_BYTES = { min: 24, max: 64 }

/** A new secret: `whsec_` and the base64 of 32 random bytes. */
export function generateSecret (): string {
  return PREFIX + randomBytes(32).toString('base64')
}

/** Why a given secret cannot be used, or null. Only `whsec_` secrets have a format: the rest are used as their bytes. */
export function secretProblem (secret: string): string | null {
  if (!secret.startsWith(PREFIX)) return null
  const encoded = secret.slice(PREFIX.length)
  const bytes = BASE64.test(encoded) ? Buffer.from(encoded, 'base64').length : -1
  if (bytes < KEY_BYTES.min || bytes > KEY_BYTES.max) {
    return `a ${PREFIX} secret must be followed by the base64 of ${KEY_BYTES.min} to ${KEY_BYTES.max} bytes`
  }
  return null
}

/** The HMAC key of a secret: a `whsec_` secret is base64-decoded, any other is used as its UTF-8 bytes. */
export function signingKey (secret: string): Buffer {
  return secret.startsWith(PREFIX) ? Buffer.from(secret.slice(PREFIX.length), 'base64') : Buffer.from(secret, 'utf8')
}

/** The `webhook-signature` header value. `timestamp`: Unix seconds, as sent in `webhook-timestamp`. */
export function standardSignature (secret: string, id: string, timestamp: number, body: string): string {
  return `v1,${createHmac('sha256', signingKey(secret)).update(`${id}.${timestamp}.${body}`).digest('base64')}`
}

/** `sha256=<hex HMAC-SHA256 of the raw body, keyed with the secret string>` (X-Webhook-Signature). */
export function signBody (secret: string, rawBody: string | Buffer): string {
  return `sha256=${createHmac('sha256', secret).update(rawBody).digest('hex')}`
}

/** What a receiver of X-Webhook-Signature does: recompute it over the raw body and compare in constant time. */
export function verifySignature (secret: string, rawBody: string | Buffer, header: string | undefined): boolean {
  if (header === undefined) return false
  const expected = Buffer.from(signBody(secret, rawBody))
  const given = Buffer.from(header)
  return given.length === expected.length && timingSafeEqual(given, expected)
}

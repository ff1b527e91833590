import { createHmac, timingSafeEqual } from 'node:crypto'

/** The header name of DESIGN.md §7. */
export const SIGNATURE_HEADER = 'X-Webhook-Signature'

/** `sha256=<hex HMAC-SHA256 of the raw body, keyed with the webhook's secret>`. */
export function signBody (secret: string, rawBody: string | Buffer): string {
  return `sha256=${createHmac('sha256', secret).update(rawBody).digest('hex')}`
}

/** What a receiver does: recompute the signature over the raw body and compare in constant time. */
export function verifySignature (secret: string, rawBody: string | Buffer, header: string | undefined): boolean {
  if (header === undefined) return false
  const expected = Buffer.from(signBody(secret, rawBody))
  const given = Buffer.from(header)
  return given.length === expected.length && timingSafeEqual(given, expected)
}

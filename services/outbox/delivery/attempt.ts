import type { ClaimedDelivery } from '../../repositories/port.js'
import type { Sender, SendResult } from './http-sender.js'
import { SIGNATURE_HEADER, signBody, standardSignature } from './signature.js'

/**
 * The headers of one attempt. `webhook-id` is the delivery's id, the same on
 * every attempt; each attempt is signed anew with its own `webhook-timestamp`
 * (receivers refuse old timestamps, and a retry can come hours later).
 */
export function deliveryHeaders (item: ClaimedDelivery, timestamp: number): Record<string, string> {
  return {
    'Content-Type': 'application/json',
    'User-Agent': 'forms-api-webhooks/1',
    'webhook-id': item.id,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': standardSignature(item.target.secret, item.id, timestamp, item.body),
    [SIGNATURE_HEADER]: signBody(item.target.secret, item.body),
    'X-Webhook-Event': item.event,
    'X-Webhook-Event-Id': item.event_id,
    'X-Webhook-Attempt': String(item.attempts)
  }
}

export type Deliver = (item: ClaimedDelivery, signal: AbortSignal) => Promise<SendResult>

/** One attempt of a claimed delivery: POSTs its body, signed, through `send` (the SSRF-guarded HTTP sender). */
export function createDeliver ({ send, timeoutMs, now = Date.now }: { send: Sender, timeoutMs: number, now?: () => number }): Deliver {
  return (item, signal) => send({
    url: item.target.url,
    headers: deliveryHeaders(item, Math.floor(now() / 1000)),
    body: item.body,
    timeoutMs,
    signal
  })
}

import type { Delivery, WebhookEvent } from '../../schemas/webhooks.js'
import type { DeliveryOutcome } from './port.js'

/** The webhook's `last_delivery` summary of an attempt's outcome. */
export function lastDelivery (event: WebhookEvent, attempts: number, outcome: DeliveryOutcome, now: number): Delivery {
  const status = outcome.status === 'delivered' ? 'success' : outcome.status === 'pending' ? 'retrying' : 'failed'
  return {
    event,
    status,
    attempts,
    ...(outcome.status_code === undefined ? {} : { status_code: outcome.status_code }),
    ...(outcome.error === undefined ? {} : { error: outcome.error }),
    at: new Date(now).toISOString()
  }
}

import type { WebhookEventBody } from '../../../schemas/webhooks.js'
import type { DomainEvents, EventName } from '../../infra/events.js'
import { newObjectId } from '../../repositories/ids.js'

/**
 * The webhook event a domain event is, or undefined for the ones no webhook
 * can subscribe to. `data` is the resource the event is about: the response
 * for response.*, the form for form.*.
 */
export function webhookEventOf<E extends EventName> (event: E, payload: DomainEvents[E], now = new Date()): WebhookEventBody | undefined {
  const body = (name: WebhookEventBody['event'], formId: string, data: unknown): WebhookEventBody =>
    ({ id: newObjectId(), event: name, occurred_at: now.toISOString(), form_id: formId, data })
  const any = payload as DomainEvents[keyof DomainEvents]
  switch (event) {
    case 'response.submitted':
    case 'response.updated': {
      const { form, response } = any as DomainEvents['response.submitted']
      return body(event, form.id, response)
    }
    case 'form.updated':
    case 'form.deleted': {
      const { form } = any as DomainEvents['form.updated']
      return body(event, form.id, form)
    }
    default:
      return undefined
  }
}

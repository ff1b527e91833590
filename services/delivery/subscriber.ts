import type { WebhookEvent, WebhookEventBody } from '../../schemas/webhooks.js'
import type { EventBus } from '../events.js'
import { newObjectId } from '../repositories/ids.js'
import type { WebhookRepository } from '../repositories/port.js'
import type { LoadTargets, WebhookDispatcher } from './dispatcher.js'

/**
 * Turns domain events into webhook deliveries. The listeners run inside the
 * request that caused the event (the event bus awaits them), so they only
 * hand the event to the dispatcher: even reading the form's webhooks happens
 * later, in the background.
 */
export function deliverDomainEvents (
  events: EventBus,
  dispatcher: Pick<WebhookDispatcher, 'publish'>,
  webhooks: Pick<WebhookRepository, 'listByForm'>,
  now: () => Date = () => new Date()
): void {
  const publish = (event: WebhookEvent, formId: string, data: unknown, loadTargets: LoadTargets) => {
    const body: WebhookEventBody = { id: newObjectId(), event, occurred_at: now().toISOString(), form_id: formId, data }
    dispatcher.publish(body, loadTargets)
  }
  const webhooksOf = (formId: string): LoadTargets => () => webhooks.listByForm(formId)

  events.on('response.submitted', ({ form, response }) => publish('response.submitted', form.id, response, webhooksOf(form.id)))
  events.on('response.updated', ({ form, response }) => publish('response.updated', form.id, response, webhooksOf(form.id)))
  events.on('form.updated', ({ form }) => publish('form.updated', form.id, form, webhooksOf(form.id)))
  // the delete took the webhooks with it: deliver to those read before it
  events.on('form.deleted', ({ form, webhooks: before }) => publish('form.deleted', form.id, form, () => before))
}

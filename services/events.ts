import type { Form } from '../schemas/forms.js'
import type { FormResponse } from '../schemas/responses.js'
import type { User } from '../schemas/users.js'
import type { StoredWebhook } from '../schemas/webhooks.js'

/** What happened, emitted by the domain services after a write succeeded. */
export interface DomainEvents {
  'form.created': { form: Form }
  'form.updated': { before: Form, form: Form }
  /**
   * `webhooks`: the form's webhooks as read just before the delete, which
   * removed them with the form; their `form.deleted` deliveries need them.
   */
  'form.deleted': { form: Form, webhooks: StoredWebhook[] }
  'response.submitted': { form: Form, response: FormResponse }
  'response.updated': { form: Form, response: FormResponse }
  'user.created': { user: User }
  'user.updated': { before: User, user: User }
  'user.deleted': { user: User }
  'webhook.changed': { form: Form, webhook_id: string }
  'dashboard.updated': { user_id: string }
}

export type EventName = keyof DomainEvents
// whatever a listener returns is awaited and ignored
type Listener<E extends EventName> = (payload: DomainEvents[E]) => unknown

export interface EventBus {
  on<E extends EventName>(event: E, listener: Listener<E>): void
  /** Runs every listener in order and resolves when all have finished. */
  emit<E extends EventName>(event: E, payload: DomainEvents[E]): Promise<void>
}

/**
 * Listeners are awaited, so a write is answered only after, say, the cache
 * was invalidated (read-your-writes). Slow work (webhook deliveries) must be
 * queued by its listener, not awaited.
 */
export function createEventBus (): EventBus {
  const listeners = new Map<EventName, Array<Listener<never>>>()
  return {
    on (event, listener) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener as Listener<never>])
    },
    async emit (event, payload) {
      for (const listener of listeners.get(event) ?? []) await (listener as Listener<typeof event>)(payload)
    }
  }
}

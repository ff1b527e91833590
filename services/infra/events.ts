import type { Form } from '../../schemas/forms.js'
import type { FormResponse } from '../../schemas/responses.js'
import type { User } from '../../schemas/users.js'
import type { Owed, OwedBy } from '../repositories/port.js'

/** What happened, emitted by the domain services after a write succeeded. */
export interface DomainEvents {
  'form.created': { form: Form }
  'form.updated': { before: Form, form: Form }
  'form.deleted': { form: Form }
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
/** Sees every event whose write recorded side effects, with what it recorded (to carry it out in the request). */
type RecordedListener = (owed: Owed) => unknown

/** The side effects an event owes: its invalidation, its webhook deliveries (services/outbox/owed.ts). */
export type SideEffects = <E extends EventName>(event: E, payload: DomainEvents[E]) => Owed

/** A write that owes the side effects of an event. */
export interface PreparedEvent<T> {
  /** For the repository write, which records the event's side effects in its own transaction. */
  owed: OwedBy<T>
  /** After the write: runs the listeners. Does nothing when the write did not happen (`owed` was never called). */
  emit (): Promise<void>
}

export interface EventBus {
  on<E extends EventName>(event: E, listener: Listener<E>): void
  onRecorded (listener: RecordedListener): void
  /** An event whose write owes nothing: runs every listener in order and resolves when all have finished. */
  emit<E extends EventName>(event: E, payload: DomainEvents[E]): Promise<void>
  /** An event whose write owes side effects: its payload is computed from what the write wrote. */
  prepare<E extends EventName, T>(event: E, payloadOf: (written: T) => DomainEvents[E]): PreparedEvent<T>
}

/**
 * Listeners are awaited, so a write is answered only after, say, the cache
 * was invalidated (read-your-writes). Slow work (webhook deliveries) is left
 * to the outbox relay, not awaited.
 */
export function createEventBus (sideEffects: SideEffects = () => ({})): EventBus {
  const listeners = new Map<EventName, Array<Listener<never>>>()
  const recordedListeners: RecordedListener[] = []

  async function run<E extends EventName> (event: E, payload: DomainEvents[E], owed: Owed | undefined) {
    for (const listener of listeners.get(event) ?? []) await (listener as Listener<E>)(payload)
    if (owed !== undefined) for (const listener of recordedListeners) await listener(owed)
  }

  return {
    on (event, listener) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener as Listener<never>])
    },
    onRecorded (listener) {
      recordedListeners.push(listener)
    },
    emit (event, payload) {
      return run(event, payload, undefined)
    },
    prepare (event, payloadOf) {
      // the adapter may call `owed` more than once (a MongoDB transaction retried): the last call is what committed
      let recorded: { payload: DomainEvents[typeof event], owed: Owed } | undefined
      return {
        owed (written) {
          const payload = payloadOf(written)
          recorded = { payload, owed: sideEffects(event, payload) }
          return recorded.owed
        },
        async emit () {
          if (recorded !== undefined) await run(event, recorded.payload, recorded.owed)
        }
      }
    }
  }
}

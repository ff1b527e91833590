import { ObjectId, type Filter, type IndexDescription, type Sort, type UpdateFilter } from 'mongodb'
import type { WebhookDelivery, WebhookEvent } from '../../../schemas/webhooks.js'
import type { DeliveryOutcome } from '../port.js'

// The pure half of the MongoDB outbox (outbox.ts runs these), checked
// without a server in test/mongo-queries.test.ts. Times are BSON Dates.

export type ItemStatus = 'pending' | 'delivered' | 'failed'

export interface Leased {
  status: ItemStatus
  attempts: number
  /** When pending: due then (for a held item, when its lease ends). Null once finished. */
  next_attempt_at: Date | null
  /** The token of the claim holding the item. */
  lease_owner: string | null
  created_at: Date
  done_at: Date | null
}

export interface InvalidationDoc extends Leased {
  _id: ObjectId
  event: string
  args: Record<string, unknown>
  tags: string[]
}

export interface DeliveryDoc extends Leased {
  _id: ObjectId
  webhook_id: ObjectId
  form_id: ObjectId
  event: WebhookEvent
  event_id: string
  body: string
  /** The webhook's URL and secret when the delivery was recorded (used once the webhook is gone with its form). */
  url: string
  secret: string
  last_status_code: number | null
  last_error: string | null
}

export const OUTBOX_COLLECTIONS = { invalidations: 'outbox_invalidations', deliveries: 'webhook_deliveries' } as const

const PENDING = { status: 'pending' } as const
const FINISHED = { done_at: { $type: 'date' } } as const

export const OUTBOX_INDEXES: Record<'invalidations' | 'deliveries', IndexDescription[]> = {
  invalidations: [
    { key: { next_attempt_at: 1 }, name: 'outbox_invalidations_due', partialFilterExpression: PENDING },
    { key: { done_at: 1 }, name: 'outbox_invalidations_done', partialFilterExpression: FINISHED }
  ],
  deliveries: [
    { key: { next_attempt_at: 1 }, name: 'webhook_deliveries_due', partialFilterExpression: PENDING },
    { key: { webhook_id: 1, created_at: -1, _id: -1 }, name: 'webhook_deliveries_by_webhook' },
    { key: { done_at: 1 }, name: 'webhook_deliveries_done', partialFilterExpression: FINISHED }
  ]
}

export const DUE_ORDER: Sort = { next_attempt_at: 1 }
export const DELIVERY_LOG_ORDER: Sort = { created_at: -1, _id: -1 }

/** Pending and due: nobody holds it, or its holder's lease has ended. */
export function dueFilter (now: Date): Filter<Leased> {
  return { status: 'pending', next_attempt_at: { $lte: now } }
}

/**
 * A claim: the items among `ids` that are still due when the update reaches
 * them (an item another relay claimed meanwhile is no longer due), so each
 * document goes to one claimer. The lease ends at `until`, when it is due again.
 */
export function claimUpdate (ids: readonly ObjectId[], token: string, now: Date, until: Date): { filter: Filter<Leased>, update: UpdateFilter<Leased> } {
  return {
    filter: { _id: { $in: [...ids] }, ...dueFilter(now) },
    update: { $set: { lease_owner: token, next_attempt_at: until }, $inc: { attempts: 1 } }
  }
}

/** The items a claim holds (only while it still holds them). */
export function heldBy (token: string, ids: readonly ObjectId[]): Filter<Leased> {
  return { _id: { $in: [...ids] }, lease_owner: token, status: 'pending' }
}

/** A held invalidation done (`retryAt` null) or released until `retryAt`. */
export function settleInvalidationUpdate (retryAt: Date | null, now: Date): UpdateFilter<InvalidationDoc> {
  return retryAt === null
    ? { $set: { status: 'delivered', done_at: now, next_attempt_at: null, lease_owner: null } }
    : { $set: { next_attempt_at: retryAt, lease_owner: null } }
}

export function settleDeliveryUpdate (outcome: DeliveryOutcome, now: Date): UpdateFilter<DeliveryDoc> {
  return {
    $set: {
      status: outcome.status,
      next_attempt_at: outcome.next_attempt_at === undefined ? null : new Date(outcome.next_attempt_at),
      last_status_code: outcome.status_code ?? null,
      last_error: outcome.error ?? null,
      done_at: outcome.status === 'pending' ? null : now,
      lease_owner: null
    }
  }
}

/** A deleted webhook's pending deliveries end. */
export function cancelDeliveries (webhookId: ObjectId, now: Date): { filter: Filter<DeliveryDoc>, update: UpdateFilter<DeliveryDoc> } {
  return {
    filter: { webhook_id: webhookId, status: 'pending' },
    update: { $set: { status: 'failed', last_error: 'webhook deleted', next_attempt_at: null, lease_owner: null, done_at: now } }
  }
}

/** The webhooks an event goes to, read in the write's transaction. */
export function subscribedWebhooks (formId: ObjectId, event: WebhookEvent) {
  return { form_id: formId, active: true, events: event }
}

/** Finished before `before`: the pruning's victims. */
export function prunable (before: Date): Filter<Leased> {
  return { status: { $in: ['delivered', 'failed'] }, done_at: { $lt: before } }
}

export function newInvalidationDoc (item: { id: string, event: string, args: Record<string, unknown>, tags: string[], lease: { owner: string, until: number } }, now: Date): InvalidationDoc {
  return {
    _id: ObjectId.createFromHexString(item.id),
    event: item.event,
    args: item.args,
    tags: item.tags,
    status: 'pending',
    attempts: 1,
    next_attempt_at: new Date(item.lease.until),
    lease_owner: item.lease.owner,
    created_at: now,
    done_at: null
  }
}

export function newDeliveryDoc (hook: { _id: ObjectId, url: string, secret: string }, event: { id: string, event: WebhookEvent, form_id: string }, body: string, now: Date): DeliveryDoc {
  return {
    _id: new ObjectId(),
    webhook_id: hook._id,
    form_id: ObjectId.createFromHexString(event.form_id),
    event: event.event,
    event_id: event.id,
    body,
    url: hook.url,
    secret: hook.secret,
    status: 'pending',
    attempts: 0,
    next_attempt_at: now,
    lease_owner: null,
    last_status_code: null,
    last_error: null,
    created_at: now,
    done_at: null
  }
}

export function toWebhookDelivery (doc: DeliveryDoc): WebhookDelivery {
  return {
    id: doc._id.toHexString(),
    event: doc.event,
    status: doc.status,
    attempts: doc.attempts,
    last_status_code: doc.last_status_code,
    last_error: doc.last_error,
    next_attempt_at: doc.status === 'pending' && doc.next_attempt_at !== null ? doc.next_attempt_at.toISOString() : null,
    created_at: doc.created_at.toISOString(),
    delivered_at: doc.status === 'delivered' && doc.done_at !== null ? doc.done_at.toISOString() : null
  }
}

/**
 * Why this server cannot keep a write and its outbox items in one transaction,
 * or null when it can (a replica set member or a mongos), from its `hello` answer.
 */
export function transactionsProblem (hello: { setName?: unknown, msg?: unknown }): string | null {
  if (typeof hello.setName === 'string' || hello.msg === 'isdbgrid') return null
  return 'MongoDB must run as a replica set (a single member is enough) or behind mongos: a write and the side effects it owes ' +
    'are committed in one transaction. Start mongod with --replSet and run rs.initiate() (docker-compose.yml does)'
}

import { ObjectId, type ClientSession, type Collection, type Db } from 'mongodb'
import type { Paging } from '../../../schemas/common.js'
import type { WebhookDelivery } from '../../../schemas/webhooks.js'
import type { WebhookDoc } from './queries.js'
import {
  cancelDeliveries, claimUpdate, DELIVERY_LOG_ORDER, DUE_ORDER, dueFilter, heldBy, newDeliveryDoc, newInvalidationDoc, OUTBOX_COLLECTIONS,
  OUTBOX_INDEXES, prunable, settleDeliveryUpdate, settleInvalidationUpdate, subscribedWebhooks, toWebhookDelivery,
  type DeliveryDoc, type InvalidationDoc, type Leased
} from './outbox-queries.js'
import { lastDelivery } from '../last-delivery.js'
import type { ClaimedDelivery, ListResult, Owed, OutboxRepository } from '../port.js'

// The outbox in MongoDB: the same semantics as sqlite/outbox.ts, over two
// collections written in the write's transaction (a replica set is required).

type Session = ClientSession | undefined

export async function createMongoOutbox (db: Db, webhooks: Collection<WebhookDoc>) {
  const options = { ignoreUndefined: true }
  const invalidations = db.collection<InvalidationDoc>(OUTBOX_COLLECTIONS.invalidations, options)
  const deliveries = db.collection<DeliveryDoc>(OUTBOX_COLLECTIONS.deliveries, options)
  await Promise.all([invalidations.createIndexes(OUTBOX_INDEXES.invalidations), deliveries.createIndexes(OUTBOX_INDEXES.deliveries)])

  /** Inside the write's transaction: the documents of what it owes. */
  async function record (owed: Owed, now: Date, session: Session) {
    const { invalidation, webhook } = owed
    if (invalidation !== undefined) await invalidations.insertOne(newInvalidationDoc(invalidation, now), { session })
    if (webhook !== undefined) {
      const hooks = await webhooks.find(subscribedWebhooks(ObjectId.createFromHexString(webhook.form_id), webhook.event), { session })
        .sort({ created_at: 1, _id: 1 }).toArray()
      const body = JSON.stringify(webhook)
      if (hooks.length > 0) await deliveries.insertMany(hooks.map((hook) => newDeliveryDoc(hook, webhook, body, now)), { session })
    }
  }

  async function cancel (webhookId: ObjectId, now: Date, session: Session) {
    const { filter, update } = cancelDeliveries(webhookId, now)
    await deliveries.updateMany(filter, update, { session })
  }

  async function log (webhookId: string, { page, per_page: perPage }: Paging): Promise<ListResult<WebhookDelivery>> {
    if (!ObjectId.isValid(webhookId)) return { items: [], total: 0 }
    const query = { webhook_id: ObjectId.createFromHexString(webhookId) }
    const [docs, total] = await Promise.all([
      deliveries.find(query).sort(DELIVERY_LOG_ORDER).skip((page - 1) * perPage).limit(perPage).toArray(),
      deliveries.countDocuments(query)
    ])
    return { items: docs.map(toWebhookDelivery), total }
  }

  /** Candidates first, then one update that takes those still due, then what this claim got. */
  async function claim<T extends InvalidationDoc | DeliveryDoc> (collection: Collection<T>, token: string, leaseMs: number, limit: number, now: number): Promise<T[]> {
    const leased = collection as unknown as Collection<Leased & { _id: ObjectId }>
    const at = new Date(now)
    const candidates = await leased.find(dueFilter(at), { projection: { _id: 1 } }).sort(DUE_ORDER).limit(limit).toArray()
    if (candidates.length === 0) return []
    const ids = candidates.map((doc) => doc._id)
    const { filter, update } = claimUpdate(ids, token, at, new Date(now + leaseMs))
    await leased.updateMany(filter, update)
    return await leased.find(heldBy(token, ids)).toArray() as unknown as T[]
  }

  const repository: OutboxRepository = {
    async claimInvalidations (token, leaseMs, limit, now) {
      const docs = await claim(invalidations, token, leaseMs, limit, now)
      return docs.map((doc) => ({ id: doc._id.toHexString(), event: doc.event, args: doc.args, tags: doc.tags, attempts: doc.attempts }))
    },

    async settleInvalidations (token, list, retryAt, now) {
      const ids = list.filter((id) => ObjectId.isValid(id)).map((id) => ObjectId.createFromHexString(id))
      await invalidations.updateMany(heldBy(token, ids), settleInvalidationUpdate(retryAt === null ? null : new Date(retryAt), new Date(now)))
    },

    async claimDeliveries (token, leaseMs, limit, now) {
      const docs = await claim(deliveries, token, leaseMs, limit, now)
      if (docs.length === 0) return []
      const current = new Map((await webhooks.find({ _id: { $in: docs.map((doc) => doc.webhook_id) } }).toArray())
        .map((hook) => [hook._id.toHexString(), hook]))
      return docs.map((doc): ClaimedDelivery => {
        const hook = current.get(doc.webhook_id.toHexString())
        return {
          id: doc._id.toHexString(),
          webhook_id: doc.webhook_id.toHexString(),
          form_id: doc.form_id.toHexString(),
          event: doc.event,
          event_id: doc.event_id,
          body: doc.body,
          attempts: doc.attempts,
          target: hook === undefined ? { url: doc.url, secret: doc.secret, active: true } : { url: hook.url, secret: hook.secret, active: hook.active }
        }
      })
    },

    async settleDelivery (token, id, outcome, now) {
      if (!ObjectId.isValid(id)) return
      const doc = await deliveries.findOneAndUpdate(heldBy(token, [ObjectId.createFromHexString(id)]) as never,
        settleDeliveryUpdate(outcome, new Date(now)), { returnDocument: 'after' })
      if (doc === null) return
      await webhooks.updateOne({ _id: doc.webhook_id }, { $set: { last_delivery: lastDelivery(doc.event, doc.attempts, outcome, now) } })
    },

    async nextDue () {
      const next = await Promise.all([invalidations, deliveries].map((collection) =>
        (collection as unknown as Collection<Leased>).find({ status: 'pending' }, { projection: { next_attempt_at: 1 } }).sort(DUE_ORDER).limit(1).next()))
      const times = next.flatMap((doc) => doc?.next_attempt_at == null ? [] : [doc.next_attempt_at.getTime()])
      return times.length === 0 ? null : Math.min(...times)
    },

    async pending () {
      const counts = await Promise.all([invalidations.countDocuments({ status: 'pending' }), deliveries.countDocuments({ status: 'pending' })])
      return counts[0] + counts[1]
    },

    async prune (before, limit) {
      let deleted = 0
      for (const collection of [invalidations, deliveries] as unknown as Array<Collection<Leased & { _id: ObjectId }>>) {
        if (deleted >= limit) break // a limit of 0 would mean none to MongoDB
        const ids = (await collection.find(prunable(new Date(before)), { projection: { _id: 1 } }).limit(limit - deleted).toArray()).map((doc) => doc._id)
        if (ids.length > 0) deleted += (await collection.deleteMany({ _id: { $in: ids } })).deletedCount
      }
      return deleted
    }
  }

  return { record, cancel, log, repository }
}

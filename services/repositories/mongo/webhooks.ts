import { ObjectId } from 'mongodb'
import type { Repositories } from '../port.js'
import { idMatch, parseId, setFields, WEBHOOK_ORDER, type WebhookDoc } from './queries.js'
import { iso, type MongoContext } from './context.js'
import type { StoredWebhook } from '../../../schemas/webhooks.js'

const toWebhook = (doc: WebhookDoc): StoredWebhook => ({
  id: doc._id.toHexString(),
  form_id: doc.form_id.toHexString(),
  url: doc.url,
  events: doc.events,
  active: doc.active,
  secret: doc.secret,
  ...(doc.last_delivery === undefined ? {} : { last_delivery: doc.last_delivery }),
  created_at: iso(doc.created_at),
  updated_at: iso(doc.updated_at)
})

export function createMongoWebhooks ({ webhooks, forms, outbox, atomically, requireParent }: MongoContext): Repositories['webhooks'] {
  return {
    async create (input, owed) {
      const at = new Date()
      const doc: WebhookDoc = {
        _id: new ObjectId(),
        form_id: ObjectId.createFromHexString(input.form_id),
        url: input.url,
        events: input.events,
        active: input.active,
        secret: input.secret,
        created_at: at,
        updated_at: at
      }
      return atomically(async (session) => {
        await requireParent(forms, input.form_id, 'Form', session)
        await webhooks.insertOne(doc, { session })
        return toWebhook(doc)
      }, owed)
    },

    async findById (formId, id) {
      const doc = await webhooks.findOne({ _id: idMatch(id), form_id: idMatch(formId) })
      return doc === null ? null : toWebhook(doc)
    },

    async listByForm (formId) {
      const docs = await webhooks.find({ form_id: idMatch(formId) }).sort(WEBHOOK_ORDER).toArray()
      return docs.map(toWebhook)
    },

    async update (formId, id, changes, owed) {
      return atomically(async (session) => {
        const doc = await webhooks.findOneAndUpdate(
          { _id: idMatch(id), form_id: idMatch(formId) },
          { $set: { ...setFields(changes, ['url', 'events', 'active', 'secret']), updated_at: new Date() } },
          { returnDocument: 'after', session }
        )
        return doc === null ? null : toWebhook(doc)
      }, owed)
    },

    async delete (formId, id, owed) {
      const _id = parseId(id)
      if (_id === null) return false
      // its pending deliveries end with it: always one transaction
      return atomically(async (session) => {
        const { deletedCount } = await webhooks.deleteOne({ _id, form_id: idMatch(formId) }, { session })
        if (deletedCount !== 1) return false
        await outbox.cancel(_id, new Date(), session)
        return true
      }, owed ?? (() => ({})))
    },

    deliveries (webhookId, paging) {
      return outbox.log(webhookId, paging)
    }
  }
}

import { ObjectId } from 'mongodb'
import type { Repositories, StatusCounts } from '../port.js'
import { searchText } from '../search.js'
import { FORM_ORDER, formFilter, idMatch, idsMatch, parseId, setFields, type FormDoc } from './queries.js'
import { iso, type MongoContext } from './context.js'
import type { Form } from '../../../schemas/forms.js'

const toForm = (doc: FormDoc): Form => ({
  id: doc._id.toHexString(),
  title: doc.title,
  description: doc.description,
  status: doc.status,
  fields: doc.fields,
  owner_id: doc.owner_id.toHexString(),
  version: doc.version,
  created_at: iso(doc.created_at),
  updated_at: iso(doc.updated_at)
})

export function createMongoForms ({ forms, responses, webhooks, outbox, atomically }: MongoContext): Repositories['forms'] {
  return {
    async create (input, owed) {
      const at = new Date()
      const doc: FormDoc = {
        _id: new ObjectId(),
        owner_id: ObjectId.createFromHexString(input.owner_id),
        title: input.title,
        description: input.description,
        search_text: searchText(input.title, input.description),
        status: input.status,
        fields: input.fields,
        version: 1,
        created_at: at,
        updated_at: at
      }
      return atomically(async (session) => {
        await forms.insertOne(doc, { session })
        return toForm(doc)
      }, owed)
    },

    async findById (id) {
      const doc = await forms.findOne({ _id: idMatch(id) })
      return doc === null ? null : toForm(doc)
    },

    async findByIds (ids) {
      const docs = await forms.find({ _id: idsMatch(ids) }).toArray()
      return docs.map(toForm)
    },

    async list (filter, { page, per_page: perPage }) {
      const query = formFilter(filter)
      const [docs, total] = await Promise.all([
        forms.find(query).sort(FORM_ORDER).skip((page - 1) * perPage).limit(perPage).toArray(),
        forms.countDocuments(query)
      ])
      return { items: docs.map(toForm), total }
    },

    async update (id, changes, expectedVersion, owed) {
      const _id = parseId(id)
      if (_id === null) return null
      const { owner_id: ownerId, ...set } = setFields(changes, ['title', 'description', 'status', 'fields', 'owner_id'])
      const update: Partial<FormDoc> = { ...set, updated_at: new Date() }
      if (ownerId !== undefined) update.owner_id = ObjectId.createFromHexString(ownerId)
      return atomically(async (session) => {
        if (set.title !== undefined || set.description !== undefined) {
          // search_text needs both; the unchanged one is read from the version
          // being replaced (any write in between bumps it, and the update below misses)
          const current = await forms.findOne({ _id, version: expectedVersion }, { projection: { title: 1, description: 1 }, session })
          if (current === null) return null
          update.search_text = searchText(set.title ?? current.title, set.description ?? current.description)
        }
        const doc = await forms.findOneAndUpdate(
          { _id, version: expectedVersion },
          { $set: update, $inc: { version: 1 } },
          { returnDocument: 'after', session }
        )
        return doc === null ? null : toForm(doc)
      }, owed)
    },

    async delete (id, owed) {
      const _id = parseId(id)
      if (_id === null) return false
      return atomically(async (session) => {
        // the deliveries go to the webhooks as they are now: recorded before they are deleted
        if (owed !== undefined) {
          if (await forms.countDocuments({ _id }, { limit: 1, session }) === 0) return false
          await outbox.record(owed(true), new Date(), session)
        }
        // outside a transaction (no side effects owed) the form goes first, so
        // it disappears at once; its responses and webhooks follow
        const { deletedCount } = await forms.deleteOne({ _id }, { session })
        // one after the other: operations of one transaction must not run concurrently
        await responses.deleteMany({ form_id: _id }, { session })
        await webhooks.deleteMany({ form_id: _id }, { session })
        return deletedCount === 1
      }, owed === undefined ? undefined : () => ({}))
    },

    countByOwner (ownerId) {
      return forms.countDocuments({ owner_id: idMatch(ownerId) })
    },

    async countByStatus (ownerId) {
      const rows = await forms.aggregate<{ _id: keyof StatusCounts, n: number }>([
        { $match: ownerId === undefined ? {} : { owner_id: idMatch(ownerId) } },
        { $group: { _id: '$status', n: { $sum: 1 } } }
      ]).toArray()
      const counts: StatusCounts = { draft: 0, published: 0, archived: 0 }
      for (const row of rows) counts[row._id] = row.n
      return counts
    }
  }
}

import { ObjectId, type ClientSession, type Db, type Document } from 'mongodb'
import type { Form } from '../../schemas/forms.js'
import type { FormResponse } from '../../schemas/responses.js'
import type { SessionUser, StoredUser, User } from '../../schemas/users.js'
import type { StoredWebhook } from '../../schemas/webhooks.js'
import type { Dashboard } from '../../schemas/dashboards.js'
import { DuplicateError, NotFoundError } from '../infra/errors.js'
import { searchText } from './search.js'
import type { DayCount, FormResponseCount, OwedBy, Repositories, StatusCounts } from './port.js'
import { createMongoOutbox } from './mongo-outbox.js'
import { transactionsProblem } from './mongo-outbox-queries.js'
import {
  analyticsPipeline, analyticsResult, countPerFormPipeline, FORM_ORDER, formFilter, idMatch, idsMatch, INDEXES, parseId,
  perDayAggregation, RECENT_USER_ORDER, recentAggregation, RESPONSE_ORDER, setFields, sinceDate, USER_ORDER, userUpdate, WEBHOOK_ORDER,
  type Aggregation, type DashboardDoc, type FormDoc, type ResponseDoc, type UserDoc, type WebhookDoc
} from './mongo-queries.js'

const iso = (date: Date) => date.toISOString()

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

const toResponse = (doc: ResponseDoc): FormResponse => ({
  id: doc._id.toHexString(),
  form_id: doc.form_id.toHexString(),
  form_version: doc.form_version,
  answers: doc.answers,
  submitted_at: iso(doc.submitted_at),
  updated_at: iso(doc.updated_at)
})

const toUser = (doc: Omit<UserDoc, 'password_hash' | 'email_key'>): User => ({
  id: doc._id.toHexString(),
  email: doc.email,
  name: doc.name,
  role: doc.role,
  created_at: iso(doc.created_at),
  updated_at: iso(doc.updated_at)
})

const toSessionUser = (doc: Omit<UserDoc, 'password_hash' | 'email_key'>): SessionUser =>
  ({ ...toUser(doc), token_generation: doc.token_generation ?? 0 })

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

// The password hash leaves the database only through findByEmail.
const PUBLIC_USER = { projection: { password_hash: 0, email_key: 0 } } as const

const isDuplicateKey = (err: unknown) => (err as { code?: unknown } | null)?.code === 11000

async function duplicateAsDomainError<T> (write: Promise<T>): Promise<T> {
  try {
    return await write
  } catch (err) {
    if (isDuplicateKey(err)) throw new DuplicateError('A user with this email already exists')
    throw err
  }
}

/**
 * The production adapter over a connected `Db` (the client belongs to the
 * caller, @fastify/mongodb, which closes it). Same semantics as the SQLite
 * adapter; indexes are created before it is returned.
 */
export async function createMongoRepositories (db: Db): Promise<Repositories> {
  // An undefined property is left out, as JSON.stringify does for SQLite,
  // instead of being stored as null (the driver's default).
  const options = { ignoreUndefined: true }
  const forms = db.collection<FormDoc>('forms', options)
  const responses = db.collection<ResponseDoc>('responses', options)
  const users = db.collection<UserDoc>('users', options)
  const webhooks = db.collection<WebhookDoc>('webhooks', options)
  const dashboards = db.collection<DashboardDoc>('dashboards', options)

  await Promise.all([
    forms.createIndexes(INDEXES.forms),
    responses.createIndexes(INDEXES.responses),
    users.createIndexes(INDEXES.users),
    webhooks.createIndexes(INDEXES.webhooks)
  ])

  // MongoDB has no foreign keys: a child is written only while its parent exists (as the SQLite
  // adapter's constraints ensure; a delete racing the insert can still leave an orphan here).
  async function requireParent (collection: typeof forms | typeof users, id: string, what: string, session?: ClientSession) {
    if (await collection.countDocuments({ _id: ObjectId.createFromHexString(id) }, { limit: 1, session }) === 0) throw new NotFoundError(what)
  }

  // A write and what it owes (its invalidation, its webhook deliveries) commit
  // together or not at all: one transaction, which needs a replica set.
  const problem = transactionsProblem(await db.admin().command({ hello: 1 }))
  if (problem !== null) throw new Error(problem)
  const outbox = await createMongoOutbox(db, webhooks)
  async function atomically<T> (write: (session?: ClientSession) => Promise<T>, owed: OwedBy<never> | undefined): Promise<T> {
    if (owed === undefined) return write()
    // the driver may run the callback again (a transient error): each run records what that run wrote
    return db.client.withSession((session) => session.withTransaction(async () => {
      const written = await write(session)
      if (written !== null && written !== false) await outbox.record(owed(written as never), new Date(), session)
      return written
    }))
  }

  const aggregate = <T extends Document>({ collection, pipeline }: Aggregation) => db.collection(collection, options).aggregate<T>(pipeline).toArray()

  return {
    kind: 'mongodb',

    forms: {
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
    },

    responses: {
      async create (input, owed) {
        const at = new Date()
        const doc: ResponseDoc = {
          _id: new ObjectId(),
          form_id: ObjectId.createFromHexString(input.form_id),
          form_version: input.form_version,
          answers: input.answers,
          submitted_at: at,
          updated_at: at
        }
        return atomically(async (session) => {
          await requireParent(forms, input.form_id, 'Form', session)
          await responses.insertOne(doc, { session })
          return toResponse(doc)
        }, owed)
      },

      async findById (formId, id) {
        const doc = await responses.findOne({ _id: idMatch(id), form_id: idMatch(formId) })
        return doc === null ? null : toResponse(doc)
      },

      async list (formId, { page, per_page: perPage }) {
        const query = { form_id: idMatch(formId) }
        const [docs, total] = await Promise.all([
          responses.find(query).sort(RESPONSE_ORDER).skip((page - 1) * perPage).limit(perPage).toArray(),
          responses.countDocuments(query)
        ])
        return { items: docs.map(toResponse), total }
      },

      async update (formId, id, changes, owed) {
        return atomically(async (session) => {
          const doc = await responses.findOneAndUpdate(
            { _id: idMatch(id), form_id: idMatch(formId) },
            { $set: { answers: changes.answers, form_version: changes.form_version, updated_at: new Date() } },
            { returnDocument: 'after', session }
          )
          return doc === null ? null : toResponse(doc)
        }, owed)
      },

      async analytics (formId, fields, since) {
        // $facet yields exactly one document, even for a form without responses
        const [doc] = await responses.aggregate(analyticsPipeline(formId, fields, sinceDate(since))).toArray()
        return analyticsResult(doc ?? {}, fields)
      },

      async countPerForm (ownerId, limit) {
        const rows = await forms.aggregate<Omit<FormResponseCount, 'form_id'> & { form_id: ObjectId }>(
          countPerFormPipeline(ownerId, limit)).toArray()
        return rows.map((row) => ({ form_id: row.form_id.toHexString(), title: row.title, count: row.count }))
      },

      async recent (ownerId, limit) {
        const rows = await aggregate<ResponseDoc & { form_title: string }>(recentAggregation(ownerId, limit))
        return rows.map((row) => ({ ...toResponse(row), form_title: row.form_title }))
      },

      perDay (ownerId, since) {
        return aggregate<DayCount>(perDayAggregation(ownerId, sinceDate(since)))
      }
    },

    users: {
      async create (input) {
        const at = new Date()
        const doc: UserDoc = {
          _id: new ObjectId(),
          email: input.email,
          email_key: input.email.toLowerCase(),
          name: input.name,
          role: input.role,
          password_hash: input.password_hash,
          created_at: at,
          updated_at: at
        }
        await duplicateAsDomainError(users.insertOne(doc))
        return toUser(doc)
      },

      async findById (id) {
        const doc = await users.findOne({ _id: idMatch(id) }, PUBLIC_USER)
        return doc === null ? null : toUser(doc)
      },

      async findByIds (ids) {
        const docs = await users.find({ _id: idsMatch(ids) }, PUBLIC_USER).toArray()
        return docs.map(toUser)
      },

      async findByEmail (email) {
        const doc = await users.findOne({ email_key: email.toLowerCase() })
        return doc === null ? null : { ...toSessionUser(doc), password_hash: doc.password_hash } satisfies StoredUser
      },

      async list ({ page, per_page: perPage }) {
        const [docs, total] = await Promise.all([
          users.find({}, PUBLIC_USER).sort(USER_ORDER).skip((page - 1) * perPage).limit(perPage).toArray(),
          users.countDocuments()
        ])
        return { items: docs.map(toUser), total }
      },

      async recent (limit) {
        const docs = await users.find({}, PUBLIC_USER).sort(RECENT_USER_ORDER).limit(limit).toArray()
        return docs.map(toUser)
      },

      async update (id, changes, owed) {
        return atomically(async (session) => {
          const doc = await duplicateAsDomainError(users.findOneAndUpdate(
            { _id: idMatch(id) }, userUpdate(changes, new Date()), { ...PUBLIC_USER, returnDocument: 'after', session }))
          return doc === null ? null : toUser(doc)
        }, owed)
      },

      async delete (id, owed) {
        const _id = parseId(id)
        if (_id === null) return false
        return atomically(async (session) => {
          const { deletedCount } = await users.deleteOne({ _id }, { session })
          await dashboards.deleteOne({ _id }, { session })
          return deletedCount === 1
        }, owed)
      },

      count () {
        return users.countDocuments()
      },

      async findSession (id) {
        const doc = await users.findOne({ _id: idMatch(id) }, PUBLIC_USER)
        return doc === null ? null : toSessionUser(doc)
      },

      async findSessions (ids) {
        const docs = await users.find({ _id: idsMatch(ids) }, PUBLIC_USER).toArray()
        return docs.map(toSessionUser)
      },

      async revokeTokens (id, owed) {
        return atomically(async (session) => {
          const doc = await users.findOneAndUpdate({ _id: idMatch(id) }, { $inc: { token_generation: 1 } }, { ...PUBLIC_USER, returnDocument: 'after', session })
          return doc === null ? null : toSessionUser(doc)
        }, owed)
      }
    },

    webhooks: {
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
    },

    dashboards: {
      async get (userId) {
        const doc = await dashboards.findOne({ _id: idMatch(userId) })
        return doc === null ? null : { user_id: doc._id.toHexString(), layout: doc.layout, updated_at: iso(doc.updated_at) }
      },

      async put (userId, layout, owed) {
        const at = new Date()
        return atomically(async (session) => {
          await requireParent(users, userId, 'User', session)
          await dashboards.updateOne({ _id: ObjectId.createFromHexString(userId) }, { $set: { layout, updated_at: at } }, { upsert: true, session })
          return { user_id: userId, layout, updated_at: iso(at) } satisfies Dashboard
        }, owed)
      }
    },

    outbox: outbox.repository,

    async ping () {
      await users.findOne({}, { projection: { _id: 1 } })
    },

    async probe () {
      await db.command({ ping: 1 })
    },

    async close () {
      // the client is the caller's to close
    }
  }
}

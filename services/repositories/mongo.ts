import { ObjectId, type ClientSession, type Db, type Document } from 'mongodb'
import { NotFoundError } from '../infra/errors.js'
import type { OwedBy, Repositories } from './port.js'
import type { MongoContext } from './mongo/context.js'
import { createMongoDashboards } from './mongo/dashboards.js'
import { createMongoForms } from './mongo/forms.js'
import { createMongoOutbox } from './mongo/outbox.js'
import { transactionsProblem } from './mongo/outbox-queries.js'
import { INDEXES, type Aggregation, type DashboardDoc, type FormDoc, type ResponseDoc, type UserDoc, type WebhookDoc } from './mongo/queries.js'
import { createMongoResponses } from './mongo/responses.js'
import { createMongoUsers } from './mongo/users.js'
import { createMongoWebhooks } from './mongo/webhooks.js'

// The MongoDB adapter, one file per job under mongo/: the query and filter
// builders (queries.ts, unit-tested), what the repositories share (context.ts),
// one repository per file, the outbox.

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

  const context: MongoContext = { db, forms, responses, users, webhooks, dashboards, outbox, atomically, requireParent, aggregate }

  return {
    kind: 'mongodb',

    forms: createMongoForms(context),
    responses: createMongoResponses(context),
    users: createMongoUsers(context),
    webhooks: createMongoWebhooks(context),
    dashboards: createMongoDashboards(context),
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

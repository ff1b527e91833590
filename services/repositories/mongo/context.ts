import type { ClientSession, Collection, Db, Document } from 'mongodb'
import type { OwedBy } from '../port.js'
import type { createMongoOutbox } from './outbox.js'
import type { Aggregation, DashboardDoc, FormDoc, ResponseDoc, UserDoc, WebhookDoc } from './queries.js'

export const iso = (date: Date) => date.toISOString()

/** What every MongoDB repository works with: the collections, the outbox, and writes with what they owe. */
export interface MongoContext {
  db: Db
  forms: Collection<FormDoc>
  responses: Collection<ResponseDoc>
  users: Collection<UserDoc>
  webhooks: Collection<WebhookDoc>
  dashboards: Collection<DashboardDoc>
  outbox: Awaited<ReturnType<typeof createMongoOutbox>>
  /** Runs a write; with `owed`, in one transaction with the outbox documents of what it owes. */
  atomically<T> (write: (session?: ClientSession) => Promise<T>, owed: OwedBy<never> | undefined): Promise<T>
  /** 404 unless the parent document exists (MongoDB has no foreign keys). */
  requireParent (collection: Collection<FormDoc> | Collection<UserDoc>, id: string, what: string, session?: ClientSession): Promise<void>
  aggregate<T extends Document> (aggregation: Aggregation): Promise<T[]>
}

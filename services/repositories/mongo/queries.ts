import { ObjectId, type Document, type Filter, type IndexDescription, type Sort } from 'mongodb'
import type { FormField, FormStatus } from '../../../schemas/forms.js'
import type { Answers } from '../../../schemas/responses.js'
import type { Role } from '../../../schemas/users.js'
import type { Delivery, WebhookEvent } from '../../../schemas/webhooks.js'
import type { DashboardLayout } from '../../../schemas/dashboards.js'
import { OBJECT_ID } from '../ids.js'
import type { FieldSummaries, FormFilter, ResponseAnalytics, UserChanges } from '../port.js'

// The pure half of the MongoDB adapter: document shapes, filters, sorts,
// indexes and aggregation pipelines. Unit-tested without a server
// (test/mongo-queries.test.ts); the repositories beside it only run them.

// Documents as stored. References are ObjectIds (so $lookup can join them on
// `_id`), timestamps BSON Dates (converted to ISO strings at the edge).
export interface FormDoc {
  _id: ObjectId
  owner_id: ObjectId
  title: string
  description: string
  /** searchText(title, description): what `q` is matched against. */
  search_text: string
  status: FormStatus
  fields: FormField[]
  version: number
  created_at: Date
  updated_at: Date
}
export interface ResponseDoc { _id: ObjectId, form_id: ObjectId, form_version: number, answers: Answers, submitted_at: Date, updated_at: Date }
export interface UserDoc {
  _id: ObjectId
  email: string
  /** The lower-cased email, unique: emails compare case-insensitively. */
  email_key: string
  name: string
  role: Role
  password_hash: string
  created_at: Date
  updated_at: Date
  /** Moves on with every password change and session revocation; absent (0) on documents older than it. */
  token_generation?: number
}
export interface WebhookDoc {
  _id: ObjectId
  form_id: ObjectId
  url: string
  events: WebhookEvent[]
  active: boolean
  secret: string
  last_delivery?: Delivery
  created_at: Date
  updated_at: Date
}
/** Keyed by the user's id: one dashboard per user. */
export interface DashboardDoc { _id: ObjectId, layout: DashboardLayout, updated_at: Date }

/** The ObjectId a 24-hex string denotes, or null for a malformed id (which no document can have). */
export function parseId (id: string): ObjectId | null {
  return OBJECT_ID.test(id) ? ObjectId.createFromHexString(id) : null
}

/** A filter value for an id: a malformed one matches nothing, as in SQLite, instead of throwing. */
export function idMatch (id: string): ObjectId | { $in: ObjectId[] } {
  return parseId(id) ?? { $in: [] }
}

/** A filter value for several ids; malformed ones are left out (no document can have them). */
export function idsMatch (ids: readonly string[]): { $in: ObjectId[] } {
  return { $in: ids.map(parseId).filter((id): id is ObjectId => id !== null) }
}

/** Escapes every regex metacharacter, so the pattern matches the text literally. */
export function escapeRegex (text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')
}

export function formFilter (filter: FormFilter): Filter<FormDoc> {
  const query: Filter<FormDoc> = {}
  if (filter.status !== undefined) query.status = filter.status
  if (filter.owner_id !== undefined) query.owner_id = idMatch(filter.owner_id)
  // search_text is lower-cased in JS by searchText(), so the query is too
  // (no regex `i` flag: the server would fold case differently for non-ASCII)
  if (filter.q !== undefined) query.search_text = { $regex: escapeRegex(filter.q.toLowerCase()) }
  return query
}

/** The given keys of `changes` that are set: an update writes only those (an undefined value is not a change). */
export function setFields<T extends object, K extends keyof T> (changes: T, keys: readonly K[]): Partial<Pick<T, K>> {
  const set: Partial<Pick<T, K>> = {}
  for (const key of keys) if (changes[key] !== undefined) set[key] = changes[key]
  return set
}

/** The update of a user document: the fields set, and a new token generation with a new password hash. */
export function userUpdate (changes: UserChanges, at: Date): { $set: Partial<UserDoc>, $inc?: { token_generation: number } } {
  const $set: Partial<UserDoc> = { ...setFields(changes, ['email', 'name', 'role', 'password_hash']), updated_at: at }
  if (changes.email !== undefined) $set.email_key = changes.email.toLowerCase()
  return changes.password_hash === undefined ? { $set } : { $set, $inc: { token_generation: 1 } }
}

// Sorts mirror the SQLite ORDER BY clauses; `_id` breaks ties between equal timestamps.
export const FORM_ORDER: Sort = { updated_at: -1, _id: -1 }
export const RESPONSE_ORDER = { submitted_at: -1, _id: -1 } as const
export const USER_ORDER: Sort = { created_at: 1, _id: 1 }
export const RECENT_USER_ORDER: Sort = { updated_at: -1, _id: -1 }
export const WEBHOOK_ORDER: Sort = { created_at: 1, _id: 1 }

/** Indexes created at start-up: the unique email key and every list/sort/filter path. */
export const INDEXES: Record<'forms' | 'responses' | 'users' | 'webhooks', IndexDescription[]> = {
  forms: [
    { key: { updated_at: -1, _id: -1 }, name: 'forms_by_update' },
    { key: { owner_id: 1, updated_at: -1 }, name: 'forms_by_owner' },
    { key: { status: 1, updated_at: -1 }, name: 'forms_by_status' }
  ],
  responses: [
    { key: { form_id: 1, submitted_at: -1, _id: -1 }, name: 'responses_by_form' },
    { key: { submitted_at: -1, _id: -1 }, name: 'responses_by_time' }
  ],
  users: [
    { key: { email_key: 1 }, name: 'users_by_email', unique: true },
    { key: { created_at: 1, _id: 1 }, name: 'users_by_creation' },
    { key: { updated_at: -1, _id: -1 }, name: 'users_by_update' }
  ],
  webhooks: [
    { key: { form_id: 1, created_at: 1, _id: 1 }, name: 'webhooks_by_form' }
  ]
}

/** `since` as a Date; the adapter compares Dates, SQLite compares the same instants as ISO strings. */
export function sinceDate (since: string): Date {
  const date = new Date(since)
  if (Number.isNaN(date.getTime())) throw new RangeError(`Invalid date: ${since}`)
  return date
}

// The UTC calendar day of a timestamp, as SQLite's substr(iso, 1, 10).
const day = (path: string) => ({ $dateToString: { format: '%Y-%m-%d', date: path } })

const FIELD_NAME = /^[a-z][a-z0-9_]{0,63}$/

// Field names become document paths; the schema's name pattern keeps `.` and `$` out of them.
function answerPath (name: string): string {
  if (!FIELD_NAME.test(name)) throw new RangeError(`Invalid field name: ${name}`)
  return `answers.${name}`
}

function fieldFacet (field: Pick<FormField, 'name' | 'type'>): Document[] | null {
  const path = answerPath(field.name)
  switch (field.type) {
    case 'select':
      return [{ $match: { [path]: { $ne: null } } }, { $group: { _id: `$${path}`, n: { $sum: 1 } } }]
    case 'checkbox':
      // $unwind yields each chosen option (a lone scalar once), like SQLite's json_each
      return [{ $unwind: `$${path}` }, { $group: { _id: `$${path}`, n: { $sum: 1 } } }]
    case 'number':
      return [
        { $match: { $expr: { $isNumber: `$${path}` } } },
        { $group: { _id: null, min: { $min: `$${path}` }, max: { $max: `$${path}` }, mean: { $avg: `$${path}` } } }
      ]
    default:
      return null
  }
}

/**
 * One aggregation over a form's responses: the total, the per-day counts since
 * `since`, and one facet per summarised field (named by position, so no field
 * name can clash with `total` or `per_day`). Read back with analyticsResult().
 */
export function analyticsPipeline (formId: string, fields: Pick<FormField, 'name' | 'type'>[], since: Date): Document[] {
  const facets: Record<string, Document[]> = {
    total: [{ $count: 'n' }],
    per_day: [
      { $match: { submitted_at: { $gte: since } } },
      { $group: { _id: day('$submitted_at'), count: { $sum: 1 } } },
      { $sort: { _id: 1 } },
      { $project: { _id: 0, date: '$_id', count: 1 } }
    ]
  }
  fields.forEach((field, i) => {
    const facet = fieldFacet(field)
    if (facet !== null) facets[`field_${i}`] = facet
  })
  return [{ $match: { form_id: idMatch(formId) } }, { $facet: facets }]
}

/** Turns the single document analyticsPipeline() yields into the port's shape. */
export function analyticsResult (doc: Document, fields: Pick<FormField, 'name' | 'type'>[]): ResponseAnalytics {
  const summaries: FieldSummaries = {}
  fields.forEach((field, i) => {
    const rows: Document[] = doc[`field_${i}`] ?? []
    if (field.type === 'number') {
      // no numeric answer, no summary (as in SQLite)
      const [row] = rows
      if (row !== undefined) summaries[field.name] = { min: row.min, max: row.max, mean: row.mean }
    } else if (field.type === 'select' || field.type === 'checkbox') {
      summaries[field.name] = { counts: Object.fromEntries(rows.map((row) => [String(row._id), row.n])) }
    }
  })
  const total: number = doc.total?.[0]?.n ?? 0
  return { total_responses: total, responses_per_day: doc.per_day ?? [], fields: summaries }
}

/** Every form (of one owner) with its response count, most answered first; forms without responses count 0. */
export function countPerFormPipeline (ownerId: string | undefined, limit: number): Document[] {
  return [
    { $match: ownerId === undefined ? {} : { owner_id: idMatch(ownerId) } },
    // the count runs per form on responses_by_form; no response leaves the server
    { $lookup: { from: 'responses', localField: '_id', foreignField: 'form_id', pipeline: [{ $count: 'n' }], as: 'responses' } },
    { $project: { _id: 0, form_id: '$_id', title: 1, updated_at: 1, count: { $ifNull: [{ $arrayElemAt: ['$responses.n', 0] }, 0] } } },
    { $sort: { count: -1, updated_at: -1, form_id: -1 } },
    { $limit: limit },
    { $project: { updated_at: 0 } }
  ]
}

export interface Aggregation { collection: 'forms' | 'responses', pipeline: Document[] }

/**
 * The latest responses with their form's title. For everyone: walk
 * responses_by_time and join each form. For one owner: take the latest few of
 * each of the owner's forms, then the latest of those.
 */
export function recentAggregation (ownerId: string | undefined, limit: number): Aggregation {
  if (ownerId === undefined) {
    return {
      collection: 'responses',
      pipeline: [
        { $sort: RESPONSE_ORDER },
        { $lookup: { from: 'forms', localField: 'form_id', foreignField: '_id', pipeline: [{ $project: { title: 1 } }], as: 'form' } },
        { $unwind: '$form' },
        { $limit: limit },
        { $set: { form_title: '$form.title' } },
        { $unset: 'form' }
      ]
    }
  }
  return {
    collection: 'forms',
    pipeline: [
      { $match: { owner_id: idMatch(ownerId) } },
      { $project: { title: 1 } },
      { $lookup: { from: 'responses', localField: '_id', foreignField: 'form_id', pipeline: [{ $sort: RESPONSE_ORDER }, { $limit: limit }], as: 'response' } },
      { $unwind: '$response' },
      { $replaceWith: { $mergeObjects: ['$response', { form_title: '$title' }] } },
      { $sort: RESPONSE_ORDER },
      { $limit: limit }
    ]
  }
}

/** Responses per UTC day since `since`, oldest first, to everyone's forms or one owner's. */
export function perDayAggregation (ownerId: string | undefined, since: Date): Aggregation {
  const tail = [
    { $sort: { _id: 1 } },
    { $project: { _id: 0, date: '$_id', count: 1 } }
  ]
  if (ownerId === undefined) {
    return {
      collection: 'responses',
      pipeline: [
        { $match: { submitted_at: { $gte: since } } },
        { $group: { _id: day('$submitted_at'), count: { $sum: 1 } } },
        ...tail
      ]
    }
  }
  return {
    collection: 'forms',
    pipeline: [
      { $match: { owner_id: idMatch(ownerId) } },
      { $project: { _id: 1 } },
      {
        $lookup: {
          from: 'responses',
          localField: '_id',
          foreignField: 'form_id',
          pipeline: [{ $match: { submitted_at: { $gte: since } } }, { $project: { _id: 0, submitted_at: 1 } }],
          as: 'response'
        }
      },
      { $unwind: '$response' },
      { $group: { _id: day('$response.submitted_at'), count: { $sum: 1 } } },
      ...tail
    ]
  }
}

import type { Paging } from '../../schemas/common.js'
import type { Form, FormField, FormStatus } from '../../schemas/forms.js'
import type { Answers, FormResponse } from '../../schemas/responses.js'
import type { Role, SessionUser, StoredUser, User } from '../../schemas/users.js'
import type { StoredWebhook, WebhookDelivery, WebhookEvent, WebhookEventBody } from '../../schemas/webhooks.js'
import type { Dashboard, DashboardLayout } from '../../schemas/dashboards.js'

/**
 * The persistence port. Both adapters (SQLite, MongoDB) implement it and pass
 * the same contract suite (test/repositories.contract.ts). Ids are 24-hex
 * ObjectId strings, timestamps ISO-8601 strings.
 */
export interface Repositories {
  readonly kind: 'sqlite' | 'mongodb'
  forms: FormRepository
  responses: ResponseRepository
  users: UserRepository
  webhooks: WebhookRepository
  dashboards: DashboardRepository
  /** The side effects writes recorded (below), for the relay. */
  outbox: OutboxRepository
  /** A read of the database; rejects when it is unreachable or cannot be read. */
  ping (): Promise<void>
  /** The same, without waiting for locks or connections (the availability probe). */
  probe (): Promise<void>
  close (): Promise<void>
}

export interface ListResult<T> { items: T[], total: number }

export interface FormFilter {
  status?: FormStatus
  /** Case-insensitive literal substring of title or description. */
  q?: string
  owner_id?: string
}

export interface NewForm {
  title: string
  description: string
  status: FormStatus
  fields: FormField[]
  owner_id: string
}

export type FormChanges = Partial<Pick<Form, 'title' | 'description' | 'status' | 'fields' | 'owner_id'>>

export type StatusCounts = Record<FormStatus, number>

export interface FormRepository {
  create (form: NewForm, owed?: OwedBy<Form>): Promise<Form>
  findById (id: string): Promise<Form | null>
  /** The forms with these ids, in no particular order; unknown and malformed ids are left out. */
  findByIds (ids: readonly string[]): Promise<Form[]>
  /** Most recently updated first. */
  list (filter: FormFilter, paging: Paging): Promise<ListResult<Form>>
  /**
   * Applies the changes and increments `version`, but only while the stored
   * version is still `expectedVersion` (optimistic concurrency). Null when the
   * form is gone or was changed in between.
   */
  update (id: string, changes: FormChanges, expectedVersion: number, owed?: OwedBy<Form>): Promise<Form | null>
  /**
   * Deletes the form together with its responses and webhooks. The webhook
   * deliveries it owes go to the webhooks as they were just before.
   */
  delete (id: string, owed?: OwedBy<true>): Promise<boolean>
  countByOwner (ownerId: string): Promise<number>
  /** Forms per status, for one owner or (undefined) everyone. */
  countByStatus (ownerId?: string): Promise<StatusCounts>
}

export interface NewResponse {
  form_id: string
  form_version: number
  answers: Answers
}

export interface DayCount { date: string, count: number }

export interface FieldSummaries {
  [field: string]: { counts: Record<string, number> } | { min: number, max: number, mean: number }
}

export interface ResponseAnalytics {
  total_responses: number
  /** Days with at least one response since `since`, oldest first. */
  responses_per_day: DayCount[]
  fields: FieldSummaries
}

export interface FormResponseCount { form_id: string, title: string, count: number }
export type RecentResponse = FormResponse & { form_title: string }

export interface ResponseRepository {
  create (response: NewResponse, owed?: OwedBy<FormResponse>): Promise<FormResponse>
  findById (formId: string, id: string): Promise<FormResponse | null>
  /** Newest first. */
  list (formId: string, paging: Paging): Promise<ListResult<FormResponse>>
  update (formId: string, id: string, changes: { answers: Answers, form_version: number }, owed?: OwedBy<FormResponse>): Promise<FormResponse | null>
  /**
   * Aggregated by the database: value counts for the given select/checkbox
   * fields, min/max/mean for the number fields, responses per day since `since`.
   */
  analytics (formId: string, fields: Pick<FormField, 'name' | 'type'>[], since: string): Promise<ResponseAnalytics>
  /** The forms with the most responses (of one owner, or everyone's). */
  countPerForm (ownerId: string | undefined, limit: number): Promise<FormResponseCount[]>
  /** The latest responses to the forms of one owner (or everyone's). */
  recent (ownerId: string | undefined, limit: number): Promise<RecentResponse[]>
  /** Responses per day since `since` to the forms of one owner (or everyone's). */
  perDay (ownerId: string | undefined, since: string): Promise<DayCount[]>
}

export interface NewUser {
  email: string
  name: string
  role: Role
  password_hash: string
}

export type UserChanges = Partial<NewUser>

export interface UserRepository {
  /** Throws DuplicateError when the email is taken (emails compare case-insensitively). */
  create (user: NewUser): Promise<User>
  findById (id: string): Promise<User | null>
  /** The users with these ids, in no particular order; unknown and malformed ids are left out. */
  findByIds (ids: readonly string[]): Promise<User[]>
  /** With the password hash, for login. */
  findByEmail (email: string): Promise<StoredUser | null>
  /** Oldest first. */
  list (paging: Paging): Promise<ListResult<User>>
  /** The `limit` most recently updated users, newest first (what the cache warmup starts from). */
  recent (limit: number): Promise<User[]>
  /**
   * Throws DuplicateError when the new email is taken. A new password hash
   * also moves the token generation on, in the same write.
   */
  update (id: string, changes: UserChanges, owed?: OwedBy<User>): Promise<User | null>
  /** Deletes the user and their dashboard. */
  delete (id: string, owed?: OwedBy<true>): Promise<boolean>
  count (): Promise<number>

  // Token revocation: a token is accepted only while it carries the user's current generation.
  /** The user with their token generation (what every authenticated request checks). */
  findSession (id: string): Promise<SessionUser | null>
  /** The same for several users (the cache warmup); unknown and malformed ids are left out. */
  findSessions (ids: readonly string[]): Promise<SessionUser[]>
  /** Moves the token generation on, so every token issued so far is refused; null for an unknown user. */
  revokeTokens (id: string, owed?: OwedBy<SessionUser>): Promise<SessionUser | null>
}

export interface NewWebhook {
  form_id: string
  url: string
  events: WebhookEvent[]
  active: boolean
  secret: string
}

export type WebhookChanges = Partial<Pick<NewWebhook, 'url' | 'events' | 'active' | 'secret'>>

export interface WebhookRepository {
  create (webhook: NewWebhook, owed?: OwedBy<StoredWebhook>): Promise<StoredWebhook>
  findById (formId: string, id: string): Promise<StoredWebhook | null>
  /** Oldest first. */
  listByForm (formId: string): Promise<StoredWebhook[]>
  update (formId: string, id: string, changes: WebhookChanges, owed?: OwedBy<StoredWebhook>): Promise<StoredWebhook | null>
  /** Deletes the webhook; its pending deliveries end as failed (`webhook deleted`). */
  delete (formId: string, id: string, owed?: OwedBy<true>): Promise<boolean>
  /** The webhook's delivery log, newest first. */
  deliveries (webhookId: string, paging: Paging): Promise<ListResult<WebhookDelivery>>
}

export interface DashboardRepository {
  get (userId: string): Promise<Dashboard | null>
  put (userId: string, layout: DashboardLayout, owed?: OwedBy<Dashboard>): Promise<Dashboard>
}

// --- The outbox ---------------------------------------------------------------
// What a write owes besides itself (its cache invalidation, its webhook
// deliveries) is recorded in the write's own transaction, so a crash after the
// commit loses none of it; the relay (services/outbox/relay.ts) carries it out.

/** A cache invalidation a write owes (services/caching/invalidation.ts says which tags). */
export interface Invalidation {
  /** The handler's name, for the invalidation log (`on_form_updated`). */
  event: string
  args: Record<string, unknown>
  tags: string[]
}

/** An invalidation as the writer records it: leased to the writer, which tries it before answering. */
export interface OwedInvalidation extends Invalidation {
  id: string
  /** The writer holds the item until `until` (ms since the epoch); then any relay may take it. */
  lease: { owner: string, until: number }
}

/** What one write owes. */
export interface Owed {
  invalidation?: OwedInvalidation
  /** Delivered to each of the form's active webhooks subscribed to `event`, as they are in the write's transaction. */
  webhook?: WebhookEventBody
}

/**
 * What a write owes, computed from what it wrote. An adapter calls it inside
 * the write's transaction, only when the write happened (not for an update that
 * found nothing), and records the result with the write or not at all.
 */
export type OwedBy<T> = (written: T) => Owed

/** An invalidation a relay has claimed. */
export interface ClaimedInvalidation extends Invalidation { id: string, attempts: number }

/** A webhook delivery a relay has claimed, with where it goes now. */
export interface ClaimedDelivery {
  /** The delivery's id: the `webhook-id` header, the same on every attempt. */
  id: string
  webhook_id: string
  form_id: string
  event: WebhookEvent
  /** The event's id (the body's `id`), the same for every webhook that gets the event. */
  event_id: string
  /** The exact bytes sent on every attempt. */
  body: string
  /** Attempts so far, this one included. */
  attempts: number
  /**
   * The webhook's URL, secret and state now; when the webhook is gone with its
   * form (form.deleted), as they were when the delivery was recorded.
   */
  target: { url: string, secret: string, active: boolean }
}

/** How a delivery attempt ended. */
export interface DeliveryOutcome {
  status: 'delivered' | 'pending' | 'failed'
  status_code?: number
  /** A class of failure (`timeout`, `HTTP 503`, ...), never an address. */
  error?: string
  /** When `pending`: the next attempt (ms since the epoch). */
  next_attempt_at?: number
}

/**
 * The relay's side of the outbox. Every change to a claimed item names the
 * claim's token and does nothing once another relay holds the item (its lease
 * expired), so two relays never settle one item.
 */
export interface OutboxRepository {
  /**
   * Takes up to `limit` due invalidations nobody holds, oldest due first, for
   * `leaseMs`, counting an attempt on each.
   */
  claimInvalidations (token: string, leaseMs: number, limit: number, now: number): Promise<ClaimedInvalidation[]>
  /** `retryAt` null: done; otherwise released, due again then. */
  settleInvalidations (token: string, ids: readonly string[], retryAt: number | null, now: number): Promise<void>
  /** Like claimInvalidations, for webhook deliveries. */
  claimDeliveries (token: string, leaseMs: number, limit: number, now: number): Promise<ClaimedDelivery[]>
  /** Records an attempt's outcome on the delivery and as its webhook's `last_delivery`. */
  settleDelivery (token: string, id: string, outcome: DeliveryOutcome, now: number): Promise<void>
  /** When the next pending item of either kind is due (a held one when its lease ends), or null when none is pending. */
  nextDue (): Promise<number | null>
  /** Pending items of both kinds. */
  pending (): Promise<number>
  /** Deletes up to `limit` finished items that finished before `before`; returns how many. */
  prune (before: number, limit: number): Promise<number>
}

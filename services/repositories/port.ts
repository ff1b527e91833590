import type { Paging } from '../../schemas/common.js'
import type { Form, FormField, FormStatus } from '../../schemas/forms.js'
import type { Answers, FormResponse } from '../../schemas/responses.js'
import type { Role, SessionUser, StoredUser, User } from '../../schemas/users.js'
import type { Delivery, StoredWebhook, WebhookEvent } from '../../schemas/webhooks.js'
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
  /** Round trip to the database; rejects when it is unreachable. */
  ping (): Promise<void>
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
  create (form: NewForm): Promise<Form>
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
  update (id: string, changes: FormChanges, expectedVersion: number): Promise<Form | null>
  /** Deletes the form together with its responses and webhooks. */
  delete (id: string): Promise<boolean>
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
  create (response: NewResponse): Promise<FormResponse>
  findById (formId: string, id: string): Promise<FormResponse | null>
  /** Newest first. */
  list (formId: string, paging: Paging): Promise<ListResult<FormResponse>>
  update (formId: string, id: string, changes: { answers: Answers, form_version: number }): Promise<FormResponse | null>
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
  update (id: string, changes: UserChanges): Promise<User | null>
  /** Deletes the user and their dashboard. */
  delete (id: string): Promise<boolean>
  count (): Promise<number>

  // Token revocation: a token is accepted only while it carries the user's current generation.
  /** The user with their token generation (what every authenticated request checks). */
  findSession (id: string): Promise<SessionUser | null>
  /** The same for several users (the cache warmup); unknown and malformed ids are left out. */
  findSessions (ids: readonly string[]): Promise<SessionUser[]>
  /** Moves the token generation on, so every token issued so far is refused; null for an unknown user. */
  revokeTokens (id: string): Promise<SessionUser | null>
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
  create (webhook: NewWebhook): Promise<StoredWebhook>
  findById (formId: string, id: string): Promise<StoredWebhook | null>
  /** Oldest first. */
  listByForm (formId: string): Promise<StoredWebhook[]>
  update (formId: string, id: string, changes: WebhookChanges): Promise<StoredWebhook | null>
  delete (formId: string, id: string): Promise<boolean>
  recordDelivery (id: string, delivery: Delivery): Promise<void>
}

export interface DashboardRepository {
  get (userId: string): Promise<Dashboard | null>
  put (userId: string, layout: DashboardLayout): Promise<Dashboard>
}

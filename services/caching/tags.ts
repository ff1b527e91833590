/**
 * What cached data depends on. A read path tags what it caches; a write
 * invalidates the tags of what it changed (services/caching/invalidation.ts). Ids are
 * opaque ObjectIds, never personal data.
 */
export const tags = {
  /** A form's definition: its schema, GET /forms/:id. */
  form: (formId: string) => `form:${formId}`,
  /** Everything computed from a form's responses: analytics, response lists. */
  formResponses: (formId: string) => `form:${formId}:responses`,
  /** A form's webhook configuration (no route caches it today: its listings show `last_delivery`, which every attempt changes). */
  formWebhooks: (formId: string) => `form:${formId}:webhooks`,
  /** Every listing or search of forms. */
  formLists: 'forms',
  /** A user's account: session lookups, profile. */
  user: (userId: string) => `user:${userId}`,
  /** Data over the forms one user owns (their dashboard widgets). */
  owner: (userId: string) => `owner:${userId}`,
  /** Data over every form (an admin's dashboard widgets). */
  allForms: 'owner:all',
  /** A user's dashboard layout. */
  dashboard: (userId: string) => `dashboard:${userId}`
}

/** The parts of a request a cached route's tags are computed from. */
export interface TaggedRequest {
  params: unknown
  user?: { id: string, role: string } | null
}

const param = (request: TaggedRequest, name: string) => (request.params as Record<string, string>)[name]!
const userOf = (request: TaggedRequest) => request.user!

/** What each cached route's response depends on. */
export const responseTags = {
  formLists: () => [tags.formLists],
  /** One form's definition. */
  form: (request: TaggedRequest) => [tags.form(param(request, 'form_id'))],
  /** A form's responses, and the form (its fields shape the analytics; its deletion ends the list). */
  formResponses: (request: TaggedRequest) => [tags.formResponses(param(request, 'form_id')), tags.form(param(request, 'form_id'))],
  /** Widgets over the user's forms (an admin's: every form), and the user (their role decides which). */
  widgets: (request: TaggedRequest) =>
    [userOf(request).role === 'admin' ? tags.allForms : tags.owner(userOf(request).id), tags.user(userOf(request).id)],
  /** A user's dashboard layout. */
  dashboard: (request: TaggedRequest) => [tags.dashboard(userOf(request).id), tags.user(userOf(request).id)]
}

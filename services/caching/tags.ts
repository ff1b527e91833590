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
  /** Dashboard widgets over the forms one user owns: what they show of the forms (status, titles) … */
  ownerForms: (userId: string) => `owner:${userId}:forms`,
  /** … and of their responses. */
  ownerResponses: (userId: string) => `owner:${userId}:responses`,
  /** The same over every form (an admin's widgets). */
  allForms: 'owner:all:forms',
  allResponses: 'owner:all:responses',
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

/** What each dashboard widget shows: a submission leaves the one that only counts forms cached. */
const WIDGET_SHOWS: Partial<Record<string, ReadonlyArray<'forms' | 'responses'>>> = {
  forms_by_status: ['forms'],
  responses_per_form: ['forms', 'responses'], // form titles too
  recent_responses: ['forms', 'responses'],
  responses_last_30_days: ['responses']
}

/** What each cached route's response depends on. */
export const responseTags = {
  formLists: () => [tags.formLists],
  /** One form's definition. */
  form: (request: TaggedRequest) => [tags.form(param(request, 'form_id'))],
  /** A form's responses, and the form (its fields shape the analytics; its deletion ends the list). */
  formResponses: (request: TaggedRequest) => [tags.formResponses(param(request, 'form_id')), tags.form(param(request, 'form_id'))],
  /**
   * A widget over the user's forms (an admin's: every form), by what it shows:
   * the forms, their responses, or both; and the user (their role decides which forms).
   */
  widgets (request: TaggedRequest) {
    const { id, role } = userOf(request)
    const shows = WIDGET_SHOWS[param(request, 'widget_id')] ?? ['forms', 'responses']
    const [forms, responses] = role === 'admin' ? [tags.allForms, tags.allResponses] : [tags.ownerForms(id), tags.ownerResponses(id)]
    return [...shows.map((part) => part === 'forms' ? forms : responses), tags.user(id)]
  },
  /** A user's dashboard layout. */
  dashboard: (request: TaggedRequest) => [tags.dashboard(userOf(request).id), tags.user(userOf(request).id)]
}

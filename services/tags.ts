/**
 * What cached data depends on. A read path tags what it caches; a write
 * invalidates the tags of what it changed (services/invalidation.ts). Ids are
 * opaque ObjectIds, never personal data.
 */
export const tags = {
  /** A form's definition: its schema, GET /forms/:id. */
  form: (formId: string) => `form:${formId}`,
  /** Everything computed from a form's responses: analytics, response lists. */
  formResponses: (formId: string) => `form:${formId}:responses`,
  /** A form's webhook configuration. */
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

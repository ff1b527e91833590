import type { CacheKind } from '../cache/kinds.js'
import { tags } from './tags.js'

/** Where a read path caches a value: its kind, its key and the tags that invalidate it. */
export interface CacheEntry {
  kind: CacheKind
  key: string
  tags: string[]
}

/**
 * The entries the read paths fill and the warmup pre-fills. One definition
 * for both, so a warmed entry is exactly the one the read path looks for.
 */
export const cacheEntries = {
  /** A whole form, as `loadForm` reads it (answer validation; the schema route caches its response instead). */
  form: (formId: string): CacheEntry => ({ kind: 'form_schema', key: formId, tags: [tags.form(formId)] }),
  /** A user, as every authenticated request looks them up (role, existence). */
  userSession: (userId: string): CacheEntry => ({ kind: 'user_session', key: userId, tags: [tags.user(userId)] })
}

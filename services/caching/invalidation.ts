import type { KeyInvalidation } from '../cache/invalidator.js'
import type { KindCounts } from '../cache/types.js'
import type { DomainEvents, EventName } from '../infra/events.js'
import type { Invalidation } from '../repositories/port.js'
import { tags } from './tags.js'

export interface InvalidationCounts {
  form_schemas_invalidated: number
  user_sessions_invalidated: number
  query_results_invalidated: number
  dashboard_widgets_invalidated: number
  api_responses_invalidated: number
}

export interface InvalidationRecord {
  event: string
  args: Record<string, unknown>
  counts: InvalidationCounts
  at: string
  instance: string
}

/** What running an invalidation did: counts per kind, and whether every instance will hear of it. */
export interface TagInvalidation { counts: InvalidationCounts, delivered: boolean }

export interface InvalidationDeps {
  cache: {
    invalidateTags (tags: readonly string[]): Promise<{ counts: KindCounts, delivered: boolean }>
    deleteMatching (glob: string): Promise<KeyInvalidation>
    deleteAll (): Promise<KeyInvalidation>
    readonly instanceId: string
  }
  /** How many records the log keeps (oldest dropped first). */
  logSize?: number
}

export function toInvalidationCounts (counts: KindCounts): InvalidationCounts {
  return {
    form_schemas_invalidated: counts.form_schema,
    user_sessions_invalidated: counts.user_session,
    query_results_invalidated: counts.query_result,
    dashboard_widgets_invalidated: counts.dashboard_widget,
    api_responses_invalidated: counts.api_response
  }
}

interface FormRef { id: string, owner_id: string }

// A form, and its responses, also show in its owner's and the admins' dashboard widgets.
const formWidgets = (ownerId: string) => [tags.ownerForms(ownerId), tags.allForms]
const responseWidgets = (ownerId: string) => [tags.ownerResponses(ownerId), tags.allResponses]

const invalidation = (event: string, args: Record<string, unknown>, dropped: string[]): Invalidation => ({ event, args, tags: dropped })

/**
 * One handler per kind of write (the original system's names): what each
 * drops, exactly what the write can make stale, in every kind and on every
 * instance (through the cache's tags). Pure, so a write can record its
 * invalidation in its own transaction before running it.
 */
export const invalidations = {
  onFormCreated (form: FormRef) {
    return invalidation('on_form_created', { form_id: form.id }, [tags.formLists, ...formWidgets(form.owner_id)])
  },

  onFormUpdated (form: FormRef, previousOwnerId = form.owner_id) {
    // a new owner takes the form's responses along: both owners' response widgets change
    const moved = previousOwnerId === form.owner_id ? [] : [tags.ownerResponses(form.owner_id), tags.ownerResponses(previousOwnerId)]
    return invalidation('on_form_updated', { form_id: form.id }, [
      tags.form(form.id), tags.formLists, ...formWidgets(form.owner_id), tags.ownerForms(previousOwnerId), ...moved
    ])
  },

  onFormDeleted (form: FormRef) {
    return invalidation('on_form_deleted', { form_id: form.id }, [
      tags.form(form.id), tags.formResponses(form.id), tags.formWebhooks(form.id), tags.formLists,
      ...formWidgets(form.owner_id), ...responseWidgets(form.owner_id)
    ])
  },

  onResponseSubmitted (form: FormRef, responseId: string) {
    return invalidation('on_response_submitted', { form_id: form.id, response_id: responseId }, [tags.formResponses(form.id), ...responseWidgets(form.owner_id)])
  },

  onResponseUpdated (form: FormRef, responseId: string) {
    return invalidation('on_response_updated', { form_id: form.id, response_id: responseId }, [tags.formResponses(form.id), ...responseWidgets(form.owner_id)])
  },

  /** A role change (or deletion): the session and everything scoped by the role. */
  onUserPermissionChanged (userId: string) {
    return invalidation('on_user_permission_changed', { user_id: userId }, [tags.user(userId)])
  },

  onUserUpdated (userId: string) {
    return invalidation('on_user_updated', { user_id: userId }, [tags.user(userId)])
  },

  onWebhookConfigChanged (webhookId: string, formId: string) {
    return invalidation('on_webhook_config_changed', { webhook_id: webhookId, form_id: formId }, [tags.formWebhooks(formId)])
  },

  onDashboardUpdated (userId: string) {
    return invalidation('on_dashboard_updated', { user_id: userId }, [tags.dashboard(userId)])
  },

  /** Everything cached for one form, or one user (the admin endpoints). */
  invalidateForm (formId: string) {
    return invalidation('invalidate_form', { form_id: formId }, [tags.form(formId), tags.formResponses(formId), tags.formWebhooks(formId)])
  },

  invalidateUser (userId: string) {
    return invalidation('invalidate_user', { user_id: userId }, [tags.user(userId), tags.ownerForms(userId), tags.ownerResponses(userId), tags.dashboard(userId)])
  }
}

type Handlers = typeof invalidations

/** The invalidation each domain event owes (none for a new user: they are in no cached data yet). */
const EVENT_INVALIDATIONS: { [E in EventName]: (payload: DomainEvents[E]) => Invalidation | undefined } = {
  'form.created': ({ form }) => invalidations.onFormCreated(form),
  'form.updated': ({ before, form }) => invalidations.onFormUpdated(form, before.owner_id),
  'form.deleted': ({ form }) => invalidations.onFormDeleted(form),
  'response.submitted': ({ form, response }) => invalidations.onResponseSubmitted(form, response.id),
  'response.updated': ({ form, response }) => invalidations.onResponseUpdated(form, response.id),
  'user.created': () => undefined,
  'user.updated': ({ before, user }) => before.role === user.role
    ? invalidations.onUserUpdated(user.id)
    : invalidations.onUserPermissionChanged(user.id),
  // a deleted user loses every right at once
  'user.deleted': ({ user }) => invalidations.onUserPermissionChanged(user.id),
  'webhook.changed': ({ form, webhook_id: webhookId }) => invalidations.onWebhookConfigChanged(webhookId, form.id),
  'dashboard.updated': ({ user_id: userId }) => invalidations.onDashboardUpdated(userId)
}

export function invalidationOf<E extends EventName> (event: E, payload: DomainEvents[E]): Invalidation | undefined {
  return (EVENT_INVALIDATIONS[event] as (payload: DomainEvents[E]) => Invalidation | undefined)(payload)
}

/** Runs every handler of `invalidations` against the cache, logged and counted; plus the outbox's two paths. */
export function createInvalidationService ({ cache, logSize = 1000 }: InvalidationDeps) {
  const log: InvalidationRecord[] = []
  const totals = new Map<string, number>()

  function record (event: string, args: Record<string, unknown>, raw: KindCounts): InvalidationCounts {
    const counts = toInvalidationCounts(raw)
    log.push({ event, args, counts, at: new Date().toISOString(), instance: cache.instanceId })
    if (log.length > logSize) log.shift()
    totals.set(event, (totals.get(event) ?? 0) + 1)
    return counts
  }

  async function apply ({ event, args, tags: dropped }: Invalidation): Promise<TagInvalidation> {
    const { counts, delivered } = await cache.invalidateTags(dropped)
    return { counts: record(event, args, counts), delivered }
  }

  const run = (item: Invalidation) => apply(item).then(({ counts }) => counts)
  const handlers = Object.fromEntries(Object.entries(invalidations).map(([name, handler]) =>
    [name, (...args: unknown[]) => run((handler as (...a: unknown[]) => Invalidation)(...args))])) as {
    [K in keyof Handlers]: (...args: Parameters<Handlers[K]>) => Promise<InvalidationCounts>
  }

  return {
    ...handlers,

    /** A write's recorded invalidation, run in its request: `delivered` says whether the outbox item is done. */
    apply,

    /**
     * The relay's batch of recorded invalidations whose writer could not
     * deliver them (Redis did not answer, or the writer died): their tags in
     * one call, logged as one `outbox_relay` record. True when Redis took it.
     */
    async replay (items: readonly Invalidation[]): Promise<boolean> {
      const dropped = [...new Set(items.flatMap((item) => item.tags))]
      const events = [...new Set(items.map((item) => item.event))]
      const { delivered } = await apply({ event: 'outbox_relay', args: { items: items.length, events }, tags: dropped })
      return delivered
    },

    /** The admin's `DELETE /admin/cache/pattern/:pattern`: the keys deleted; logged as `invalidate_pattern`. */
    async invalidatePattern (pattern: string): Promise<number> {
      const { keys, counts } = await cache.deleteMatching(pattern)
      record('invalidate_pattern', { pattern }, counts)
      return keys
    },

    /** The admin's `DELETE /admin/cache/all`: the keys deleted; logged as `clear_all`. */
    async clearAll (): Promise<number> {
      const { keys, counts } = await cache.deleteAll()
      record('clear_all', {}, counts)
      return keys
    },

    /** The latest records first. */
    recent (limit: number): InvalidationRecord[] {
      return log.slice(-limit).reverse()
    },

    /** Calls per event since start-up (for the metrics). */
    totals: () => totals
  }
}

export type InvalidationService = ReturnType<typeof createInvalidationService>

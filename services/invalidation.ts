import type { KindCounts } from './cache/types.js'
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

export interface InvalidationDeps {
  cache: { invalidateTags (tags: readonly string[]): Promise<{ counts: KindCounts, delivered: boolean }>, readonly instanceId: string }
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

/**
 * One handler per kind of write (the original system's names). Each drops
 * exactly what the write can make stale, in every kind and on every instance
 * (through the cache's tags), and says how many entries of each kind it dropped.
 */
export function createInvalidationService ({ cache, logSize = 1000 }: InvalidationDeps) {
  const log: InvalidationRecord[] = []
  const totals = new Map<string, number>()

  async function run (event: string, args: Record<string, unknown>, dropped: readonly string[]): Promise<InvalidationCounts> {
    const counts = toInvalidationCounts((await cache.invalidateTags(dropped)).counts)
    log.push({ event, args, counts, at: new Date().toISOString(), instance: cache.instanceId })
    if (log.length > logSize) log.shift()
    totals.set(event, (totals.get(event) ?? 0) + 1)
    return counts
  }

  // A form's data also shows in its owner's and the admins' dashboard widgets.
  const formData = (form: FormRef) => [tags.owner(form.owner_id), tags.allForms]

  return {
    on_form_created (form: FormRef) {
      return run('on_form_created', { form_id: form.id }, [tags.formLists, ...formData(form)])
    },

    on_form_updated (form: FormRef, previousOwnerId = form.owner_id) {
      return run('on_form_updated', { form_id: form.id }, [
        tags.form(form.id), tags.formLists, ...formData(form), tags.owner(previousOwnerId)
      ])
    },

    on_form_deleted (form: FormRef) {
      return run('on_form_deleted', { form_id: form.id }, [
        tags.form(form.id), tags.formResponses(form.id), tags.formWebhooks(form.id), tags.formLists, ...formData(form)
      ])
    },

    on_response_submitted (form: FormRef, responseId: string) {
      return run('on_response_submitted', { form_id: form.id, response_id: responseId }, [tags.formResponses(form.id), ...formData(form)])
    },

    on_response_updated (form: FormRef, responseId: string) {
      return run('on_response_updated', { form_id: form.id, response_id: responseId }, [tags.formResponses(form.id), ...formData(form)])
    },

    /** A role change (or deletion): the session and everything scoped by the role. */
    on_user_permission_changed (userId: string) {
      return run('on_user_permission_changed', { user_id: userId }, [tags.user(userId)])
    },

    on_user_updated (userId: string) {
      return run('on_user_updated', { user_id: userId }, [tags.user(userId)])
    },

    on_webhook_config_changed (webhookId: string, formId: string) {
      return run('on_webhook_config_changed', { webhook_id: webhookId, form_id: formId }, [tags.formWebhooks(formId)])
    },

    on_dashboard_updated (userId: string) {
      return run('on_dashboard_updated', { user_id: userId }, [tags.dashboard(userId)])
    },

    /** Everything cached for one form, or one user (the admin endpoints). */
    invalidate_form (formId: string) {
      return run('invalidate_form', { form_id: formId }, [tags.form(formId), tags.formResponses(formId), tags.formWebhooks(formId)])
    },

    invalidate_user (userId: string) {
      return run('invalidate_user', { user_id: userId }, [tags.user(userId), tags.owner(userId), tags.dashboard(userId)])
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

import { WIDGET_IDS, type Widget, type WidgetId, type WidgetInfo } from '../../schemas/dashboards.js'
import { fillDays, lastDays, startOf } from './days.js'
import type { Repositories } from '../repositories/port.js'

export const TOP_FORMS = 10
export const RECENT_RESPONSES = 10
export const WIDGET_DAYS = 30

/** The widget catalogue, in the order the default layout places them. */
export const WIDGETS: readonly WidgetInfo[] = [
  { id: 'forms_by_status', title: 'Forms by status', description: 'How many of your forms are draft, published and archived' },
  { id: 'responses_per_form', title: 'Responses per form', description: `Your ${TOP_FORMS} forms with the most responses` },
  { id: 'recent_responses', title: 'Recent responses', description: `The ${RECENT_RESPONSES} latest responses to your forms` },
  { id: 'responses_last_30_days', title: 'Responses, last 30 days', description: 'Responses to your forms per day over the last 30 days' }
]

export function isWidgetId (id: string): id is WidgetId {
  return (WIDGET_IDS as readonly string[]).includes(id)
}

/**
 * Whose forms a widget covers: an owner id, or undefined for everyone's
 * (admins). Computed from the role in one place so no widget can forget it.
 */
export type WidgetScope = string | undefined

/** Omit on each member of a union (TypeScript's own Omit merges the members into one). */
type OmitEach<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never

/** A widget's answer before it is stamped with `generated_at`: `data` tagged with the widget's id. */
type TaggedData = OmitEach<Widget, 'generated_at'>

/** Each widget's data, aggregated by the database over the forms in scope. */
export function createWidgetLoaders (repositories: Repositories, now: () => Date): Record<WidgetId, (scope: WidgetScope) => Promise<TaggedData>> {
  const { forms, responses } = repositories
  return {
    forms_by_status: async (scope) => ({ widget_id: 'forms_by_status', data: await forms.countByStatus(scope) }),
    responses_per_form: async (scope) => ({ widget_id: 'responses_per_form', data: await responses.countPerForm(scope, TOP_FORMS) }),
    recent_responses: async (scope) => ({ widget_id: 'recent_responses', data: await responses.recent(scope, RECENT_RESPONSES) }),
    async responses_last_30_days (scope) {
      const days = lastDays(WIDGET_DAYS, now())
      return { widget_id: 'responses_last_30_days', data: fillDays(days, await responses.perDay(scope, startOf(days[0]!))) }
    }
  }
}

import type { Form, FormField } from '../../schemas/forms.js'
import { ANALYTICS_DAYS, type Analytics } from '../../schemas/responses.js'
import { fillDays, lastDays, startOf } from './days.js'
import type { FieldSummaries, ResponseRepository } from '../repositories/port.js'

const own = <T>(record: Record<string, T>, key: string): T | undefined => Object.hasOwn(record, key) ? record[key] : undefined

const SUMMARISED_TYPES = new Set<FormField['type']>(['select', 'checkbox', 'number'])

/**
 * The database counts the values it finds; the API promises every current
 * option of a select/checkbox field, 0 when never chosen. Values that are no
 * longer options (answers to an earlier version of the form) are left out, so
 * the counts always match the form as it is now.
 */
export function completeSummaries (fields: FormField[], found: FieldSummaries): FieldSummaries {
  const summaries: FieldSummaries = {}
  for (const field of fields) {
    // names and options are user input: `constructor`, `__proto__` or `toString` are data here, never inherited members
    const summary = own(found, field.name)
    if (field.type === 'select' || field.type === 'checkbox') {
      const counts = summary !== undefined && 'counts' in summary ? summary.counts : {}
      summaries[field.name] = { counts: Object.fromEntries((field.options ?? []).map((option) => [option, own(counts, option) ?? 0])) }
    } else if (field.type === 'number' && summary !== undefined && 'mean' in summary) {
      summaries[field.name] = summary
    }
  }
  return summaries
}

/** A form's analytics, aggregated by the database (never by loading its responses). */
export async function formAnalytics (responses: Pick<ResponseRepository, 'analytics'>, form: Form, now: Date): Promise<Analytics> {
  const days = lastDays(ANALYTICS_DAYS, now)
  const fields = form.fields.filter((field) => SUMMARISED_TYPES.has(field.type)).map(({ name, type }) => ({ name, type }))
  const found = await responses.analytics(form.id, fields, startOf(days[0]!))
  return {
    form_id: form.id,
    total_responses: found.total_responses,
    responses_per_day: fillDays(days, found.responses_per_day),
    fields: completeSummaries(form.fields, found.fields)
  }
}

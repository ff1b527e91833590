import { Type, type Static } from '@sinclair/typebox'
import { ObjectIdString, PagingQuery, Timestamp } from './common.js'
import { MAX_FIELDS } from './forms.js'
import { responseSubmitExample } from './examples.js'

/**
 * One answer. Which of these a field takes is checked against the form:
 * text, textarea, email, date (YYYY-MM-DD) and select take a string, number a
 * number, checkbox an array of its options. (No field type takes a boolean
 * today; the stored format allows it for future field types.)
 */
export const AnswerValue = Type.Union([
  Type.String({ maxLength: 10000 }),
  Type.Number(),
  Type.Boolean(),
  Type.Array(Type.String({ maxLength: 200 }), { maxItems: 100 })
])
export type AnswerValue = Static<typeof AnswerValue>

export const Answers = Type.Record(Type.String(), AnswerValue, {
  maxProperties: MAX_FIELDS,
  description: 'field name → value, checked against the form\'s current field definitions: unknown names, missing required ' +
    'fields (absent, blank, or no option ticked) and values of the wrong type are a 400 naming the field. Leave unanswered optional fields out.'
})
export type Answers = Static<typeof Answers>

export const FormResponse = Type.Object({
  id: ObjectIdString,
  form_id: ObjectIdString,
  form_version: Type.Integer({ minimum: 1, description: 'the version of the form the answers were validated against' }),
  answers: Answers,
  submitted_at: Timestamp,
  updated_at: Timestamp
}, { $id: 'FormResponse', title: 'FormResponse' })
export type FormResponse = Static<typeof FormResponse>

export const ResponseSubmit = Type.Object({ answers: Answers }, { additionalProperties: false, examples: [responseSubmitExample] })

export const ResponseParams = Type.Object({ form_id: ObjectIdString, response_id: ObjectIdString })

export const ResponseListQuery = Type.Object(PagingQuery, { additionalProperties: false })

export const NumberSummary = Type.Object({ min: Type.Number(), max: Type.Number(), mean: Type.Number() }, {
  description: 'number fields with at least one numeric answer'
})
export const ValueCounts = Type.Object({ counts: Type.Record(Type.String(), Type.Integer()) }, {
  description: 'select and checkbox fields: every current option, 0 when never chosen'
})

export const ANALYTICS_DAYS = 30

export const Analytics = Type.Object({
  form_id: ObjectIdString,
  total_responses: Type.Integer(),
  responses_per_day: Type.Array(Type.Object({ date: Type.String({ format: 'date' }), count: Type.Integer() }), {
    minItems: ANALYTICS_DAYS,
    maxItems: ANALYTICS_DAYS,
    description: `the last ${ANALYTICS_DAYS} UTC days up to today, oldest first, days without responses included with 0`
  }),
  fields: Type.Record(Type.String(), Type.Union([ValueCounts, NumberSummary]), {
    description: 'per field: value counts for select/checkbox fields, min/max/mean for number fields; other fields are not summarised'
  })
}, { $id: 'Analytics', title: 'Analytics' })
export type Analytics = Static<typeof Analytics>

import { Type, type Static } from '@sinclair/typebox'
import { ObjectIdString, Timestamp } from './common.js'

export const AnswerValue = Type.Union([
  Type.String({ maxLength: 10000 }),
  Type.Number(),
  Type.Boolean(),
  Type.Array(Type.String({ maxLength: 200 }), { maxItems: 100 })
])
export type AnswerValue = Static<typeof AnswerValue>

export const Answers = Type.Record(Type.String(), AnswerValue, {
  description: 'field name → value, checked against the form\'s field definitions'
})
export type Answers = Static<typeof Answers>

export const FormResponse = Type.Object({
  id: ObjectIdString,
  form_id: ObjectIdString,
  form_version: Type.Integer({ minimum: 1 }),
  answers: Answers,
  submitted_at: Timestamp,
  updated_at: Timestamp
}, { $id: 'FormResponse', title: 'FormResponse' })
export type FormResponse = Static<typeof FormResponse>

export const ResponseSubmit = Type.Object({ answers: Answers }, { additionalProperties: false })

export const ResponseParams = Type.Object({ form_id: ObjectIdString, response_id: ObjectIdString })

export const NumberSummary = Type.Object({ min: Type.Number(), max: Type.Number(), mean: Type.Number() })
export const ValueCounts = Type.Object({ counts: Type.Record(Type.String(), Type.Integer()) })

export const Analytics = Type.Object({
  form_id: ObjectIdString,
  total_responses: Type.Integer(),
  responses_per_day: Type.Array(Type.Object({ date: Type.String({ format: 'date' }), count: Type.Integer() })),
  fields: Type.Record(Type.String(), Type.Union([ValueCounts, NumberSummary]))
}, { $id: 'Analytics', title: 'Analytics' })
export type Analytics = Static<typeof Analytics>

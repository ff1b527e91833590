import { Type, type Static } from '@sinclair/typebox'
import { ObjectIdString, Timestamp } from './common.js'
import { Answers } from './responses.js'

export const WIDGET_IDS = ['forms_by_status', 'responses_per_form', 'recent_responses', 'responses_last_30_days'] as const

export const WidgetId = Type.Union(WIDGET_IDS.map((id) => Type.Literal(id)))
export type WidgetId = typeof WIDGET_IDS[number]

export const WidgetPlacement = Type.Object({
  widget_id: WidgetId,
  x: Type.Integer({ minimum: 0, maximum: 100 }),
  y: Type.Integer({ minimum: 0, maximum: 1000 }),
  w: Type.Integer({ minimum: 1, maximum: 100 }),
  h: Type.Integer({ minimum: 1, maximum: 100 })
}, { additionalProperties: false })

export const DashboardLayout = Type.Object({
  widgets: Type.Array(WidgetPlacement, { maxItems: WIDGET_IDS.length, description: 'each widget at most once' })
}, { additionalProperties: false })
export type DashboardLayout = Static<typeof DashboardLayout>

/** A saved dashboard, as the repositories store it. */
export const Dashboard = Type.Object({
  user_id: ObjectIdString,
  layout: DashboardLayout,
  updated_at: Timestamp
})
export type Dashboard = Static<typeof Dashboard>

/** The signed-in user's dashboard as the API shows it: the default layout until they save one. */
export const UserDashboard = Type.Object({
  user_id: ObjectIdString,
  layout: DashboardLayout,
  updated_at: Type.Union([Timestamp, Type.Null()], { description: 'when the layout was saved; null while it is the default' })
}, { $id: 'UserDashboard', title: 'UserDashboard' })
export type UserDashboard = Static<typeof UserDashboard>

export const WidgetInfo = Type.Object({
  id: WidgetId,
  title: Type.String(),
  description: Type.String()
})
export type WidgetInfo = Static<typeof WidgetInfo>

export const WidgetParams = Type.Object({
  widget_id: Type.String({
    pattern: '^[a-z0-9_]{1,64}$',
    description: `one of ${WIDGET_IDS.join(', ')}; another well-formed id is a 404, a malformed one a 400`
  })
})

const FormsByStatus = Type.Object({ draft: Type.Integer(), published: Type.Integer(), archived: Type.Integer() }, {
  title: 'forms_by_status'
})
const ResponsesPerForm = Type.Array(Type.Object({ form_id: ObjectIdString, title: Type.String(), count: Type.Integer() }), {
  title: 'responses_per_form', description: 'the 10 forms with the most responses, most first'
})
const RecentResponses = Type.Array(Type.Object({
  id: ObjectIdString,
  form_id: ObjectIdString,
  form_title: Type.String(),
  form_version: Type.Integer(),
  answers: Answers,
  submitted_at: Timestamp,
  updated_at: Timestamp
}), { title: 'recent_responses', description: 'the 10 latest responses, newest first' })
const ResponsesLast30Days = Type.Array(Type.Object({ date: Type.String({ format: 'date' }), count: Type.Integer() }), {
  title: 'responses_last_30_days', description: 'one entry per UTC day, oldest first, 0 on days without responses'
})

export const Widget = Type.Object({
  widget_id: WidgetId,
  data: Type.Union([FormsByStatus, ResponsesPerForm, RecentResponses, ResponsesLast30Days], {
    description: 'the shape depends on the widget (see each member\'s title); computed over the user\'s own forms, an admin\'s over all forms'
  }),
  generated_at: Timestamp
}, { $id: 'Widget', title: 'Widget' })
export type Widget = Static<typeof Widget>

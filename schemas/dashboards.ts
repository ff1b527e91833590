import { Type, type Static, type TSchema } from '@sinclair/typebox'
import { ObjectIdString, Timestamp } from './common.js'
import { Answers } from './responses.js'
import { dashboardLayoutExample } from './examples.js'

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
}, { additionalProperties: false, examples: [dashboardLayoutExample] })
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
  description: 'how many forms have each status'
})
const ResponsesPerForm = Type.Array(Type.Object({ form_id: ObjectIdString, title: Type.String(), count: Type.Integer() }), {
  description: 'the 10 forms with the most responses, most first'
})
const RecentResponses = Type.Array(Type.Object({
  id: ObjectIdString,
  form_id: ObjectIdString,
  form_title: Type.String(),
  form_version: Type.Integer(),
  answers: Answers,
  submitted_at: Timestamp,
  updated_at: Timestamp
}), { description: 'the 10 latest responses, newest first' })
const ResponsesLast30Days = Type.Array(Type.Object({ date: Type.String({ format: 'date' }), count: Type.Integer() }), {
  description: 'one entry per UTC day, oldest first, 0 on days without responses'
})

/** One widget's answer: `data` has the shape its `widget_id` names. */
function WidgetOf<Id extends WidgetId, Data extends TSchema> (id: Id, $id: string, data: Data) {
  return Type.Object({ widget_id: Type.Literal(id), data, generated_at: Timestamp }, { $id, title: $id })
}

export const FormsByStatusWidget = WidgetOf('forms_by_status', 'FormsByStatusWidget', FormsByStatus)
export const ResponsesPerFormWidget = WidgetOf('responses_per_form', 'ResponsesPerFormWidget', ResponsesPerForm)
export const RecentResponsesWidget = WidgetOf('recent_responses', 'RecentResponsesWidget', RecentResponses)
export const ResponsesLast30DaysWidget = WidgetOf('responses_last_30_days', 'ResponsesLast30DaysWidget', ResponsesLast30Days)

const WIDGET_SCHEMAS = [FormsByStatusWidget, ResponsesPerFormWidget, RecentResponsesWidget, ResponsesLast30DaysWidget] as const

/** A widget's data over the user's own forms (an admin's: all forms), tagged by `widget_id`. */
export const Widget = Type.Union(WIDGET_SCHEMAS.map((schema) => Type.Ref(schema)), {
  $id: 'Widget',
  title: 'Widget',
  description: 'computed over the user\'s own forms, an admin\'s over all forms; `data` has the shape `widget_id` names',
  discriminator: {
    propertyName: 'widget_id',
    mapping: Object.fromEntries(WIDGET_SCHEMAS.map((schema) => [schema.properties.widget_id.const, `#/components/schemas/${schema.$id}`]))
  }
})
export type Widget = Static<typeof Widget>

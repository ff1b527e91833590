import { Type, type Static } from '@sinclair/typebox'
import { ObjectIdString, Timestamp } from './common.js'

export const WidgetId = Type.Union([
  Type.Literal('forms_by_status'), Type.Literal('responses_per_form'),
  Type.Literal('recent_responses'), Type.Literal('responses_last_30_days')
])
export type WidgetId = Static<typeof WidgetId>

export const WidgetPlacement = Type.Object({
  widget_id: WidgetId,
  x: Type.Integer({ minimum: 0, maximum: 100 }),
  y: Type.Integer({ minimum: 0, maximum: 1000 }),
  w: Type.Integer({ minimum: 1, maximum: 100 }),
  h: Type.Integer({ minimum: 1, maximum: 100 })
}, { additionalProperties: false })

export const DashboardLayout = Type.Object({
  widgets: Type.Array(WidgetPlacement, { maxItems: 50 })
}, { additionalProperties: false })
export type DashboardLayout = Static<typeof DashboardLayout>

export const Dashboard = Type.Object({
  user_id: ObjectIdString,
  layout: DashboardLayout,
  updated_at: Timestamp
}, { $id: 'Dashboard', title: 'Dashboard' })
export type Dashboard = Static<typeof Dashboard>

import { Type, type Static } from '@sinclair/typebox'
import { ObjectIdString, Timestamp } from './common.js'

export const WebhookEvent = Type.Union([
  Type.Literal('response.submitted'), Type.Literal('response.updated'),
  Type.Literal('form.updated'), Type.Literal('form.deleted')
])
export type WebhookEvent = Static<typeof WebhookEvent>

export const Delivery = Type.Object({
  event: WebhookEvent,
  status: Type.Union([Type.Literal('success'), Type.Literal('failed'), Type.Literal('retrying')]),
  status_code: Type.Optional(Type.Integer()),
  attempts: Type.Integer(),
  error: Type.Optional(Type.String()),
  at: Timestamp
})
export type Delivery = Static<typeof Delivery>

export const Webhook = Type.Object({
  id: ObjectIdString,
  form_id: ObjectIdString,
  url: Type.String({ format: 'uri' }),
  events: Type.Array(WebhookEvent),
  active: Type.Boolean(),
  last_delivery: Type.Optional(Delivery),
  created_at: Timestamp,
  updated_at: Timestamp
}, { $id: 'Webhook', title: 'Webhook' })
export type Webhook = Static<typeof Webhook>

/** What the store keeps: the public webhook plus its signing secret. */
export type StoredWebhook = Webhook & { secret: string }

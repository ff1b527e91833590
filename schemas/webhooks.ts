import { Type, type Static } from '@sinclair/typebox'
import { ObjectIdString, PagingQuery, Timestamp } from './common.js'
import { webhookCreateExample, webhookPatchExample } from './examples.js'

export const WebhookEvent = Type.Union([
  Type.Literal('response.submitted'), Type.Literal('response.updated'),
  Type.Literal('form.updated'), Type.Literal('form.deleted')
])
export type WebhookEvent = Static<typeof WebhookEvent>

export const Delivery = Type.Object({
  event: WebhookEvent,
  status: Type.Union([Type.Literal('success'), Type.Literal('failed'), Type.Literal('retrying')], {
    description: 'retrying: the last attempt failed and another is scheduled'
  }),
  status_code: Type.Optional(Type.Integer({ description: 'the receiver\'s HTTP status, when it answered' })),
  attempts: Type.Integer({ description: 'attempts made for this event so far' }),
  error: Type.Optional(Type.String()),
  at: Timestamp
}, { description: 'the outcome of the latest delivery attempt' })
export type Delivery = Static<typeof Delivery>

const Url = Type.String({
  format: 'uri',
  maxLength: 2048,
  description: 'http or https. Link-local and cloud-metadata addresses are always refused; loopback, private and ' +
    'unspecified addresses unless the service runs with WEBHOOK_ALLOW_PRIVATE=true. Literal IPs are checked here, ' +
    'host names when each delivery connects.'
})
const Events = Type.Array(WebhookEvent, { minItems: 1, uniqueItems: true, description: 'the events delivered to this URL' })
const Secret = Type.String({
  minLength: 16,
  maxLength: 256,
  description: 'the HMAC-SHA256 key of the X-Webhook-Signature header; generated when absent. Returned only by the POST that creates the webhook.'
})

export const Webhook = Type.Object({
  id: ObjectIdString,
  form_id: ObjectIdString,
  url: Url,
  events: Events,
  active: Type.Boolean(),
  last_delivery: Type.Optional(Delivery),
  created_at: Timestamp,
  updated_at: Timestamp
}, { $id: 'Webhook', title: 'Webhook', description: 'A webhook; its secret is never shown after creation' })
export type Webhook = Static<typeof Webhook>

/** The answer to the POST that created a webhook: the only time its secret is shown. */
export const CreatedWebhook = Type.Object({
  ...Webhook.properties,
  secret: Type.String({ description: 'keep it: it is shown only this once (set a new one with PATCH)' })
}, { $id: 'CreatedWebhook', title: 'CreatedWebhook' })
export type CreatedWebhook = Static<typeof CreatedWebhook>

/** What the store keeps: the public webhook plus its signing secret. */
export type StoredWebhook = Webhook & { secret: string }

export const WebhookCreate = Type.Object({
  url: Url,
  events: Events,
  active: Type.Boolean({ default: true }),
  secret: Type.Optional(Secret)
}, { additionalProperties: false, examples: [webhookCreateExample] })

export const WebhookPatch = Type.Object({
  url: Type.Optional(Url),
  events: Type.Optional(Events),
  active: Type.Optional(Type.Boolean()),
  secret: Type.Optional(Secret)
}, { additionalProperties: false, minProperties: 1, examples: [webhookPatchExample] })
export type WebhookPatch = Static<typeof WebhookPatch>

export const WebhookParams = Type.Object({ form_id: ObjectIdString, webhook_id: ObjectIdString })

export const WebhookListQuery = Type.Object(PagingQuery, { additionalProperties: false })

/** The JSON body of every delivery, signed with the webhook's secret. */
export interface WebhookEventBody {
  /** Unique per event and the same for every retry (also in X-Webhook-Event-Id): receivers deduplicate on it. */
  id: string
  event: WebhookEvent
  occurred_at: string
  form_id: string
  /** The resource the event is about: the response for response.*, the form for form.*. */
  data: unknown
}

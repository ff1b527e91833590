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
  error: Type.Optional(Type.String({ description: 'the class of failure: `timeout`, `connection refused`, `tls error`, `HTTP 503`, ... (see the delivery log)' })),
  at: Timestamp
}, { description: 'the outcome of the latest delivery attempt; every delivery is in the delivery log' })
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
  description: 'the signing secret. `whsec_<base64 of 24 to 64 bytes>` (Standard Webhooks) is decoded to its key; any other ' +
    'secret of 16+ characters is used as its UTF-8 bytes. Without one, a `whsec_` secret is generated. Returned only by the POST that creates the webhook.'
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
  secret: Type.String({ description: 'keep it: it is shown only this once (set a new one with PATCH)', examples: ['whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'] })
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

const NullableTimestamp = Type.Union([Timestamp, Type.Null()])

/** One event delivered (or being delivered) to one webhook: a row of its delivery log. */
export const WebhookDelivery = Type.Object({
  id: Type.String({ description: 'the `webhook-id` header of every attempt of this delivery' }),
  event: WebhookEvent,
  status: Type.Union([Type.Literal('pending'), Type.Literal('delivered'), Type.Literal('failed')], {
    description: 'pending: not yet answered with a 2xx and more attempts are due; failed: the attempts ran out, or the webhook was deactivated or deleted'
  }),
  attempts: Type.Integer({ minimum: 0, description: 'attempts made so far' }),
  last_status_code: Type.Union([Type.Integer(), Type.Null()], { description: 'the receiver\'s HTTP status on the latest attempt, when it answered' }),
  last_error: Type.Union([Type.String(), Type.Null()], {
    description: 'why the latest attempt failed, as a class: `timeout`, `connection refused`, `dns lookup failed`, `tls error`, ' +
      '`network error`, `HTTP <status>`, `address not allowed`, `webhook inactive`, `webhook deleted`, `interrupted`'
  }),
  next_attempt_at: Type.Union([Timestamp, Type.Null()], { description: 'when the next attempt is due (pending deliveries only)' }),
  created_at: Timestamp,
  delivered_at: NullableTimestamp
}, { $id: 'WebhookDelivery', title: 'WebhookDelivery' })
export type WebhookDelivery = Static<typeof WebhookDelivery>

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

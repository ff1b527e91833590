import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { BearerAuth, PageOf, errors, described } from '../../../../../schemas/common.js'
import { FormParams } from '../../../../../schemas/forms.js'
import {
  CreatedWebhook, Webhook, WebhookCreate, WebhookDelivery, WebhookListQuery, WebhookParams, WebhookPatch
} from '../../../../../schemas/webhooks.js'

const WebhookRef = Type.Ref(Webhook)

const DELIVERY_NOTE = 'Deliveries are JSON POSTs `{ id, event, occurred_at, form_id, data }` signed as Standard Webhooks ' +
  'specify: `webhook-id` (the delivery\'s id, the same on every retry: deduplicate on it), `webhook-timestamp` (Unix seconds) and ' +
  '`webhook-signature: v1,<base64 HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<raw body>">`. For existing receivers, ' +
  '`X-Webhook-Signature: sha256=<hex HMAC-SHA256 of the raw body, keyed with the secret string>` too, with `X-Webhook-Event` ' +
  'and `X-Webhook-Event-Id`. Delivery is at least once, in no guaranteed order; non-2xx answers and timeouts are retried with ' +
  'exponential backoff, up to WEBHOOK_MAX_ATTEMPTS attempts. Every delivery is in the delivery log.'

// The webhook routes are not cached: they show `last_delivery`, which changes with every delivery attempt.

const webhooks: FastifyPluginAsyncTypebox = async (fastify) => {
  const { webhooks } = fastify

  fastify.get('/webhooks', {
    schema: {
      tags: ['webhooks'],
      operationId: 'listWebhooks',
      summary: 'List a form\'s webhooks, oldest first (the form\'s owner or an admin); secrets are never shown',
      security: BearerAuth,
      params: FormParams,
      querystring: WebhookListQuery,
      response: { 200: described(PageOf(WebhookRef), 'A page of the form\'s webhooks, oldest first'), ...errors(400, 401, 403, 404) }
    }
  }, async (request) => webhooks.list(request.user, request.params.form_id, request.query))

  fastify.post('/webhooks', {
    schema: {
      tags: ['webhooks'],
      operationId: 'createWebhook',
      summary: 'Add a webhook to a form (the form\'s owner or an admin); the answer shows its secret, this once',
      description: `Without a secret, a random \`whsec_\` secret (256 bits) is generated. ${DELIVERY_NOTE}`,
      security: BearerAuth,
      params: FormParams,
      body: WebhookCreate,
      response: { 201: described(Type.Ref(CreatedWebhook), 'The webhook with its secret (shown only this once)'), ...errors(400, 401, 403, 404, 409) }
    }
  }, async (request, reply) => {
    const webhook = await webhooks.create(request.user, request.params.form_id, request.body)
    return reply.code(201).header('location', `/api/v1/forms/${webhook.form_id}/webhooks/${webhook.id}`).send(webhook)
  })

  fastify.get('/webhooks/:webhook_id', {
    schema: {
      tags: ['webhooks'],
      operationId: 'getWebhook',
      summary: 'Get a webhook with its last delivery (the form\'s owner or an admin)',
      security: BearerAuth,
      params: WebhookParams,
      response: { 200: described(WebhookRef, 'The webhook'), ...errors(400, 401, 403, 404) }
    }
  }, async (request) => webhooks.get(request.user, request.params.form_id, request.params.webhook_id))

  fastify.get('/webhooks/:webhook_id/deliveries', {
    schema: {
      tags: ['webhooks'],
      operationId: 'listWebhookDeliveries',
      summary: 'A webhook\'s delivery log, newest first (the form\'s owner or an admin)',
      description: 'One item per event delivered to this webhook: its status, attempts, the latest answer or class of failure, ' +
        `and when the next attempt is due. Kept for OUTBOX_RETENTION_HOURS after it finished. ${DELIVERY_NOTE}`,
      security: BearerAuth,
      params: WebhookParams,
      querystring: WebhookListQuery,
      response: { 200: described(PageOf(Type.Ref(WebhookDelivery)), 'A page of the webhook\'s deliveries, newest first'), ...errors(400, 401, 403, 404) }
    }
  }, async (request) => webhooks.deliveries(request.user, request.params.form_id, request.params.webhook_id, request.query))

  fastify.patch('/webhooks/:webhook_id', {
    schema: {
      tags: ['webhooks'],
      operationId: 'updateWebhook',
      summary: 'Change a webhook (the form\'s owner or an admin); a new secret is accepted but never shown',
      security: BearerAuth,
      params: WebhookParams,
      body: WebhookPatch,
      response: { 200: described(WebhookRef, 'The webhook as changed'), ...errors(400, 401, 403, 404) }
    }
  }, async (request) => webhooks.update(request.user, request.params.form_id, request.params.webhook_id, request.body))

  fastify.delete('/webhooks/:webhook_id', {
    schema: {
      tags: ['webhooks'],
      operationId: 'deleteWebhook',
      summary: 'Delete a webhook (the form\'s owner or an admin)',
      security: BearerAuth,
      params: WebhookParams,
      response: { 204: Type.Null({ description: 'Deleted; no body' }), ...errors(400, 401, 403, 404) }
    }
  }, async (request, reply) => {
    await webhooks.remove(request.user, request.params.form_id, request.params.webhook_id)
    return reply.code(204).send(null)
  })
}

export default webhooks

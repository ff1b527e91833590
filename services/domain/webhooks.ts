import type { Page, Paging } from '../../schemas/common.js'
import type { Form } from '../../schemas/forms.js'
import type { User } from '../../schemas/users.js'
import type { CreatedWebhook, StoredWebhook, Webhook, WebhookDelivery, WebhookEvent, WebhookPatch } from '../../schemas/webhooks.js'
import type { AddressPolicy } from '../outbox/delivery/addresses.js'
import { generateSecret as generateWhsecSecret, secretProblem } from '../outbox/delivery/signature.js'
import { webhookUrlProblem } from '../outbox/delivery/target-guard.js'
import { BadRequestError, ConflictError, ForbiddenError, NotFoundError } from '../infra/errors.js'
import type { EventBus } from '../infra/events.js'
import { canEdit } from './forms.js'
import type { Repositories } from '../repositories/port.js'

export interface WebhookInput {
  url: string
  events: WebhookEvent[]
  active?: boolean
  secret?: string
}

export interface WebhookServiceDeps {
  repositories: Repositories
  events: EventBus
  policy: AddressPolicy
  generateSecret?: () => string
}

/** Every write fans out to all of a form's webhooks (one outbox row each): keep that bounded. */
export const MAX_WEBHOOKS_PER_FORM = 50

/** `whsec_` and 256 random bits, base64 (Standard Webhooks). */
export const generateWebhookSecret = generateWhsecSecret

/** The secret never leaves the service after the POST that created it. */
export function toPublicWebhook ({ secret: _secret, ...webhook }: StoredWebhook): Webhook {
  return webhook
}

export function createWebhookService ({ repositories, events, policy, generateSecret = generateWebhookSecret }: WebhookServiceDeps) {
  const { forms, webhooks } = repositories

  /** Webhooks reveal where a form's data goes: only its owner and admins see or change them. */
  async function editableForm (actor: User, formId: string): Promise<Form> {
    const form = await forms.findById(formId)
    if (form === null) throw new NotFoundError('Form')
    if (!canEdit(actor, form)) throw new ForbiddenError('Only the form\'s owner or an admin may manage its webhooks')
    return form
  }

  function checkUrl (url: string) {
    const problem = webhookUrlProblem(url, policy)
    if (problem !== null) throw new BadRequestError(`url: ${problem}`)
  }

  function checkSecret (secret: string | undefined) {
    const problem = secret === undefined ? null : secretProblem(secret)
    if (problem !== null) throw new BadRequestError(`secret: ${problem}`)
  }

  return {
    async list (actor: User, formId: string, paging: Paging): Promise<Page<Webhook>> {
      await editableForm(actor, formId)
      const all = await webhooks.listByForm(formId)
      const start = (paging.page - 1) * paging.per_page
      return { items: all.slice(start, start + paging.per_page).map(toPublicWebhook), page: paging.page, per_page: paging.per_page, total: all.length }
    },

    async get (actor: User, formId: string, id: string): Promise<Webhook> {
      await editableForm(actor, formId)
      const webhook = await webhooks.findById(formId, id)
      if (webhook === null) throw new NotFoundError('Webhook')
      return toPublicWebhook(webhook)
    },

    /** The answer carries the secret: the only time it is shown. */
    async create (actor: User, formId: string, input: WebhookInput): Promise<CreatedWebhook> {
      const form = await editableForm(actor, formId)
      checkUrl(input.url)
      checkSecret(input.secret)
      if ((await webhooks.listByForm(formId)).length >= MAX_WEBHOOKS_PER_FORM) {
        throw new ConflictError(`A form has at most ${MAX_WEBHOOKS_PER_FORM} webhooks`)
      }
      const changed = events.prepare('webhook.changed', (webhook: StoredWebhook) => ({ form, webhook_id: webhook.id }))
      const webhook = await webhooks.create({
        form_id: formId,
        url: input.url,
        events: input.events,
        active: input.active ?? true,
        secret: input.secret ?? generateSecret()
      }, changed.owed)
      await changed.emit()
      return webhook
    },

    async update (actor: User, formId: string, id: string, patch: WebhookPatch): Promise<Webhook> {
      const form = await editableForm(actor, formId)
      if (patch.url !== undefined) checkUrl(patch.url)
      checkSecret(patch.secret)
      const changed = events.prepare('webhook.changed', () => ({ form, webhook_id: id }))
      const webhook = await webhooks.update(formId, id, patch, changed.owed)
      if (webhook === null) throw new NotFoundError('Webhook')
      await changed.emit()
      return toPublicWebhook(webhook)
    },

    async remove (actor: User, formId: string, id: string): Promise<void> {
      const form = await editableForm(actor, formId)
      const changed = events.prepare('webhook.changed', () => ({ form, webhook_id: id }))
      if (!await webhooks.delete(formId, id, changed.owed)) throw new NotFoundError('Webhook')
      await changed.emit()
    },

    /** The webhook's delivery log, newest first. */
    async deliveries (actor: User, formId: string, id: string, paging: Paging): Promise<Page<WebhookDelivery>> {
      await editableForm(actor, formId)
      if (await webhooks.findById(formId, id) === null) throw new NotFoundError('Webhook')
      const { items, total } = await webhooks.deliveries(id, paging)
      return { items, page: paging.page, per_page: paging.per_page, total }
    }
  }
}

export type WebhookService = ReturnType<typeof createWebhookService>

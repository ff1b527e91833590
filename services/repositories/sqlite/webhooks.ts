import type { StoredWebhook } from '../../../schemas/webhooks.js'
import { newObjectId } from '../ids.js'
import type { Repositories } from '../port.js'
import { insertChild, now, type SqliteContext } from './context.js'

interface WebhookRow {
  id: string
  form_id: string
  url: string
  events: string
  active: number
  secret: string
  last_delivery: string | null
  created_at: string
  updated_at: string
}

const toWebhook = (row: WebhookRow): StoredWebhook => ({
  id: row.id,
  form_id: row.form_id,
  url: row.url,
  events: JSON.parse(row.events),
  active: row.active === 1,
  secret: row.secret,
  ...(row.last_delivery === null ? {} : { last_delivery: JSON.parse(row.last_delivery) }),
  created_at: row.created_at,
  updated_at: row.updated_at
})

export function createSqliteWebhooks ({ db, prepare, outbox, atomically }: SqliteContext): Repositories['webhooks'] {
  const webhookById = prepare<[string, string], WebhookRow>('SELECT * FROM webhooks WHERE id = ? AND form_id = ?')

  return {
    async create (input, owed) {
      const at = now()
      const webhook: StoredWebhook = { id: newObjectId(), ...input, created_at: at, updated_at: at }
      return atomically(() => {
        insertChild('Form', () => prepare(`INSERT INTO webhooks (id, form_id, url, events, active, secret, created_at, updated_at)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?)`).run(webhook.id, webhook.form_id, webhook.url, JSON.stringify(webhook.events),
          webhook.active ? 1 : 0, webhook.secret, at, at))
        return webhook
      }, owed)
    },

    async findById (formId, id) {
      const row = webhookById.get(id, formId)
      return row === undefined ? null : toWebhook(row)
    },

    async listByForm (formId) {
      const rows = prepare('SELECT * FROM webhooks WHERE form_id = ? ORDER BY created_at, id').all(formId) as WebhookRow[]
      return rows.map(toWebhook)
    },

    async update (formId, id, changes, owed) {
      return atomically(() => {
        const current = webhookById.get(id, formId)
        if (current === undefined) return null
        const next = { ...toWebhook(current), ...changes, updated_at: now() }
        prepare('UPDATE webhooks SET url = ?, events = ?, active = ?, secret = ?, updated_at = ? WHERE id = ?')
          .run(next.url, JSON.stringify(next.events), next.active ? 1 : 0, next.secret, next.updated_at, id)
        return next
      }, owed)
    },

    async delete (formId, id, owed) {
      return db.transaction(() => {
        if (prepare('DELETE FROM webhooks WHERE id = ? AND form_id = ?').run(id, formId).changes !== 1) return false
        outbox.cancelDeliveries(id, Date.now())
        if (owed !== undefined) outbox.record(owed(true), Date.now())
        return true
      }).immediate()
    },

    async deliveries (webhookId, paging) {
      return outbox.deliveries(webhookId, paging)
    }
  }
}

import type Database from 'better-sqlite3'
import type { Paging } from '../../../schemas/common.js'
import type { WebhookDelivery, WebhookEvent } from '../../../schemas/webhooks.js'
import { newObjectId } from '../ids.js'
import { lastDelivery } from '../last-delivery.js'
import type { ClaimedDelivery, ClaimedInvalidation, DeliveryOutcome, ListResult, Owed, OutboxRepository } from '../port.js'
import type { Prepare } from './context.js'

// The outbox in SQLite: two tables written in the transaction of the write
// that owes their rows, and the relay's claims. A pending row is held by the
// relay whose token is in `lease_owner` until `next_attempt_at`; whoever claims
// it after that overwrites the token, so the first holder can no longer settle it.
// Times are milliseconds since the epoch.

export const OUTBOX_SCHEMA = `
CREATE TABLE IF NOT EXISTS outbox_invalidations (
  id TEXT PRIMARY KEY,
  event TEXT NOT NULL,
  args TEXT NOT NULL,
  tags TEXT NOT NULL,
  status TEXT NOT NULL,
  attempts INTEGER NOT NULL,
  next_attempt_at INTEGER,
  lease_owner TEXT,
  created_at INTEGER NOT NULL,
  done_at INTEGER
);
CREATE INDEX IF NOT EXISTS outbox_invalidations_due ON outbox_invalidations (next_attempt_at) WHERE status = 'pending';
CREATE INDEX IF NOT EXISTS outbox_invalidations_done ON outbox_invalidations (done_at) WHERE status <> 'pending';
CREATE TABLE IF NOT EXISTS webhook_deliveries (
  id TEXT PRIMARY KEY,
  webhook_id TEXT NOT NULL,
  form_id TEXT NOT NULL,
  event TEXT NOT NULL,
  event_id TEXT NOT NULL,
  body TEXT NOT NULL,
  url TEXT NOT NULL,
  secret TEXT NOT NULL,
  status TEXT NOT NULL,
  attempts INTEGER NOT NULL,
  next_attempt_at INTEGER,
  lease_owner TEXT,
  last_status_code INTEGER,
  last_error TEXT,
  created_at INTEGER NOT NULL,
  done_at INTEGER
);
CREATE INDEX IF NOT EXISTS webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';
CREATE INDEX IF NOT EXISTS webhook_deliveries_by_webhook ON webhook_deliveries (webhook_id, created_at DESC, id DESC);
CREATE INDEX IF NOT EXISTS webhook_deliveries_done ON webhook_deliveries (done_at) WHERE status <> 'pending';
`

interface DeliveryRow {
  id: string
  event: WebhookEvent
  status: WebhookDelivery['status']
  attempts: number
  last_status_code: number | null
  last_error: string | null
  next_attempt_at: number | null
  created_at: number
  done_at: number | null
}

const iso = (ms: number) => new Date(ms).toISOString()

export const toWebhookDelivery = (row: DeliveryRow): WebhookDelivery => ({
  id: row.id,
  event: row.event,
  status: row.status,
  attempts: row.attempts,
  last_status_code: row.last_status_code,
  last_error: row.last_error,
  next_attempt_at: row.status === 'pending' && row.next_attempt_at !== null ? iso(row.next_attempt_at) : null,
  created_at: iso(row.created_at),
  delivered_at: row.status === 'delivered' && row.done_at !== null ? iso(row.done_at) : null
})

const ids = (list: readonly string[]) => JSON.stringify(list)

export function createSqliteOutbox (db: Database.Database, prepare: Prepare) {
  db.exec(OUTBOX_SCHEMA)

  /** Inside the write's transaction: the rows of what it owes. */
  function record (owed: Owed, now: number) {
    const { invalidation, webhook } = owed
    if (invalidation !== undefined) {
      prepare(`INSERT INTO outbox_invalidations (id, event, args, tags, status, attempts, next_attempt_at, lease_owner, created_at)
        VALUES (?, ?, ?, ?, 'pending', 1, ?, ?, ?)`).run(invalidation.id, invalidation.event, JSON.stringify(invalidation.args),
        JSON.stringify(invalidation.tags), invalidation.lease.until, invalidation.lease.owner, now)
    }
    if (webhook !== undefined) {
      const body = JSON.stringify(webhook)
      const hooks = prepare<[string], { id: string, url: string, secret: string, events: string }>(
        'SELECT id, url, secret, events FROM webhooks WHERE form_id = ? AND active = 1 ORDER BY created_at, id').all(webhook.form_id)
      for (const hook of hooks) {
        if (!(JSON.parse(hook.events) as string[]).includes(webhook.event)) continue
        prepare(`INSERT INTO webhook_deliveries (id, webhook_id, form_id, event, event_id, body, url, secret, status, attempts,
          next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?)`)
          .run(newObjectId(), hook.id, webhook.form_id, webhook.event, webhook.id, body, hook.url, hook.secret, now, now)
      }
    }
  }

  /** Inside a webhook's delete: its pending deliveries end. */
  function cancelDeliveries (webhookId: string, now: number) {
    prepare(`UPDATE webhook_deliveries SET status = 'failed', last_error = 'webhook deleted', next_attempt_at = NULL,
      lease_owner = NULL, done_at = ? WHERE webhook_id = ? AND status = 'pending'`).run(now, webhookId)
  }

  function deliveries (webhookId: string, { page, per_page: perPage }: Paging): ListResult<WebhookDelivery> {
    const total = (prepare('SELECT count(*) AS n FROM webhook_deliveries WHERE webhook_id = ?').get(webhookId) as { n: number }).n
    const rows = prepare<[string, number, number], DeliveryRow>(`SELECT id, event, status, attempts, last_status_code, last_error,
      next_attempt_at, created_at, done_at FROM webhook_deliveries WHERE webhook_id = ?
      ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?`).all(webhookId, perPage, (page - 1) * perPage)
    return { items: rows.map(toWebhookDelivery), total }
  }

  // A claim moves next_attempt_at to the lease's end: an item its holder never
  // settles (it crashed) is due again then.
  const claim = (table: string, columns: string) => `UPDATE ${table}
    SET lease_owner = ?, next_attempt_at = ?, attempts = attempts + 1
    WHERE id IN (SELECT id FROM ${table} WHERE status = 'pending' AND next_attempt_at <= ? ORDER BY next_attempt_at LIMIT ?)
    RETURNING ${columns}`

  const claimDeliveries = db.transaction((token: string, leaseMs: number, limit: number, now: number): ClaimedDelivery[] => {
    const rows = prepare<[string, number, number, number], Omit<ClaimedDelivery, 'target'> & { url: string, secret: string }>(
      claim('webhook_deliveries', 'id, webhook_id, form_id, event, event_id, body, url, secret, attempts'))
      .all(token, now + leaseMs, now, limit)
    if (rows.length === 0) return []
    const current = new Map(prepare<[string], { id: string, url: string, secret: string, active: number }>(
      'SELECT id, url, secret, active FROM webhooks WHERE id IN (SELECT value FROM json_each(?))')
      .all(ids(rows.map((row) => row.webhook_id))).map((hook) => [hook.id, hook]))
    return rows.map(({ url, secret, ...row }) => {
      const hook = current.get(row.webhook_id)
      const target = hook === undefined ? { url, secret, active: true } : { url: hook.url, secret: hook.secret, active: hook.active === 1 }
      return { ...row, target }
    })
  })

  const settleDelivery = db.transaction((token: string, id: string, outcome: DeliveryOutcome, now: number) => {
    const done = outcome.status === 'pending' ? null : now
    const row = prepare<unknown[], { webhook_id: string, event: WebhookEvent, attempts: number }>(`UPDATE webhook_deliveries
      SET status = ?, next_attempt_at = ?, last_status_code = ?, last_error = ?, done_at = ?, lease_owner = NULL
      WHERE id = ? AND lease_owner = ? AND status = 'pending' RETURNING webhook_id, event, attempts`)
      .get(outcome.status, outcome.next_attempt_at ?? null, outcome.status_code ?? null, outcome.error ?? null, done, id, token)
    if (row === undefined) return
    prepare('UPDATE webhooks SET last_delivery = ? WHERE id = ?')
      .run(JSON.stringify(lastDelivery(row.event, row.attempts, outcome, now)), row.webhook_id)
  })

  const repository: OutboxRepository = {
    async claimInvalidations (token, leaseMs, limit, now) {
      const rows = prepare<[string, number, number, number], { id: string, event: string, args: string, tags: string, attempts: number }>(
        claim('outbox_invalidations', 'id, event, args, tags, attempts')).all(token, now + leaseMs, now, limit)
      return rows.map((row): ClaimedInvalidation => ({
        id: row.id, event: row.event, args: JSON.parse(row.args), tags: JSON.parse(row.tags), attempts: row.attempts
      }))
    },

    async settleInvalidations (token, list, retryAt, now) {
      if (retryAt === null) {
        prepare(`UPDATE outbox_invalidations SET status = 'delivered', done_at = ?, next_attempt_at = NULL, lease_owner = NULL
          WHERE id IN (SELECT value FROM json_each(?)) AND lease_owner = ? AND status = 'pending'`).run(now, ids(list), token)
      } else {
        prepare(`UPDATE outbox_invalidations SET next_attempt_at = ?, lease_owner = NULL
          WHERE id IN (SELECT value FROM json_each(?)) AND lease_owner = ? AND status = 'pending'`).run(retryAt, ids(list), token)
      }
    },

    async claimDeliveries (token, leaseMs, limit, now) {
      return claimDeliveries.immediate(token, leaseMs, limit, now)
    },

    async settleDelivery (token, id, outcome, now) {
      settleDelivery.immediate(token, id, outcome, now)
    },

    async nextDue () {
      const row = prepare<[], { due: number | null }>(`SELECT min(due) AS due FROM (
        SELECT min(next_attempt_at) AS due FROM outbox_invalidations WHERE status = 'pending'
        UNION ALL SELECT min(next_attempt_at) FROM webhook_deliveries WHERE status = 'pending')`).get()
      return row?.due ?? null
    },

    async pending () {
      return (prepare(`SELECT (SELECT count(*) FROM outbox_invalidations WHERE status = 'pending')
        + (SELECT count(*) FROM webhook_deliveries WHERE status = 'pending') AS n`).get() as { n: number }).n
    },

    async prune (before, limit) {
      let deleted = 0
      for (const table of ['outbox_invalidations', 'webhook_deliveries']) {
        if (deleted >= limit) break
        deleted += prepare(`DELETE FROM ${table} WHERE id IN (
          SELECT id FROM ${table} WHERE status <> 'pending' AND done_at < ? LIMIT ?)`).run(before, limit - deleted).changes
      }
      return deleted
    }
  }

  return { record, cancelDeliveries, deliveries, repository }
}

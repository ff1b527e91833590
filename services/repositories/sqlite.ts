import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import Database from 'better-sqlite3'
import type { Form, FormStatus } from '../../schemas/forms.js'
import type { FormResponse } from '../../schemas/responses.js'
import type { SessionUser, StoredUser, User } from '../../schemas/users.js'
import type { StoredWebhook } from '../../schemas/webhooks.js'
import type { Dashboard } from '../../schemas/dashboards.js'
import { DuplicateError, NotFoundError } from '../infra/errors.js'
import { newObjectId } from './ids.js'
import { searchText } from './search.js'
import type { FieldSummaries, OwedBy, Repositories, StatusCounts } from './port.js'
import { createSqliteOutbox } from './sqlite-outbox.js'

const SCHEMA = `
CREATE TABLE IF NOT EXISTS users (
  id TEXT PRIMARY KEY,
  email TEXT NOT NULL,
  email_key TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  role TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  token_generation INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS users_by_update ON users (updated_at DESC, id DESC);
CREATE TABLE IF NOT EXISTS forms (
  id TEXT PRIMARY KEY,
  owner_id TEXT NOT NULL,
  title TEXT NOT NULL,
  description TEXT NOT NULL,
  search_text TEXT NOT NULL,
  status TEXT NOT NULL,
  fields TEXT NOT NULL,
  version INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS forms_by_update ON forms (updated_at DESC, id DESC);
CREATE INDEX IF NOT EXISTS forms_by_owner ON forms (owner_id, updated_at DESC);
CREATE INDEX IF NOT EXISTS forms_by_status ON forms (status, updated_at DESC);
CREATE TABLE IF NOT EXISTS responses (
  id TEXT PRIMARY KEY,
  form_id TEXT NOT NULL REFERENCES forms (id) ON DELETE CASCADE,
  form_version INTEGER NOT NULL,
  answers TEXT NOT NULL,
  submitted_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS responses_by_form ON responses (form_id, submitted_at DESC, id DESC);
CREATE INDEX IF NOT EXISTS responses_by_time ON responses (submitted_at DESC, id DESC);
CREATE TABLE IF NOT EXISTS webhooks (
  id TEXT PRIMARY KEY,
  form_id TEXT NOT NULL REFERENCES forms (id) ON DELETE CASCADE,
  url TEXT NOT NULL,
  events TEXT NOT NULL,
  active INTEGER NOT NULL,
  secret TEXT NOT NULL,
  last_delivery TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS webhooks_by_form ON webhooks (form_id, created_at);
CREATE TABLE IF NOT EXISTS dashboards (
  user_id TEXT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  layout TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
`

interface FormRow {
  id: string
  owner_id: string
  title: string
  description: string
  status: string
  fields: string
  version: number
  created_at: string
  updated_at: string
}
interface ResponseRow { id: string, form_id: string, form_version: number, answers: string, submitted_at: string, updated_at: string }
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

const toForm = (row: FormRow): Form => ({
  id: row.id,
  title: row.title,
  description: row.description,
  status: row.status as FormStatus,
  fields: JSON.parse(row.fields),
  owner_id: row.owner_id,
  version: row.version,
  created_at: row.created_at,
  updated_at: row.updated_at
})

const toResponse = (row: ResponseRow): FormResponse => ({
  id: row.id,
  form_id: row.form_id,
  form_version: row.form_version,
  answers: JSON.parse(row.answers),
  submitted_at: row.submitted_at,
  updated_at: row.updated_at
})

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

const USER_COLUMNS = 'id, email, name, role, created_at, updated_at'

const isUniqueViolation = (err: unknown) =>
  err instanceof Error && (err as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE'

/** Runs an insert into a child table; its parent row deleted meanwhile (a concurrent delete) is a 404, not a fault. */
function insertChild (what: string, insert: () => unknown) {
  try {
    insert()
  } catch (err) {
    if (err instanceof Error && (err as { code?: string }).code === 'SQLITE_CONSTRAINT_FOREIGNKEY') throw new NotFoundError(what)
    throw err
  }
}

const now = () => new Date().toISOString()

export interface SqliteOptions {
  /**
   * How long a call waits for a lock another process holds (better-sqlite3 waits
   * synchronously: the event loop waits too, so keep it short).
   */
  busyTimeoutMs?: number
}

/** Databases created before token revocation existed get the column (every existing token stays valid: generation 0). */
function addTokenGeneration (db: Database.Database) {
  const columns = db.prepare('SELECT name FROM pragma_table_info(\'users\')').all() as Array<{ name: string }>
  if (!columns.some(({ name }) => name === 'token_generation')) {
    db.exec('ALTER TABLE users ADD COLUMN token_generation INTEGER NOT NULL DEFAULT 0')
  }
}

/** The embedded adapter: better-sqlite3 in WAL mode, tables created on first start. */
export function createSqliteRepositories (path: string, { busyTimeoutMs = 1000 }: SqliteOptions = {}): Repositories {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true })
  const db = new Database(path)
  db.pragma('journal_mode = WAL')
  // NORMAL in WAL mode survives a process crash (kill -9) once a commit has
  // returned; only a power loss can drop the last commits.
  db.pragma('synchronous = NORMAL')
  db.pragma('foreign_keys = ON')
  db.pragma(`busy_timeout = ${Math.round(busyTimeoutMs)}`)
  db.exec(SCHEMA)
  addTokenGeneration(db)

  // Every statement is compiled once, on first use: preparing one per call cost
  // about 5 % of a busy instance's CPU. The texts are fixed or built from a few
  // filter shapes, so the map stays small.
  const statements = new Map<string, Database.Statement>()
  let prober: Database.Database | undefined
  function prepare<P extends unknown[] = unknown[], R = unknown> (text: string): Database.Statement<P, R> {
    let statement = statements.get(text)
    if (statement === undefined) statements.set(text, statement = db.prepare(text))
    return statement as unknown as Database.Statement<P, R>
  }

  const formById = prepare<[string], FormRow>('SELECT * FROM forms WHERE id = ?')
  const userById = prepare<[string], User>(`SELECT ${USER_COLUMNS} FROM users WHERE id = ?`)
  const webhookById = prepare<[string, string], WebhookRow>('SELECT * FROM webhooks WHERE id = ? AND form_id = ?')
  const responseById = prepare<[string, string], ResponseRow>('SELECT * FROM responses WHERE id = ? AND form_id = ?')

  // Builds the WHERE clause of a form listing; `q` is matched literally with instr().
  function formWhere (filter: { status?: string, q?: string, owner_id?: string }) {
    const clauses: string[] = []
    const params: string[] = []
    if (filter.status !== undefined) { clauses.push('status = ?'); params.push(filter.status) }
    if (filter.owner_id !== undefined) { clauses.push('owner_id = ?'); params.push(filter.owner_id) }
    if (filter.q !== undefined) { clauses.push('instr(search_text, ?) > 0'); params.push(filter.q.toLowerCase()) }
    return { where: clauses.length === 0 ? '' : `WHERE ${clauses.join(' AND ')}`, params }
  }

  // A write and what it owes (its invalidation, its webhook deliveries) commit
  // together or not at all. IMMEDIATE: the write lock is taken up front, so two
  // processes never deadlock upgrading a read to a write.
  const outbox = createSqliteOutbox(db, prepare)
  function atomically<T> (write: () => T, owed: OwedBy<never> | undefined): T {
    if (owed === undefined) return write()
    return db.transaction(() => {
      const written = write()
      // null or false: nothing was written, so nothing is owed
      if (written !== null && written !== false) outbox.record(owed(written as never), Date.now())
      return written
    }).immediate()
  }

  const ownerClause = (ownerId: string | undefined) =>
    ownerId === undefined ? { sql: '', params: [] as string[] } : { sql: 'AND f.owner_id = ?', params: [ownerId] }

  return {
    kind: 'sqlite',

    forms: {
      async create (input, owed) {
        const at = now()
        const form: Form = { id: newObjectId(), ...input, version: 1, created_at: at, updated_at: at }
        return atomically(() => {
          prepare(`INSERT INTO forms (id, owner_id, title, description, search_text, status, fields, version, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(form.id, form.owner_id, form.title, form.description,
            searchText(form.title, form.description), form.status, JSON.stringify(form.fields), form.version, at, at)
          return form
        }, owed)
      },

      async findById (id) {
        const row = formById.get(id)
        return row === undefined ? null : toForm(row)
      },

      async findByIds (ids) {
        // one bound parameter (a JSON array), however many ids
        const rows = prepare<[string], FormRow>('SELECT * FROM forms WHERE id IN (SELECT value FROM json_each(?))')
          .all(JSON.stringify(ids))
        return rows.map(toForm)
      },

      async list (filter, { page, per_page: perPage }) {
        const { where, params } = formWhere(filter)
        const total = (prepare(`SELECT count(*) AS n FROM forms ${where}`).get(...params) as { n: number }).n
        const rows = prepare(`SELECT * FROM forms ${where} ORDER BY updated_at DESC, id DESC LIMIT ? OFFSET ?`)
          .all(...params, perPage, (page - 1) * perPage) as FormRow[]
        return { items: rows.map(toForm), total }
      },

      async update (id, changes, expectedVersion, owed) {
        return atomically(() => {
          const current = formById.get(id)
          if (current === undefined || current.version !== expectedVersion) return null
          const next = { ...toForm(current), ...changes, version: expectedVersion + 1, updated_at: now() }
          const result = prepare(`UPDATE forms SET owner_id = ?, title = ?, description = ?, search_text = ?, status = ?,
            fields = ?, version = ?, updated_at = ? WHERE id = ? AND version = ?`).run(next.owner_id, next.title,
            next.description, searchText(next.title, next.description), next.status, JSON.stringify(next.fields),
            next.version, next.updated_at, id, expectedVersion)
          return result.changes === 1 ? next : null
        }, owed)
      },

      async delete (id, owed) {
        if (owed === undefined) return prepare('DELETE FROM forms WHERE id = ?').run(id).changes === 1
        // the deliveries go to the webhooks as they are now: recorded before the cascade removes them
        return db.transaction(() => {
          if (formById.get(id) === undefined) return false
          outbox.record(owed(true), Date.now())
          // responses and webhooks go with it (ON DELETE CASCADE)
          return prepare('DELETE FROM forms WHERE id = ?').run(id).changes === 1
        }).immediate()
      },

      async countByOwner (ownerId) {
        return (prepare('SELECT count(*) AS n FROM forms WHERE owner_id = ?').get(ownerId) as { n: number }).n
      },

      async countByStatus (ownerId) {
        const rows = (ownerId === undefined
          ? prepare('SELECT status, count(*) AS n FROM forms GROUP BY status').all()
          : prepare('SELECT status, count(*) AS n FROM forms WHERE owner_id = ? GROUP BY status').all(ownerId)
        ) as Array<{ status: FormStatus, n: number }>
        const counts: StatusCounts = { draft: 0, published: 0, archived: 0 }
        for (const row of rows) counts[row.status] = row.n
        return counts
      }
    },

    responses: {
      async create (input, owed) {
        const at = now()
        const response: FormResponse = { id: newObjectId(), ...input, submitted_at: at, updated_at: at }
        return atomically(() => {
          insertChild('Form', () => prepare(`INSERT INTO responses (id, form_id, form_version, answers, submitted_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?)`).run(response.id, response.form_id, response.form_version,
            JSON.stringify(response.answers), at, at))
          return response
        }, owed)
      },

      async findById (formId, id) {
        const row = responseById.get(id, formId)
        return row === undefined ? null : toResponse(row)
      },

      async list (formId, { page, per_page: perPage }) {
        const total = (prepare('SELECT count(*) AS n FROM responses WHERE form_id = ?').get(formId) as { n: number }).n
        const rows = prepare(`SELECT * FROM responses WHERE form_id = ?
          ORDER BY submitted_at DESC, id DESC LIMIT ? OFFSET ?`).all(formId, perPage, (page - 1) * perPage) as ResponseRow[]
        return { items: rows.map(toResponse), total }
      },

      async update (formId, id, changes, owed) {
        const at = now()
        return atomically(() => {
          const result = prepare('UPDATE responses SET answers = ?, form_version = ?, updated_at = ? WHERE id = ? AND form_id = ?')
            .run(JSON.stringify(changes.answers), changes.form_version, at, id, formId)
          if (result.changes !== 1) return null
          const row = responseById.get(id, formId)
          return row === undefined ? null : toResponse(row)
        }, owed)
      },

      async analytics (formId, fields, since) {
        const total = (prepare('SELECT count(*) AS n FROM responses WHERE form_id = ?').get(formId) as { n: number }).n
        const perDay = prepare(`SELECT substr(submitted_at, 1, 10) AS date, count(*) AS count FROM responses
          WHERE form_id = ? AND submitted_at >= ? GROUP BY date ORDER BY date`).all(formId, since) as Array<{ date: string, count: number }>
        const summaries: FieldSummaries = {}
        for (const field of fields) {
          const path = `$.${field.name}`
          if (field.type === 'select') {
            const rows = prepare(`SELECT value, count(*) AS n FROM (
                SELECT json_extract(answers, ?) AS value FROM responses WHERE form_id = ?
              ) WHERE value IS NOT NULL GROUP BY value`).all(path, formId) as Array<{ value: string, n: number }>
            summaries[field.name] = { counts: Object.fromEntries(rows.map((r) => [String(r.value), r.n])) }
          } else if (field.type === 'checkbox') {
            const rows = prepare(`SELECT j.value AS value, count(*) AS n FROM responses r, json_each(r.answers, ?) j
              WHERE r.form_id = ? GROUP BY j.value`).all(path, formId) as Array<{ value: string, n: number }>
            summaries[field.name] = { counts: Object.fromEntries(rows.map((r) => [String(r.value), r.n])) }
          } else if (field.type === 'number') {
            const row = prepare(`SELECT min(x) AS min, max(x) AS max, avg(x) AS mean, count(x) AS n FROM (
                SELECT json_extract(answers, ?) AS x FROM responses WHERE form_id = ?
              ) WHERE typeof(x) IN ('integer', 'real')`).get(path, formId) as { min: number, max: number, mean: number, n: number }
            if (row.n > 0) summaries[field.name] = { min: row.min, max: row.max, mean: row.mean }
          }
        }
        return { total_responses: total, responses_per_day: perDay, fields: summaries }
      },

      async countPerForm (ownerId, limit) {
        const owner = ownerClause(ownerId)
        return prepare(`SELECT f.id AS form_id, f.title AS title, count(r.id) AS count
          FROM forms f LEFT JOIN responses r ON r.form_id = f.id WHERE 1 = 1 ${owner.sql}
          GROUP BY f.id ORDER BY count DESC, f.updated_at DESC LIMIT ?`).all(...owner.params, limit) as Array<{ form_id: string, title: string, count: number }>
      },

      async recent (ownerId, limit) {
        const owner = ownerClause(ownerId)
        const rows = prepare(`SELECT r.*, f.title AS form_title FROM responses r JOIN forms f ON f.id = r.form_id
          WHERE 1 = 1 ${owner.sql} ORDER BY r.submitted_at DESC, r.id DESC LIMIT ?`)
          .all(...owner.params, limit) as Array<ResponseRow & { form_title: string }>
        return rows.map((row) => ({ ...toResponse(row), form_title: row.form_title }))
      },

      async perDay (ownerId, since) {
        const owner = ownerClause(ownerId)
        return prepare(`SELECT substr(r.submitted_at, 1, 10) AS date, count(*) AS count
          FROM responses r JOIN forms f ON f.id = r.form_id WHERE r.submitted_at >= ? ${owner.sql}
          GROUP BY date ORDER BY date`).all(since, ...owner.params) as Array<{ date: string, count: number }>
      }
    },

    users: {
      async create (input) {
        const at = now()
        const user: User = { id: newObjectId(), email: input.email, name: input.name, role: input.role, created_at: at, updated_at: at }
        try {
          prepare(`INSERT INTO users (id, email, email_key, name, role, password_hash, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)`).run(user.id, user.email, user.email.toLowerCase(), user.name, user.role,
            input.password_hash, at, at)
        } catch (err) {
          if (isUniqueViolation(err)) throw new DuplicateError('A user with this email already exists')
          throw err
        }
        return user
      },

      async findById (id) {
        return userById.get(id) ?? null
      },

      async findByIds (ids) {
        return prepare<[string], User>(`SELECT ${USER_COLUMNS} FROM users WHERE id IN (SELECT value FROM json_each(?))`)
          .all(JSON.stringify(ids))
      },

      async findByEmail (email) {
        const row = prepare<[string], StoredUser>(`SELECT ${USER_COLUMNS}, token_generation, password_hash FROM users WHERE email_key = ?`)
          .get(email.toLowerCase())
        return row ?? null
      },

      async list ({ page, per_page: perPage }) {
        const total = (prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n
        const items = prepare(`SELECT ${USER_COLUMNS} FROM users ORDER BY created_at, id LIMIT ? OFFSET ?`)
          .all(perPage, (page - 1) * perPage) as User[]
        return { items, total }
      },

      async recent (limit) {
        return prepare<[number], User>(`SELECT ${USER_COLUMNS} FROM users ORDER BY updated_at DESC, id DESC LIMIT ?`).all(limit)
      },

      async update (id, changes, owed) {
        return atomically((): User | null => {
          const current = prepare<[string], StoredUser>(`SELECT ${USER_COLUMNS}, password_hash FROM users WHERE id = ?`).get(id)
          if (current === undefined) return null
          const next = { ...current, ...changes, updated_at: now() }
          try {
            prepare(`UPDATE users SET email = ?, email_key = ?, name = ?, role = ?, password_hash = ?, updated_at = ?,
              token_generation = token_generation + ? WHERE id = ?`).run(next.email, next.email.toLowerCase(), next.name, next.role,
              next.password_hash, next.updated_at, changes.password_hash === undefined ? 0 : 1, id)
          } catch (err) {
            if (isUniqueViolation(err)) throw new DuplicateError('A user with this email already exists')
            throw err
          }
          const { password_hash: _hash, ...user } = next
          return user
        }, owed)
      },

      async delete (id, owed) {
        // the dashboard goes with it (ON DELETE CASCADE)
        return atomically(() => prepare('DELETE FROM users WHERE id = ?').run(id).changes === 1, owed)
      },

      async count () {
        return (prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n
      },

      async findSession (id) {
        return prepare<[string], SessionUser>(`SELECT ${USER_COLUMNS}, token_generation FROM users WHERE id = ?`).get(id) ?? null
      },

      async findSessions (ids) {
        return prepare<[string], SessionUser>(`SELECT ${USER_COLUMNS}, token_generation FROM users
          WHERE id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids))
      },

      async revokeTokens (id, owed) {
        return atomically(() => prepare<[string], SessionUser>(`UPDATE users SET token_generation = token_generation + 1 WHERE id = ?
          RETURNING ${USER_COLUMNS}, token_generation`).get(id) ?? null, owed)
      }
    },

    webhooks: {
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
    },

    dashboards: {
      async get (userId) {
        const row = prepare<[string], { user_id: string, layout: string, updated_at: string }>(
          'SELECT * FROM dashboards WHERE user_id = ?').get(userId)
        return row === undefined ? null : { user_id: row.user_id, layout: JSON.parse(row.layout), updated_at: row.updated_at }
      },

      async put (userId, layout, owed) {
        const dashboard: Dashboard = { user_id: userId, layout, updated_at: now() }
        return atomically(() => {
          insertChild('User', () => prepare(`INSERT INTO dashboards (user_id, layout, updated_at) VALUES (?, ?, ?)
            ON CONFLICT (user_id) DO UPDATE SET layout = excluded.layout, updated_at = excluded.updated_at`)
            .run(userId, JSON.stringify(layout), dashboard.updated_at))
          return dashboard
        }, owed)
      }
    },

    outbox: outbox.repository,

    async ping () {
      // a read of the file itself (SELECT 1 would not touch it): it fails while another process holds its locks
      prepare('SELECT count(*) FROM users').get()
    },

    async probe () {
      // on a connection of its own that does not wait for locks: probing never stalls the event loop
      if (path === ':memory:') return this.ping()
      prober ??= new Database(path, { readonly: true, fileMustExist: true })
      prober.pragma('busy_timeout = 0')
      prober.prepare('SELECT count(*) FROM users').get()
    },

    async close () {
      if (prober?.open === true) prober.close()
      if (db.open) db.close()
    }
  }
}

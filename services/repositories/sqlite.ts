import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import Database from 'better-sqlite3'
import type { OwedBy, Repositories } from './port.js'
import type { SqliteContext } from './sqlite/context.js'
import { createSqliteDashboards } from './sqlite/dashboards.js'
import { createSqliteForms } from './sqlite/forms.js'
import { createSqliteOutbox } from './sqlite/outbox.js'
import { createSqliteResponses } from './sqlite/responses.js'
import { migrate } from './sqlite/schema.js'
import { createSqliteUsers } from './sqlite/users.js'
import { createSqliteWebhooks } from './sqlite/webhooks.js'

// The embedded adapter, one file per job under sqlite/: the tables (schema.ts),
// what the repositories share (context.ts), one repository per file, the outbox.

export interface SqliteOptions {
  /**
   * How long a call waits for a lock another process holds (better-sqlite3 waits
   * synchronously: the event loop waits too, so keep it short).
   */
  busyTimeoutMs?: number
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
  migrate(db)

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

  const context: SqliteContext = { db, prepare, outbox, atomically }

  return {
    kind: 'sqlite',

    forms: createSqliteForms(context),
    responses: createSqliteResponses(context),
    users: createSqliteUsers(context),
    webhooks: createSqliteWebhooks(context),
    dashboards: createSqliteDashboards(context),
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

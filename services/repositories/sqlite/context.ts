import type Database from 'better-sqlite3'
import { NotFoundError } from '../../infra/errors.js'
import type { OwedBy } from '../port.js'
import type { createSqliteOutbox } from './outbox.js'

export type Prepare = <P extends unknown[] = unknown[], R = unknown> (text: string) => Database.Statement<P, R>

/** What every SQLite repository works with: the database, its statement cache, the outbox, and writes with what they owe. */
export interface SqliteContext {
  db: Database.Database
  prepare: Prepare
  outbox: ReturnType<typeof createSqliteOutbox>
  /** Runs a write; with `owed`, in one transaction with the outbox rows of what it owes. */
  atomically<T> (write: () => T, owed: OwedBy<never> | undefined): T
}

export const now = () => new Date().toISOString()

export const isUniqueViolation = (err: unknown) =>
  err instanceof Error && (err as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE'

/** Runs an insert into a child table; its parent row deleted meanwhile (a concurrent delete) is a 404, not a fault. */
export function insertChild (what: string, insert: () => unknown) {
  try {
    insert()
  } catch (err) {
    if (err instanceof Error && (err as { code?: string }).code === 'SQLITE_CONSTRAINT_FOREIGNKEY') throw new NotFoundError(what)
    throw err
  }
}

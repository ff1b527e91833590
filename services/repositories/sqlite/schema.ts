import type Database from 'better-sqlite3'

// The tables of the SQLite adapter (the outbox's: outbox.ts). Created on first
// start; a database of an earlier version is brought up to date by migrate().
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

/** Databases created before token revocation existed get the column (every existing token stays valid: generation 0). */
function addTokenGeneration (db: Database.Database) {
  const columns = db.prepare('SELECT name FROM pragma_table_info(\'users\')').all() as Array<{ name: string }>
  if (!columns.some(({ name }) => name === 'token_generation')) {
    db.exec('ALTER TABLE users ADD COLUMN token_generation INTEGER NOT NULL DEFAULT 0')
  }
}

/** Creates the tables that are missing and adds the columns of later versions. */
export function migrate (db: Database.Database): void {
  db.exec(SCHEMA)
  addTokenGeneration(db)
}

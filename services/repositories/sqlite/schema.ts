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
  updated_at TEXT NOT NULL,
  response_count INTEGER NOT NULL DEFAULT 0
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

/** Adds a column a database of an earlier version lacks. */
function addColumn (db: Database.Database, table: string, column: string, definition: string) {
  const columns = db.prepare(`SELECT name FROM pragma_table_info('${table}')`).all() as Array<{ name: string }>
  if (!columns.some(({ name }) => name === column)) db.exec(`ALTER TABLE ${table} ADD COLUMN ${column} ${definition}`)
}

/**
 * What listings and widgets read instead of scanning the forms, kept by
 * triggers in the transaction of every write: a trigram index of each form's
 * search text (substring search, what instr() matches; keyed by the form's
 * rowid), the number of forms per owner and status (a listing's total), and
 * each form's number of responses (the forms with the most, from an index).
 */
const DERIVED = `
CREATE VIRTUAL TABLE IF NOT EXISTS forms_search USING fts5(search_text, tokenize = 'trigram case_sensitive 1');
CREATE TABLE IF NOT EXISTS form_counts (
  owner_id TEXT NOT NULL,
  status TEXT NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (owner_id, status)
) WITHOUT ROWID;
CREATE TRIGGER IF NOT EXISTS forms_derived_insert AFTER INSERT ON forms BEGIN
  INSERT INTO forms_search (rowid, search_text) VALUES (new.rowid, new.search_text);
  INSERT INTO form_counts (owner_id, status, n) VALUES (new.owner_id, new.status, 1)
    ON CONFLICT (owner_id, status) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER IF NOT EXISTS forms_search_update AFTER UPDATE OF search_text ON forms
WHEN new.search_text IS NOT old.search_text BEGIN
  UPDATE forms_search SET search_text = new.search_text WHERE rowid = old.rowid;
END;
CREATE TRIGGER IF NOT EXISTS forms_counts_update AFTER UPDATE OF owner_id, status ON forms
WHEN new.owner_id IS NOT old.owner_id OR new.status IS NOT old.status BEGIN
  UPDATE form_counts SET n = n - 1 WHERE owner_id = old.owner_id AND status = old.status;
  INSERT INTO form_counts (owner_id, status, n) VALUES (new.owner_id, new.status, 1)
    ON CONFLICT (owner_id, status) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER IF NOT EXISTS forms_derived_delete AFTER DELETE ON forms BEGIN
  DELETE FROM forms_search WHERE rowid = old.rowid;
  UPDATE form_counts SET n = n - 1 WHERE owner_id = old.owner_id AND status = old.status;
END;
CREATE INDEX IF NOT EXISTS forms_by_responses ON forms (owner_id, response_count DESC, updated_at DESC);
CREATE INDEX IF NOT EXISTS forms_by_responses_all ON forms (response_count DESC, updated_at DESC);
CREATE TRIGGER IF NOT EXISTS responses_count_insert AFTER INSERT ON responses BEGIN
  UPDATE forms SET response_count = response_count + 1 WHERE id = new.form_id;
END;
CREATE TRIGGER IF NOT EXISTS responses_count_delete AFTER DELETE ON responses BEGIN
  UPDATE forms SET response_count = response_count - 1 WHERE id = old.form_id;
END;
`

/**
 * Rebuilds the derived tables when they do not match the forms: a database
 * of an earlier version, or one changed by other means (VACUUM may renumber
 * the rowids the search index is keyed by). One pass over the forms.
 */
function checkDerived (db: Database.Database) {
  const mismatch = db.prepare(`SELECT
      EXISTS (SELECT 1 FROM forms f LEFT JOIN forms_search s ON s.rowid = f.rowid WHERE s.search_text IS NOT f.search_text)
      OR (SELECT count(*) FROM forms_search) != (SELECT count(*) FROM forms)
      OR EXISTS (SELECT owner_id, status, count(*) FROM forms GROUP BY owner_id, status
        EXCEPT SELECT owner_id, status, n FROM form_counts WHERE n != 0)
      OR EXISTS (SELECT owner_id, status, n FROM form_counts WHERE n != 0
        EXCEPT SELECT owner_id, status, count(*) FROM forms GROUP BY owner_id, status)
      OR EXISTS (SELECT 1 FROM forms f WHERE response_count != (SELECT count(*) FROM responses r WHERE r.form_id = f.id))`).pluck().get()
  if (mismatch === 0) return
  db.transaction(() => {
    db.exec(`DELETE FROM forms_search; INSERT INTO forms_search (rowid, search_text) SELECT rowid, search_text FROM forms;
      DELETE FROM form_counts; INSERT INTO form_counts (owner_id, status, n) SELECT owner_id, status, count(*) FROM forms GROUP BY owner_id, status;
      UPDATE forms SET response_count = (SELECT count(*) FROM responses r WHERE r.form_id = forms.id);`)
  })()
}

/** Creates the tables that are missing, adds the columns of later versions, and checks the derived tables. */
export function migrate (db: Database.Database): void {
  db.exec(SCHEMA)
  // tokens issued before revocation existed stay valid: generation 0
  addColumn(db, 'users', 'token_generation', 'INTEGER NOT NULL DEFAULT 0')
  addColumn(db, 'forms', 'response_count', 'INTEGER NOT NULL DEFAULT 0')
  db.exec(DERIVED)
  checkDerived(db)
}

import type { Form, FormStatus } from '../../../schemas/forms.js'
import { newObjectId } from '../ids.js'
import type { FormFilter, Repositories, StatusCounts } from '../port.js'
import { searchText } from '../search.js'
import { now, type SqliteContext } from './context.js'

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

/** The trigram index matches substrings of 3 characters or more; shorter ones are looked for with instr(). */
const INDEXED_QUERY = 3
/**
 * A page of matches read from the index costs about this many rows of an
 * ordered scan: the index fetches and sorts every match, the scan stops once
 * it has the page (10,000 forms: a word in one form in ten, 2.3 ms from the
 * index against 0.07 ms scanned; one in a hundred, 0.3 against 2.0 ms).
 */
const INDEX_ROW_COST = 6

/**
 * The WHERE clause of a form listing; `q` (lower-cased) is matched literally,
 * as a substring of the search text: through the trigram index, or by instr().
 */
function formWhere (filter: FormFilter, q: string | undefined, viaIndex: boolean) {
  const clauses: string[] = []
  const params: string[] = []
  if (filter.status !== undefined) { clauses.push('status = ?'); params.push(filter.status) }
  if (filter.owner_id !== undefined) { clauses.push('owner_id = ?'); params.push(filter.owner_id) }
  if (q !== undefined && viaIndex) {
    clauses.push('rowid IN (SELECT rowid FROM forms_search WHERE forms_search MATCH ?)')
    params.push(phrase(q))
  } else if (q !== undefined) {
    clauses.push('instr(search_text, ?) > 0')
    params.push(q)
  }
  return { where: clauses.length === 0 ? '' : `WHERE ${clauses.join(' AND ')}`, params }
}

/** One FTS5 phrase: the whole query, quotes doubled, matched as consecutive trigrams. */
const phrase = (q: string) => `"${q.replaceAll('"', '""')}"`

export function createSqliteForms ({ db, prepare, outbox, atomically }: SqliteContext): Repositories['forms'] {
  const formById = prepare<[string], FormRow>('SELECT * FROM forms WHERE id = ?')
  const count = (sql: string, ...params: string[]) => (prepare(sql).get(...params) as { n: number }).n

  return {
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
      const q = filter.q?.toLowerCase()
      const indexed = q !== undefined && [...q].length >= INDEXED_QUERY
      const filtered = formWhere(filter, q, indexed)
      // the total: from the per-owner, per-status counts; for a search, from the index alone when nothing else filters
      const total = q === undefined
        ? count(`SELECT coalesce(sum(n), 0) AS n FROM form_counts ${filtered.where}`, ...filtered.params)
        : filter.status === undefined && filter.owner_id === undefined && indexed
          ? count('SELECT count(*) AS n FROM forms_search WHERE forms_search MATCH ?', phrase(q))
          : count(`SELECT count(*) AS n FROM forms ${filtered.where}`, ...filtered.params)
      const offset = (page - 1) * perPage
      if (total <= offset) return { items: [], total }
      // an ordered scan reads about `forms / total` rows for each match it returns
      const viaIndex = indexed && (offset + perPage) * count('SELECT count(*) AS n FROM forms') > INDEX_ROW_COST * total * total
      const { where, params } = viaIndex ? filtered : formWhere(filter, q, false)
      const rows = prepare(`SELECT * FROM forms ${where} ORDER BY updated_at DESC, id DESC LIMIT ? OFFSET ?`)
        .all(...params, perPage, offset) as FormRow[]
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
      return count('SELECT coalesce(sum(n), 0) AS n FROM form_counts WHERE owner_id = ?', ownerId)
    },

    async countByStatus (ownerId) {
      const rows = (ownerId === undefined
        ? prepare('SELECT status, sum(n) AS n FROM form_counts GROUP BY status').all()
        : prepare('SELECT status, n FROM form_counts WHERE owner_id = ?').all(ownerId)
      ) as Array<{ status: FormStatus, n: number }>
      const counts: StatusCounts = { draft: 0, published: 0, archived: 0 }
      for (const row of rows) counts[row.status] = row.n
      return counts
    }
  }
}

import type { FormResponse } from '../../../schemas/responses.js'
import { newObjectId } from '../ids.js'
import type { FieldSummaries, Repositories } from '../port.js'
import { insertChild, now, type SqliteContext } from './context.js'

interface ResponseRow { id: string, form_id: string, form_version: number, answers: string, submitted_at: string, updated_at: string }

const toResponse = (row: ResponseRow): FormResponse => ({
  id: row.id,
  form_id: row.form_id,
  form_version: row.form_version,
  answers: JSON.parse(row.answers),
  submitted_at: row.submitted_at,
  updated_at: row.updated_at
})

const ownerClause = (ownerId: string | undefined) =>
  ownerId === undefined ? { sql: '', params: [] as string[] } : { sql: 'AND f.owner_id = ?', params: [ownerId] }

export function createSqliteResponses ({ prepare, atomically }: SqliteContext): Repositories['responses'] {
  const responseById = prepare<[string, string], ResponseRow>('SELECT * FROM responses WHERE id = ? AND form_id = ?')

  return {
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
      // each form's count is kept by triggers (sqlite/schema.ts): the first rows of an index
      const owner = ownerClause(ownerId)
      return prepare(`SELECT f.id AS form_id, f.title AS title, f.response_count AS count FROM forms f WHERE 1 = 1 ${owner.sql}
        ORDER BY f.response_count DESC, f.updated_at DESC LIMIT ?`).all(...owner.params, limit) as Array<{ form_id: string, title: string, count: number }>
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
  }
}

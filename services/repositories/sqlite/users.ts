import type { SessionUser, StoredUser, User } from '../../../schemas/users.js'
import { DuplicateError } from '../../infra/errors.js'
import { newObjectId } from '../ids.js'
import type { Repositories } from '../port.js'
import { isUniqueViolation, now, type SqliteContext } from './context.js'

const USER_COLUMNS = 'id, email, name, role, created_at, updated_at'

export function createSqliteUsers ({ prepare, atomically }: SqliteContext): Repositories['users'] {
  const userById = prepare<[string], User>(`SELECT ${USER_COLUMNS} FROM users WHERE id = ?`)

  return {
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
  }
}

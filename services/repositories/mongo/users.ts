import { ObjectId } from 'mongodb'
import { DuplicateError } from '../../infra/errors.js'
import type { Repositories } from '../port.js'
import { idMatch, idsMatch, parseId, RECENT_USER_ORDER, USER_ORDER, userUpdate, type UserDoc } from './queries.js'
import { iso, type MongoContext } from './context.js'
import type { SessionUser, StoredUser, User } from '../../../schemas/users.js'

const toUser = (doc: Omit<UserDoc, 'password_hash' | 'email_key'>): User => ({
  id: doc._id.toHexString(),
  email: doc.email,
  name: doc.name,
  role: doc.role,
  created_at: iso(doc.created_at),
  updated_at: iso(doc.updated_at)
})

const toSessionUser = (doc: Omit<UserDoc, 'password_hash' | 'email_key'>): SessionUser =>
  ({ ...toUser(doc), token_generation: doc.token_generation ?? 0 })

// The password hash leaves the database only through findByEmail.
const PUBLIC_USER = { projection: { password_hash: 0, email_key: 0 } } as const

const isDuplicateKey = (err: unknown) => (err as { code?: unknown } | null)?.code === 11000

async function duplicateAsDomainError<T> (write: Promise<T>): Promise<T> {
  try {
    return await write
  } catch (err) {
    if (isDuplicateKey(err)) throw new DuplicateError('A user with this email already exists')
    throw err
  }
}

export function createMongoUsers ({ users, dashboards, atomically }: MongoContext): Repositories['users'] {
  return {
    async create (input) {
      const at = new Date()
      const doc: UserDoc = {
        _id: new ObjectId(),
        email: input.email,
        email_key: input.email.toLowerCase(),
        name: input.name,
        role: input.role,
        password_hash: input.password_hash,
        created_at: at,
        updated_at: at
      }
      await duplicateAsDomainError(users.insertOne(doc))
      return toUser(doc)
    },

    async findById (id) {
      const doc = await users.findOne({ _id: idMatch(id) }, PUBLIC_USER)
      return doc === null ? null : toUser(doc)
    },

    async findByIds (ids) {
      const docs = await users.find({ _id: idsMatch(ids) }, PUBLIC_USER).toArray()
      return docs.map(toUser)
    },

    async findByEmail (email) {
      const doc = await users.findOne({ email_key: email.toLowerCase() })
      return doc === null ? null : { ...toSessionUser(doc), password_hash: doc.password_hash } satisfies StoredUser
    },

    async list ({ page, per_page: perPage }) {
      const [docs, total] = await Promise.all([
        users.find({}, PUBLIC_USER).sort(USER_ORDER).skip((page - 1) * perPage).limit(perPage).toArray(),
        users.countDocuments()
      ])
      return { items: docs.map(toUser), total }
    },

    async recent (limit) {
      const docs = await users.find({}, PUBLIC_USER).sort(RECENT_USER_ORDER).limit(limit).toArray()
      return docs.map(toUser)
    },

    async update (id, changes, owed) {
      return atomically(async (session) => {
        const doc = await duplicateAsDomainError(users.findOneAndUpdate(
          { _id: idMatch(id) }, userUpdate(changes, new Date()), { ...PUBLIC_USER, returnDocument: 'after', session }))
        return doc === null ? null : toUser(doc)
      }, owed)
    },

    async delete (id, owed) {
      const _id = parseId(id)
      if (_id === null) return false
      return atomically(async (session) => {
        const { deletedCount } = await users.deleteOne({ _id }, { session })
        await dashboards.deleteOne({ _id }, { session })
        return deletedCount === 1
      }, owed)
    },

    count () {
      return users.countDocuments()
    },

    async findSession (id) {
      const doc = await users.findOne({ _id: idMatch(id) }, PUBLIC_USER)
      return doc === null ? null : toSessionUser(doc)
    },

    async findSessions (ids) {
      const docs = await users.find({ _id: idsMatch(ids) }, PUBLIC_USER).toArray()
      return docs.map(toSessionUser)
    },

    async revokeTokens (id, owed) {
      return atomically(async (session) => {
        const doc = await users.findOneAndUpdate({ _id: idMatch(id) }, { $inc: { token_generation: 1 } }, { ...PUBLIC_USER, returnDocument: 'after', session })
        return doc === null ? null : toSessionUser(doc)
      }, owed)
    }
  }
}

import type { Paging } from '../../schemas/common.js'
import type { Role, SessionUser, User } from '../../schemas/users.js'
import { BadRequestError, ConflictError, ForbiddenError, NotFoundError, UnauthorizedError } from '../infra/errors.js'
import type { EventBus } from '../infra/events.js'
import { dummyHash, hashPassword, verifyPassword } from '../infra/passwords.js'
import type { Repositories, UserChanges } from '../repositories/port.js'
import type { CacheService } from '../cache/cache-service.js'
import { cacheEntries } from '../caching/cache-entries.js'

export interface UserInput { email: string, name: string, password: string, role?: Role }
export type UserUpdate = Partial<UserInput>
/** What users may change about themselves. */
export interface OwnUserUpdate { name?: string, password?: string, current_password?: string }

export interface UserServiceDeps {
  repositories: Repositories
  events: EventBus
  cache: Pick<CacheService, 'getOrSet' | 'peekShared'>
}

export function createUserService ({ repositories, events, cache }: UserServiceDeps) {
  const { users, forms } = repositories

  async function get (id: string): Promise<User> {
    const user = await users.findById(id)
    if (user === null) throw new NotFoundError('User')
    return user
  }

  async function toChanges (update: UserUpdate): Promise<UserChanges> {
    const { password, ...rest } = update
    return password === undefined ? rest : { ...rest, password_hash: await hashPassword(password) }
  }

  return {
    get,

    /**
     * The user a token belongs to, with their token generation, on every
     * request, through the user_session cache; a role change, a password
     * change, a revocation or a deletion invalidates it, so it applies at once.
     */
    /** The session when the in-process tier has it (synchronously), else undefined. */
    peekSession (id: string): SessionUser | undefined {
      const entry = cacheEntries.userSession(id)
      return cache.peekShared<SessionUser | null>(entry.kind, entry.key, { loader: () => users.findSession(id), tags: entry.tags }) ?? undefined
    },

    lookup (id: string): Promise<SessionUser | null> {
      const entry = cacheEntries.userSession(id)
      // read on every request: shared and decoded once while it is in the in-process tier (read-only)
      return cache.getOrSet(entry.kind, entry.key, () => users.findSession(id), { tags: entry.tags, shared: true })
    },

    /**
     * Same answer, and about the same time, for an unknown email and a wrong
     * password. The token generation comes from the same read as the hash, so
     * a token is never issued in a generation the password did not belong to.
     */
    async login (email: string, password: string): Promise<SessionUser> {
      const stored = await users.findByEmail(email)
      const valid = await verifyPassword(password, stored?.password_hash ?? await dummyHash())
      if (stored === null || !valid) throw new UnauthorizedError('Invalid email or password')
      const { password_hash: _hash, ...user } = stored
      return user
    },

    /** One's own name, or one's own password (proven with the current one); a new password ends every session. */
    async updateOwn (actor: User, update: OwnUserUpdate): Promise<User> {
      const { current_password: current, ...changes } = update
      if (changes.password !== undefined || current !== undefined) {
        if (changes.password === undefined) throw new BadRequestError('current_password: only needed to change the password')
        if (current === undefined) throw new BadRequestError('current_password: required to change the password')
        const stored = await users.findByEmail(actor.email)
        if (stored === null || stored.id !== actor.id) throw new NotFoundError('User')
        if (!await verifyPassword(current, stored.password_hash)) throw new ForbiddenError('current_password: does not match')
      }
      const before = await get(actor.id)
      const updated = events.prepare('user.updated', (user: User) => ({ before, user }))
      const user = await users.update(actor.id, await toChanges(changes), updated.owed)
      if (user === null) throw new NotFoundError('User')
      await updated.emit()
      return user
    },

    /** Refuses every token issued to the user so far (an admin's "sign out everywhere"). */
    async revokeSessions (id: string): Promise<void> {
      const before = await get(id)
      // the cached session carries the old generation: drop it like any change to the user
      const revoked = events.prepare('user.updated', ({ token_generation: _generation, ...user }: SessionUser) => ({ before, user }))
      if (await users.revokeTokens(id, revoked.owed) === null) throw new NotFoundError('User')
      await revoked.emit()
    },

    list (paging: Paging) {
      return users.list(paging)
    },

    async create (input: UserInput): Promise<User> {
      const user = await users.create({
        email: input.email,
        name: input.name,
        role: input.role ?? 'viewer',
        password_hash: await hashPassword(input.password)
      })
      await events.emit('user.created', { user })
      return user
    },

    async update (actor: User, id: string, update: UserUpdate): Promise<User> {
      const before = await get(id)
      if (actor.id === id && update.role !== undefined && update.role !== 'admin') {
        throw new ConflictError('Admins cannot demote themselves')
      }
      const updated = events.prepare('user.updated', (user: User) => ({ before, user }))
      const user = await users.update(id, await toChanges(update), updated.owed)
      if (user === null) throw new NotFoundError('User')
      await updated.emit()
      return user
    },

    async remove (actor: User, id: string): Promise<void> {
      if (actor.id === id) throw new ConflictError('Admins cannot delete themselves')
      const user = await get(id)
      const owned = await forms.countByOwner(id)
      if (owned > 0) throw new ConflictError(`The user owns ${owned} form(s): reassign or delete them first`)
      const deleted = events.prepare('user.deleted', () => ({ user }))
      if (!await users.delete(id, deleted.owed)) throw new NotFoundError('User')
      await deleted.emit()
    },

    /** Creates the first admin at start-up when no user exists yet. */
    async bootstrapAdmin (email: string, password: string): Promise<User | null> {
      if (await users.count() > 0) return null
      try {
        return await users.create({ email, name: 'Administrator', role: 'admin', password_hash: await hashPassword(password) })
      } catch (err) {
        // another instance starting at the same time won the race
        if ((err as { code?: string }).code === 'DUPLICATE') return null
        throw err
      }
    }
  }
}

export type UserService = ReturnType<typeof createUserService>

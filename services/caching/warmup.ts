import type { CacheService } from '../cache/cache-service.js'
import { cacheEntries, type CacheEntry } from './cache-entries.js'
import type { Repositories } from '../repositories/port.js'

/** How many forms and users a warmup from the database takes (the most recently updated). */
export const WARMUP_LIMIT = 100

/** Ids to warm; a list left out warms nothing of its kind. */
export interface WarmupRequest {
  forms?: readonly string[]
  users?: readonly string[]
}

export interface WarmupResult {
  /** `request`: the ids given; `database`: the most recently updated published forms and users. */
  source: 'request' | 'database'
  forms_warmed: number
  users_warmed: number
  /** Requested ids the database does not know: nothing was cached for them. */
  forms_not_found: string[]
  users_not_found: string[]
  duration_ms: number
}

export interface ProgressLog {
  info (obj: object, msg: string): void
}

export interface WarmupDeps {
  cache: Pick<CacheService, 'warm'>
  repositories: Pick<Repositories, 'forms' | 'users'>
  limit?: number
}

interface KindResult { warmed: number, notFound: string[] }

/**
 * Pre-fills the form_schema and user_session caches from the database. Values
 * are always read from the database, never taken from the caller, and read
 * after the entries' tag versions (through `cache.warm`), so a write that
 * lands during the warmup is never overwritten by what was read before it.
 */
export function createWarmupService ({ cache, repositories, limit = WARMUP_LIMIT }: WarmupDeps) {
  async function warmKind<T extends { id: string }> (ids: readonly string[], entryOf: (id: string) => CacheEntry,
    load: (ids: readonly string[]) => Promise<T[]>): Promise<KindResult> {
    const unique = [...new Set(ids)]
    if (unique.length === 0) return { warmed: 0, notFound: [] }
    const entries = unique.map(entryOf)
    let found: Set<string> | undefined
    const warmed = await cache.warm(entries[0]!.kind, entries, async () => {
      const byId = new Map((await load(unique)).map((value) => [value.id, value]))
      found = new Set(byId.keys())
      return unique.map((id) => byId.get(id) ?? null)
    })
    // a disabled cache never asks for the values: nothing is known to be missing
    return { warmed, notFound: found === undefined ? [] : unique.filter((id) => !found!.has(id)) }
  }

  async function warm (source: WarmupResult['source'], formIds: readonly string[], userIds: readonly string[], progress?: ProgressLog): Promise<WarmupResult> {
    const started = performance.now()
    const [forms, users] = await Promise.all([
      warmKind(formIds, cacheEntries.form, (ids) => repositories.forms.findByIds(ids)).then((result) => {
        progress?.info({ kind: 'form_schema', warmed: result.warmed, not_found: result.notFound.length }, 'cache warmup: forms done')
        return result
      }),
      warmKind(userIds, cacheEntries.userSession, (ids) => repositories.users.findSessions(ids)).then((result) => {
        progress?.info({ kind: 'user_session', warmed: result.warmed, not_found: result.notFound.length }, 'cache warmup: users done')
        return result
      })
    ])
    return {
      source,
      forms_warmed: forms.warmed,
      users_warmed: users.warmed,
      forms_not_found: forms.notFound,
      users_not_found: users.notFound,
      duration_ms: Math.round((performance.now() - started) * 100) / 100
    }
  }

  return {
    /** The given forms and users, read from the database. */
    fromIds (request: WarmupRequest, progress?: ProgressLog): Promise<WarmupResult> {
      return warm('request', request.forms ?? [], request.users ?? [], progress)
    },

    /**
     * The most recently updated published forms (the ones being answered) and
     * the most recently updated users. Only their ids are taken from these
     * listings: the values are read again after the tag versions.
     */
    async fromDatabase (progress?: ProgressLog): Promise<WarmupResult> {
      const [{ items: forms }, users] = await Promise.all([
        repositories.forms.list({ status: 'published' }, { page: 1, per_page: limit }),
        repositories.users.recent(limit)
      ])
      progress?.info({ forms: forms.length, users: users.length }, 'cache warmup: warming the most recently updated published forms and users')
      return warm('database', forms.map((form) => form.id), users.map((user) => user.id), progress)
    }
  }
}

export type WarmupService = ReturnType<typeof createWarmupService>

/** Whether the task settles within `ms`; it goes on either way (and must handle its own errors). */
export async function settlesWithin (task: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<false>((resolve) => { timer = setTimeout(resolve, ms, false) })
  try {
    return await Promise.race([task.then(() => true, () => true), timeout])
  } finally {
    clearTimeout(timer)
  }
}

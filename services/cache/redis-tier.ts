import type { Redis } from 'ioredis'
import type { CircuitBreaker } from './breaker.js'
import { GLOBAL_TAG, type Keyspace } from './keys.js'
import { CACHE_KINDS, type CacheKind } from './kinds.js'
import { ACQUIRE, ENSURE_VERSIONS, EXTEND_LOCK, INVALIDATE, RELEASE_LOCK, STORE } from './scripts.js'

type Arg = string | Buffer | number

interface Scripts {
  cacheStore (keys: number, ...args: Arg[]): Promise<number>
  cacheAcquireBuffer (keys: number, ...args: Arg[]): Promise<Array<number | Buffer | null>>
  cacheEnsureVersions (keys: number, ...args: Arg[]): Promise<string[]>
  cacheInvalidate (keys: number, ...args: Arg[]): Promise<number[]>
  cacheReleaseLock (key: string, token: string): Promise<number>
  cacheExtendLock (key: string, token: string, ttlMs: number): Promise<number>
}

export interface StoreRequest {
  kind: CacheKind
  key: string
  tags: readonly string[]
  versions: readonly string[]
  bytes: Buffer
  ttlMs: number
  maxEntries: number
  /** Released in the same step when this store ends a loader's lock. */
  lockToken?: string
}

export type KindCounts = Record<CacheKind, number>

export interface RedisTierOptions {
  client: Redis
  keys: Keyspace
  breaker: CircuitBreaker
  /** How long a tag version outlives the entries computed under it. */
  versionTtlMs: number
  onError: (operation: string, err: unknown) => void
}

const isTimeout = (err: unknown) => /timed? ?out/i.test((err as Error).message)
const SCAN_BATCH = 500

/**
 * The Redis tier (L2). Every operation goes through the circuit breaker and
 * the client's per-command deadline; a failed or skipped operation resolves
 * to `undefined` and never throws, so callers fall back to the database.
 */
export function createRedisTier ({ client, keys, breaker, versionTtlMs, onError }: RedisTierOptions) {
  client.defineCommand('cacheStore', { lua: STORE })
  client.defineCommand('cacheAcquire', { lua: ACQUIRE })
  client.defineCommand('cacheEnsureVersions', { lua: ENSURE_VERSIONS })
  client.defineCommand('cacheInvalidate', { lua: INVALIDATE })
  client.defineCommand('cacheReleaseLock', { lua: RELEASE_LOCK, numberOfKeys: 1 })
  client.defineCommand('cacheExtendLock', { lua: EXTEND_LOCK, numberOfKeys: 1 })
  const redis = client as Redis & Scripts

  async function guarded<T> (operation: string, run: () => Promise<T>, force = false): Promise<T | undefined> {
    if (!force && !breaker.allows()) return undefined
    try {
      const result = await run()
      breaker.success()
      return result
    } catch (err) {
      onError(operation, err)
      // A timeout means Redis is already slower than our budget: stop paying it now.
      breaker.failure(err, { trip: isTimeout(err) })
      return undefined
    }
  }

  const versionKeys = (tags: readonly string[]) => tags.map(keys.tagVersion)
  const indexKeys = (tags: readonly string[]) => tags.filter((tag) => tag !== GLOBAL_TAG).map(keys.tagIndex)

  function storeArgs (request: StoreRequest): [number, ...Arg[]] {
    const entryKey = keys.entry(request.kind, request.key)
    const keyList = [entryKey, keys.kindIndex(request.kind), keys.lock(entryKey), ...versionKeys(request.tags), ...indexKeys(request.tags)]
    return [keyList.length, ...keyList, request.bytes, request.ttlMs, request.maxEntries, request.versions.length,
      request.lockToken ?? '', ...request.versions]
  }

  return {
    usable: () => breaker.allows(),

    /**
     * One round trip: the entry, the current versions of its tags and, when
     * asked, the lock key (to know whether a loader elsewhere still runs).
     */
    async read (entryKey: string, tags: readonly string[], lockKey?: string) {
      const keyList = [entryKey, ...versionKeys(tags), ...(lockKey === undefined ? [] : [lockKey])]
      const values = await guarded('read', () => redis.mgetBuffer(...keyList))
      if (values === undefined) return undefined
      return {
        entry: values[0] ?? null,
        versions: values.slice(1, 1 + tags.length).map((v) => v === null ? null : v.toString('latin1')),
        locked: lockKey !== undefined && values[values.length - 1] !== null
      }
    },

    /** The current versions of the tags, creating missing ones from fresh candidates. */
    ensureVersions (tags: readonly string[], candidates: readonly string[]) {
      return guarded('ensureVersions', () =>
        redis.cacheEnsureVersions(tags.length, ...versionKeys(tags), versionTtlMs, ...candidates))
    },

    /** -1: a tag version moved since it was read (nothing stored); else the entries evicted by the size limit. */
    store (request: StoreRequest) {
      return guarded('store', () => redis.cacheStore(...storeArgs(request)))
    },

    /** Several stores in one round trip. */
    async storeMany (requests: readonly StoreRequest[]): Promise<number[] | undefined> {
      if (requests.length === 0) return []
      return guarded('storeMany', async () => {
        const pipeline = redis.pipeline() as ReturnType<Redis['pipeline']> & { cacheStore (...args: Arg[]): unknown }
        for (const request of requests) pipeline.cacheStore(...storeArgs(request))
        const results = await pipeline.exec()
        return (results ?? []).map(([err, result]) => err === null ? Number(result) : -1)
      })
    },

    /**
     * New versions for the tags, their indexed entries dropped, and `message`
     * published to every instance, in one round trip; counts per kind.
     */
    async invalidate (tags: readonly string[], newVersions: readonly string[], message: string, force = false): Promise<KindCounts | undefined> {
      const keyList = [...CACHE_KINDS.map(keys.kindIndex), ...tags.flatMap((tag) => [keys.tagVersion(tag), keys.tagIndex(tag)])]
      const prefixes = keys.entryPrefixes.map(([, prefix]) => prefix)
      const counts = await guarded('invalidate', () => redis.cacheInvalidate(keyList.length, ...keyList, CACHE_KINDS.length, ...prefixes,
        versionTtlMs, keys.channel, message, ...newVersions), force)
      return counts === undefined ? undefined : Object.fromEntries(CACHE_KINDS.map((kind, i) => [kind, Number(counts[i])])) as KindCounts
    },

    /** Takes the loader lock if free, and reads the entry and its tag versions, in one round trip. */
    async acquire (lockKey: string, token: string, ttlMs: number, entryKey: string, tags: readonly string[]) {
      const keyList = [lockKey, entryKey, ...versionKeys(tags)]
      const reply = await guarded('acquire', () => redis.cacheAcquireBuffer(keyList.length, ...keyList, token, ttlMs))
      if (reply === undefined) return undefined
      return {
        acquired: Number(reply[0]) === 1,
        entry: (reply[1] ?? null) as Buffer | null,
        versions: reply.slice(2).map((v) => v === null || v === undefined ? null : (v as Buffer).toString('latin1'))
      }
    },

    releaseLock (lockKey: string, token: string) {
      return guarded('unlock', () => redis.cacheReleaseLock(lockKey, token))
    },

    extendLock (lockKey: string, token: string, ttlMs: number) {
      return guarded('extendLock', () => redis.cacheExtendLock(lockKey, token, ttlMs))
    },

    /** SCAN + UNLINK in batches, only keys under our prefix matching the glob. */
    async deleteMatching (glob: string, force = false): Promise<{ keys: number, entries: KindCounts } | undefined> {
      return guarded('deleteMatching', async () => {
        const entries = Object.fromEntries(CACHE_KINDS.map((kind) => [kind, 0])) as KindCounts
        let deleted = 0
        let cursor = '0'
        do {
          const [next, found] = await redis.scan(cursor, 'MATCH', keys.prefix + glob, 'COUNT', SCAN_BATCH)
          cursor = next
          if (found.length === 0) continue
          deleted += await redis.unlink(...found)
          for (const key of found) {
            const kind = keys.kindOf(key)
            if (kind !== undefined) entries[kind]++
          }
        } while (cursor !== '0')
        return { keys: deleted, entries }
      }, force)
    },

    publish (message: string, force = false) {
      return guarded('publish', () => redis.publish(keys.channel, message), force)
    },

    /** Live entries per kind in Redis (the kind indexes, scored by expiry). */
    async entryCounts (): Promise<KindCounts | undefined> {
      return guarded('entryCounts', async () => {
        const pipeline = redis.pipeline()
        const now = Date.now()
        for (const kind of CACHE_KINDS) pipeline.zcount(keys.kindIndex(kind), now, '+inf')
        const results = await pipeline.exec()
        return Object.fromEntries(CACHE_KINDS.map((kind, i) => [kind, Number(results?.[i]?.[1] ?? 0)])) as KindCounts
      })
    },

    /** used_memory, used_memory_human, evicted_keys, ... from INFO. */
    async info (): Promise<Record<string, string> | undefined> {
      const text = await guarded('info', async () => `${await redis.info('memory')}\n${await redis.info('stats')}`)
      if (text === undefined) return undefined
      return Object.fromEntries(text.split(/\r?\n/).filter((l) => l.includes(':')).map((l) => l.split(':', 2) as [string, string]))
    },

    /** A round trip that bypasses the breaker: the breaker's own probe. */
    async ping (): Promise<number> {
      const started = performance.now()
      await redis.ping()
      return performance.now() - started
    }
  }
}

export type RedisTier = ReturnType<typeof createRedisTier>

import type { Cluster, Redis } from 'ioredis'
import type { CircuitBreaker } from './breaker.js'
import { GLOBAL_TAG, type Keyspace } from './keys.js'
import { CACHE_KINDS } from './kinds.js'
import { BACK_OFF, EPOCH, EXTEND_LOCK, RELEASE_LOCK, TRIM } from './scripts.js'
import { stalledMs } from './stalls.js'
import { zeroCounts, type KindCounts } from './types.js'

export type RedisClient = Redis | Cluster

/** host:port of the server a client is connected to (a Sentinel client's options name no master). */
function addressOf (node: Redis): string {
  const stream = (node as Redis & { stream?: { remoteAddress?: string, remotePort?: number } }).stream
  return stream?.remoteAddress !== undefined ? `${stream.remoteAddress}:${stream.remotePort}` : `${node.options.host}:${node.options.port}`
}

const isCluster = (client: RedisClient): client is Cluster => 'nodes' in client && typeof client.nodes === 'function' && client.isCluster

/** The servers that hold data: the masters of a Cluster, or the one Redis. */
const dataNodes = (client: RedisClient): Redis[] => isCluster(client) ? client.nodes('master') : [client as Redis]

interface Scripts {
  cacheExtendLock (lock: string, value: string, ttlMs: number): Promise<number>
  cacheReleaseLock (lock: string, value: string): Promise<number>
  cacheBackOff (lock: string, value: string, ms: number): Promise<number>
  cacheTrim (index: string, now: number, limit: number): Promise<[number, ...string[]]>
  cacheEpoch (version: string, server: string, runId: string, candidate: string): Promise<[number, string]>
}

/** What a store writes: the entry, its size-index member, the versions it creates, and the lock it ends. */
export interface StoreRequest {
  /** The entry's name (see keys.ts `stored`). */
  name: string
  bytes: Buffer
  /** Redis keeps the entry this long: its TTL and its grace period. */
  keepMs: number
  bucketKey: string
  /** Score in the size index: when Redis drops the entry. */
  dropAt: number
  /** Versions of tags that had none when the value's versions were read: created only if still absent. */
  createVersions: ReadonlyArray<readonly [tag: string, version: string]>
  /** A lock beside the entry to delete (a lock held in the entry's own name is overwritten by it). */
  lockKey?: string
}

export interface RedisTierOptions {
  client: RedisClient
  keys: Keyspace
  breaker: CircuitBreaker
  /** How long a tag version key lives after it was last set (longer than any entry computed under it); the epoch's never expires. */
  versionTtlMs: number
  /** `spublish` on a Redis Cluster (sharded pub/sub), `publish` elsewhere. */
  publishCommand?: 'publish' | 'spublish'
  onError: (operation: string, err: unknown) => void
}

/**
 * What a read found under a name: an entry (its bytes), nothing (with a lock
 * value: nothing, and the lock is now the caller's), another loader's lock, or
 * the backoff marker a failed load left for a while.
 */
export type ReadStatus = 'entry' | 'absent' | 'locked' | 'held' | 'backoff'

// A lock's value starts with LOCK_MARK, a backoff marker is BACKOFF_MARK; an entry's first byte is 0 or 1 (codec.ts).
const LOCK_MARK = 'L'
const BACKOFF_MARK = 0x21 // '!'

/** The value of a loader's lock: who holds it. */
export const lockValue = (token: string) => LOCK_MARK + token

function readOutcome (bytes: Buffer | null, locking: boolean): { bytes: Buffer | null, status: ReadStatus } {
  if (bytes === null) return { bytes, status: locking ? 'locked' : 'absent' }
  if (bytes[0] === LOCK_MARK.charCodeAt(0)) return { bytes: null, status: 'held' }
  if (bytes[0] === BACKOFF_MARK) return { bytes: null, status: 'backoff' }
  return { bytes, status: 'entry' }
}

const parseInfo = (text: string) =>
  Object.fromEntries(text.split(/\r?\n/).filter((l) => l.includes(':')).map((l) => l.split(':', 2) as [string, string]))

/** "1.50M", as Redis' used_memory_human. */
export function humanBytes (bytes: number): string {
  const units = ['B', 'K', 'M', 'G']
  let value = bytes
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) { value /= 1024; unit++ }
  return unit === 0 ? `${value}B` : `${value.toFixed(2)}${units[unit]}`
}

const isTimeout = (err: unknown) => /timed? ?out/i.test((err as Error).message)

/** The per-command deadline the client was given (ioredis' `commandTimeout`). */
const deadlineOf = (client: RedisClient) =>
  (isCluster(client) ? client.options.redisOptions?.commandTimeout : client.options.commandTimeout) ?? Infinity

const SCAN_BATCH = 2000

/**
 * The Redis tier (L2). Every operation goes through the circuit breaker and
 * the client's per-command deadline; a failed or skipped operation resolves
 * to `undefined` and never throws, so callers fall back to the database. Each
 * sends its commands at once (one round trip of wall time, whatever node they go to).
 */
export function createRedisTier ({ client, keys, breaker, versionTtlMs, publishCommand = 'publish', onError }: RedisTierOptions) {
  client.defineCommand('cacheExtendLock', { lua: EXTEND_LOCK, numberOfKeys: 1 })
  client.defineCommand('cacheReleaseLock', { lua: RELEASE_LOCK, numberOfKeys: 1 })
  client.defineCommand('cacheBackOff', { lua: BACK_OFF, numberOfKeys: 1 })
  client.defineCommand('cacheTrim', { lua: TRIM, numberOfKeys: 1 })
  client.defineCommand('cacheEpoch', { lua: EPOCH, numberOfKeys: 2 })
  const redis = client as RedisClient & Scripts
  const cluster = isCluster(client)
  const deadlineMs = deadlineOf(client)

  async function guarded<T> (operation: string, run: () => Promise<T>, force = false): Promise<T | undefined> {
    if (!force && !breaker.allows()) return undefined
    const stalledBefore = stalledMs()
    try {
      const result = await run()
      breaker.success()
      return result
    } catch (err) {
      onError(operation, err)
      // A timeout means Redis is already slower than our budget: stop paying it now. Unless
      // this process stood still for much of the wait (a synchronous call held the event
      // loop, as SQLite waiting on a lock does): Redis may well have answered in time.
      const timedOut = isTimeout(err)
      if (!timedOut || stalledMs() - stalledBefore < deadlineMs / 2) breaker.failure(err, { trip: timedOut })
      return undefined
    }
  }

  const publish = (message: string) => publishCommand === 'spublish'
    ? (redis as Redis).spublish(keys.channel, message)
    : redis.publish(keys.channel, message)

  return {
    usable: () => breaker.allows(),

    /**
     * What `name` holds, in one command. With a lock value (`lockValue`), the
     * name becomes the caller's lock when it holds nothing: `SET NX GET`, so a
     * hit costs what a GET costs, and a miss takes the lock in the same step.
     */
    async read (name: string, lock?: string, lockTtlMs = 0) {
      const bytes = await guarded('read', () => lock === undefined
        ? redis.getBuffer(name)
        : redis.setBuffer(name, lock, 'PX', lockTtlMs, 'NX', 'GET') as Promise<Buffer | null>)
      return bytes === undefined ? undefined : readOutcome(bytes, lock !== undefined)
    },

    /** The current versions of the tags (null where none exists). */
    async versions (tags: readonly string[], force = false): Promise<Array<string | null> | undefined> {
      if (tags.length === 0) return []
      return guarded('versions', () => Promise.all(tags.map((tag) => redis.get(keys.tagVersion(tag)))), force)
    },

    /**
     * Writes an entry (creating the versions it was computed under if they are
     * still absent) and ends its lock. Resolves with, for each version to create,
     * the one already there (null: this store created it).
     */
    store (request: StoreRequest) {
      return guarded('store', async () => {
        const [there] = await Promise.all([
          Promise.all(request.createVersions.map(([tag, version]) => tag === GLOBAL_TAG
            ? redis.set(keys.epochVersion, version, 'NX', 'GET')
            : redis.set(keys.tagVersion(tag), version, 'PX', versionTtlMs, 'NX', 'GET'))),
          redis.set(request.name, request.bytes, 'PX', request.keepMs),
          redis.zadd(request.bucketKey, request.dropAt, request.name),
          ...(request.lockKey === undefined ? [] : [redis.del(request.lockKey)])
        ])
        return there
      })
    },

    /** Writes an entry again, recording other versions (see fill.ts: a version another first load created). */
    rewrite (name: string, bytes: Buffer, keepMs: number) {
      return guarded('store', () => redis.set(name, bytes, 'PX', keepMs))
    },

    /** Holds a size index to `limit`; the entries it pushed out are deleted. */
    async trim (bucketKey: string, limit: number) {
      return guarded('trim', async () => {
        const [left, ...victims] = await redis.cacheTrim(bucketKey, Date.now(), limit)
        if (victims.length > 0) await Promise.all(victims.map((key) => redis.unlink(key)))
        return { left: Number(left), evicted: victims.length }
      })
    },

    extendLock (lockKey: string, lock: string, ttlMs: number) {
      return guarded('extendLock', () => redis.cacheExtendLock(lockKey, lock, ttlMs))
    },

    releaseLock (lockKey: string, lock: string) {
      return guarded('releaseLock', () => redis.cacheReleaseLock(lockKey, lock))
    },

    /** Takes the lock if it is free (a background refresh: one at a time across instances). */
    async tryLock (lockKey: string, lock: string, ttlMs: number): Promise<boolean> {
      return await guarded('tryLock', () => redis.set(lockKey, lock, 'PX', ttlMs, 'NX')) === 'OK'
    },

    /** A failed load: the lock becomes a backoff marker for `ms`, so no instance retries before. */
    backOff (lockKey: string, lock: string, ms: number) {
      return guarded('backOff', () => redis.cacheBackOff(lockKey, lock, ms))
    },

    /**
     * New versions for the tags and `message` to every instance, at once. With
     * `force`, past an open breaker: a write must reach the others whenever Redis answers.
     */
    async invalidate (tags: readonly string[], versions: readonly string[], message: string, force = false): Promise<boolean> {
      const done = await guarded('invalidate', async () => {
        const stored = Promise.all(tags.map((tag, i) => tag === GLOBAL_TAG
          ? redis.set(keys.epochVersion, versions[i]!)
          : redis.set(keys.tagVersion(tag), versions[i]!, 'PX', versionTtlMs)))
        // The message must not overtake the new versions: an instance that hears it reads them
        // next, and would trust an old one. One connection keeps the order; a Cluster's nodes do
        // not (the versions and the channel live on different masters), so there it waits.
        if (cluster) await stored
        await Promise.all([stored, publish(message)])
        return true
      }, force)
      return done === true
    },

    publish (message: string, force = false) {
      return guarded('publish', () => publish(message), force)
    },

    /** The epoch for this server (a new one when the server changed). Bypasses the breaker: its probe asks. */
    async epoch (runId: string, candidate: string) {
      const [outcome, version] = await redis.cacheEpoch(keys.epochVersion, keys.epochServer, runId, candidate)
      return { changed: Number(outcome) !== 0, first: Number(outcome) === 2, version: String(version) }
    },

    /**
     * Which servers hold the data: the run_id of each (new after every restart;
     * another one after a failover), sorted, for a Cluster one per master.
     */
    async servers (): Promise<string> {
      const nodes = dataNodes(redis)
      if (nodes.length === 0) throw new Error('no redis master known yet')
      const ids = await Promise.all(nodes.map(async (node) => {
        const runId = /run_id:(\w+)/.exec(await node.info('server'))?.[1]
        if (runId === undefined) throw new Error('INFO server has no run_id')
        return runId
      }))
      return ids.sort().join(',')
    },

    /** SCAN + UNLINK in batches: the cache's own keys under the prefix that match the glob. */
    async deleteMatching (glob: string, force = false): Promise<{ keys: number, entries: KindCounts } | undefined> {
      return guarded('deleteMatching', async () => {
        const entries = zeroCounts()
        // each batch's UNLINK goes while the next SCAN runs
        const unlinked: Array<Promise<number>> = []
        // A glob names entries by their key (`form:schema:{id}`); Redis holds each under that key and a
        // digest of its versions, so the names under a matched key are matched too: a second pass,
        // unless the glob ends with `*` and matches them already (then no key can come twice).
        const globs = /(^|[^\\])\*$/.test(glob) ? [glob] : [glob, `${glob}:*`]
        const seen = new Set<string>()
        // every master of a Cluster holds its own share of the keys: SCAN each
        for (const node of dataNodes(redis)) {
          for (const match of globs) {
            let cursor = '0'
            do {
              const [next, found] = await node.scan(cursor, 'MATCH', keys.prefix + match, 'COUNT', SCAN_BATCH)
              cursor = next
              const ours = found.filter((key) => keys.isCacheKey(key) && !seen.has(key))
              if (ours.length === 0) continue
              if (globs.length > 1) for (const key of ours) seen.add(key)
              // a Cluster refuses keys of several slots in one command: one UNLINK each there, one per batch elsewhere
              unlinked.push(...(cluster ? ours.map((key) => redis.unlink(key)) : [redis.unlink(...ours)]))
              for (const key of ours) {
                const kind = keys.entryKind(key)
                if (kind !== undefined) entries[kind]++
              }
            } while (cursor !== '0')
          }
        }
        const deleted = (await Promise.all(unlinked)).reduce((sum, n) => sum + n, 0)
        return { keys: deleted, entries }
      }, force)
    },

    /** Live entries per kind in Redis (the size indexes, scored by expiry). */
    async entryCounts (buckets: Readonly<Record<string, number>>): Promise<KindCounts | undefined> {
      return guarded('entryCounts', async () => {
        const now = Date.now()
        const counts = zeroCounts()
        await Promise.all(CACHE_KINDS.map(async (kind) => {
          const sizes = await Promise.all(Array.from({ length: buckets[kind]! }, (_, n) => redis.zcount(keys.bucket(kind, n), now, '+inf')))
          counts[kind] = sizes.reduce((total, size) => total + size, 0)
        }))
        return counts
      })
    },

    /**
     * used_memory, evicted_keys, ... from INFO, per data node (host:port), and
     * summed over the nodes (used_memory_human then describes the sum).
     */
    async info (): Promise<{ total: Record<string, string>, nodes: Array<{ node: string, info: Record<string, string> }> } | undefined> {
      return guarded('info', async () => {
        const nodes = await Promise.all(dataNodes(redis).map(async (node) => ({
          node: addressOf(node),
          info: parseInfo(`${await node.info('memory')}\n${await node.info('stats')}`)
        })))
        const total = { ...nodes[0]?.info }
        for (const field of ['used_memory', 'evicted_keys']) total[field] = String(nodes.reduce((sum, { info }) => sum + Number(info[field] ?? 0), 0))
        if (nodes.length > 1) total.used_memory_human = humanBytes(Number(total.used_memory))
        return { total, nodes }
      })
    },

    /** A round trip to every data node that bypasses the breaker: the breaker's own probe. */
    async ping (): Promise<number> {
      const started = performance.now()
      await Promise.all(dataNodes(redis).map((node) => node.ping()))
      return performance.now() - started
    },

    /** Each data node and how long its ping takes (null: it does not answer). */
    async nodes (): Promise<Array<{ node: string, ping_ms: number | null }>> {
      return Promise.all(dataNodes(redis).map(async (node) => {
        const started = performance.now()
        const pinged = await node.ping().then(() => true, () => false)
        return { node: addressOf(node), ping_ms: pinged ? Math.round((performance.now() - started) * 1000) / 1000 : null }
      }))
    }
  }
}

export type RedisTier = ReturnType<typeof createRedisTier>

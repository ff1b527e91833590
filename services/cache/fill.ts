import { LRUMapWithDelete } from 'mnemonist'
import { encodeEntry, type Entry } from './codec.js'
import { bucketOf, type Keyspace } from './keys.js'
import type { CacheKind } from './kinds.js'
import type { MemoryTier } from './memory-tier.js'
import { lockValue, type RedisTier, type StoreRequest } from './redis-tier.js'
import type { CacheCounters } from './stats.js'
import type { TagClock } from './tag-clock.js'
import type { CacheSettings, Hit } from './types.js'
import { isCreated, type TagVersions } from './versions.js'

/** A miss for the caller to fill: compute the value, then `commit` it, or `abandon` or `fail` (exactly one, always). */
export interface Fill {
  /** A grace entry to serve instead if the load fails or is slow (fail-safe); undefined when there is none. */
  readonly stale: Hit | undefined
  /** Whether this load holds the key's lock (no other instance loads it meanwhile), or there is no Redis to ask. */
  readonly leader: boolean
  /**
   * Stores the value in both tiers and lets waiters in; resolves once Redis has it,
   * with false when it was not kept (too large, or something it depends on changed meanwhile).
   */
  commit (payload: Buffer, ttlSeconds?: number): Promise<boolean>
  /** Nothing to store (a 404, a 4xx): waiters compute their own. */
  abandon (): Promise<void>
  /** The load failed (the database): for a while, no instance retries it and readers get the grace entry. */
  fail (): Promise<void>
  /** Past the soft timeout: the requests waiting on this load get the grace entry; the load goes on. */
  shareStale (): void
}

/** What is known about a key when a read begins, and what storing a value for it needs. */
export interface Ticket {
  kind: CacheKind
  /** The key in the in-process tier. */
  fullKey: string
  /** Where Redis is read for the entry (and its lock taken), once its versions are settled. */
  name?: string
  /** Where this read took the loader lock: the entry's name, or the lock beside it. */
  lockKey?: string
  tags: readonly string[]
  /** The tag clock when the read began: anything invalidated here after it makes the value stale. */
  since: number
  /** The versions the value will be recorded under; undefined when Redis is not in use. */
  versions?: readonly string[]
  /** The same, as the entry records them (space-separated). */
  recorded?: string
  /** Versions of tags that had none yet: created with the entry (if still absent). */
  create: Array<readonly [tag: string, version: string]>
}

/** The requests waiting on one load here: they get its value, the grace entry, or nothing (then each loads). */
export interface Flight {
  settle (hit: Hit | undefined): void
  /** The load is over: later requests start their own. */
  end (): void
}

export interface FillDeps {
  settings: CacheSettings
  keys: Keyspace
  memory: MemoryTier
  versions: TagVersions
  clock: TagClock
  counters: CacheCounters
  l2: RedisTier | undefined
  /** Size indexes per kind. */
  buckets: Record<CacheKind, number>
  /** How long an in-process entry may live now (short while invalidations may be missed). */
  l1TtlCap: () => number
  /** Called after each store to Redis (the size limit's bookkeeping). */
  stored: (kind: CacheKind, bucket: number) => void
}

// Backoff after a failed load: 1 s, doubling, at most 30 s.
const FIRST_BACKOFF_MS = 1000
const MAX_BACKOFF_MS = 30_000

/** Storing what a miss computed: into L1 at once, into Redis after the answer (off the request's path). */
export function createFills (deps: FillDeps) {
  const { settings, keys, memory, versions, clock, counters, l2, buckets } = deps
  const l1Enabled = settings.enabled && settings.l1Enabled
  const graceMs = settings.graceSeconds * 1000
  const lockTtlMs = settings.lockTtlMs ?? 5000
  // keys whose load failed lately: failures in a row, and until when no new attempt is made here
  const backoffs = new LRUMapWithDelete<string, { failures: number, until: number }>(10_000)

  /** Into L1, unless a tag was invalidated here since the read began (no stale write-back). */
  function keepInL1 (ticket: Ticket, entry: Pick<Entry, 'payload' | 'createdAt' | 'ttlMs'>, recorded: readonly string[]) {
    if (!l1Enabled || clock.changedSince(ticket.tags, ticket.since)) return
    const now = Date.now()
    const cap = now + deps.l1TtlCap()
    const graceUntil = Math.min(entry.createdAt + entry.ttlMs + graceMs, cap)
    if (graceUntil <= now) return
    memory.set(ticket.kind, ticket.fullKey, {
      payload: entry.payload,
      createdAt: entry.createdAt,
      ttlMs: entry.ttlMs,
      expiresAt: Math.min(entry.createdAt + entry.ttlMs, cap),
      graceUntil,
      tags: ticket.tags,
      versions: recorded
    })
  }

  async function store (ticket: Ticket, payload: Buffer, createdAt: number, ttlMs: number, lock: string | undefined) {
    const bucket = bucketOf(ticket.fullKey, buckets[ticket.kind])
    // the name the read settled: a version the store creates (or finds another first load's) counts as none in it (nameVersions)
    const name = ticket.name!
    const request: StoreRequest = {
      name,
      bytes: encodeEntry({ payload, createdAt, ttlMs, versions: ticket.recorded! }, settings.compressThreshold),
      keepMs: ttlMs + graceMs,
      bucketKey: keys.bucket(ticket.kind, bucket),
      dropAt: createdAt + ttlMs + graceMs,
      createVersions: ticket.create,
      lockKey: lock === undefined || ticket.lockKey === name ? undefined : ticket.lockKey
    }
    const there = await l2!.store(request)
    if (there === undefined) return
    deps.stored(ticket.kind, bucket)
    // A version to create that was there already: another first load's (then the entry is
    // recorded under it instead), or an invalidation's (then the value may be older than that
    // write, and the entry stays unreadable, as it was stored).
    const recorded = [...ticket.versions!]
    let invalidated = false
    const found = ticket.create.map(([tag, version], i) => {
      const current = there[i] ?? version
      if (current !== version && !isCreated(current)) invalidated = true
      recorded[ticket.tags.indexOf(tag)] = current
      return current
    })
    // what this store created or found is known now (no read needed next time)
    versions.learn(ticket.create.map(([tag]) => tag), found, ticket.since)
    if (invalidated || recorded.every((version, i) => version === ticket.versions![i])) return
    const entry = { payload, createdAt, ttlMs, versions: recorded.join(' ') }
    // into L1 now, while what it records is what this instance just learned
    keepInL1(ticket, entry, recorded)
    await l2!.rewrite(name, encodeEntry(entry, settings.compressThreshold), ttlMs + graceMs)
  }

  /** A fill for `ticket`; `lock` is the token of the lock it holds, if it does. */
  function makeFill (ticket: Ticket, stale: Hit | undefined, flight: Flight | undefined, lock?: string): Fill {
    let done = false
    const held = lock === undefined ? undefined : { key: ticket.lockKey!, value: lockValue(lock) }
    const extender = held === undefined
      ? undefined
      : setInterval(() => { void l2!.extendLock(held.key, held.value, lockTtlMs) }, lockTtlMs / 3).unref()

    function finish () {
      if (done) return false
      done = true
      clearInterval(extender)
      return true
    }

    const release = async () => { if (held !== undefined) await l2!.releaseLock(held.key, held.value) }

    return {
      stale,
      leader: lock !== undefined || l2 === undefined || ticket.versions === undefined,
      async commit (payload, ttlSeconds) {
        if (!finish()) return false
        counters.load(ticket.kind)
        backoffs.delete(ticket.fullKey)
        const createdAt = Date.now()
        const ttlMs = (ttlSeconds ?? settings.kinds[ticket.kind].ttl) * 1000
        const current = !clock.changedSince(ticket.tags, ticket.since)
        // Waiters here get it at once, unless a write invalidated it meanwhile: a read that
        // joined after that write was answered must not see the older value.
        flight?.settle(current ? { payload, createdAt, ttlMs, tier: 'l1', collapsed: true } : undefined)
        flight?.end()
        if (payload.length > settings.maxEntryBytes) {
          counters.oversized(ticket.kind)
          await release()
          return false
        }
        counters.write(ticket.kind)
        if (current) keepInL1(ticket, { payload, createdAt, ttlMs }, ticket.versions ?? ticket.tags.map(() => ''))
        if (l2 === undefined || ticket.versions === undefined) return current
        if (!current) {
          await release()
          return false
        }
        await store(ticket, payload, createdAt, ttlMs, lock)
        return true
      },
      async abandon () {
        if (!finish()) return
        flight?.end()
        await release()
      },
      async fail () {
        if (!finish()) return
        counters.failure(ticket.kind)
        flight?.settle(stale)
        flight?.end()
        const failures = (backoffs.get(ticket.fullKey)?.failures ?? 0) + 1
        const ms = Math.min(FIRST_BACKOFF_MS * 2 ** (failures - 1), MAX_BACKOFF_MS)
        backoffs.set(ticket.fullKey, { failures, until: Date.now() + ms })
        if (held !== undefined) await l2!.backOff(held.key, held.value, ms)
      },
      shareStale () {
        if (stale !== undefined) flight?.settle(stale)
      }
    }
  }

  return {
    makeFill,
    keepInL1,
    /** Whether a load of this key failed a moment ago here (then its grace entry is served without a new attempt). */
    backingOff: (fullKey: string) => (backoffs.get(fullKey)?.until ?? 0) > Date.now()
  }
}

export type Fills = ReturnType<typeof createFills>

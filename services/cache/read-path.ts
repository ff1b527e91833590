import { randomUUID } from 'node:crypto'
import { decodeEntry, encodeEntry, type Entry } from './codec.js'
import { bucketOf, entryTags, type Keyspace } from './keys.js'
import type { CacheKind } from './kinds.js'
import type { MemoryTier } from './memory-tier.js'
import type { RedisTier, StoreRequest } from './redis-tier.js'
import type { CacheCounters } from './stats.js'
import type { TagClock } from './tag-clock.js'
import type { CacheSettings, Hit } from './types.js'
import type { TagVersions } from './versions.js'

/** A miss for the caller to fill: compute the value, then `commit` it or `abandon` (exactly one, always). */
export interface Fill {
  /** A grace entry to serve instead if the load fails or is slow (fail-safe); undefined when there is none. */
  readonly stale: Hit | undefined
  /**
   * Stores the value in both tiers and lets waiters in; resolves once Redis has it,
   * with false when it was not kept (too large, or something it depends on changed meanwhile).
   */
  commit (payload: Buffer, ttlSeconds?: number): Promise<boolean>
  /** Nothing to store (an error, a 404): waiters compute their own. */
  abandon (): Promise<void>
}

export type Opened = { hit: Hit, fill?: undefined } | { hit?: undefined, fill: Fill }

export interface OpenOptions {
  /** false: do not read (a forced refresh): only take what storing the new value needs. */
  read?: boolean
  /** false: never lead a coalesced load nor take the lock (a HEAD, which has no body to store). */
  lead?: boolean
  /** false: not counted as a hit or a miss (a look that loads nothing). */
  count?: boolean
}

export interface ReadPathDeps {
  settings: CacheSettings
  keys: Keyspace
  memory: MemoryTier
  versions: TagVersions
  clock: TagClock
  counters: CacheCounters
  l2: RedisTier | undefined
  /** Size buckets per kind (see stores). */
  buckets: Record<CacheKind, number>
  /** How long an in-process entry may live now (short while invalidations may be missed). */
  l1TtlCap: () => number
  /** Called after each store to Redis (the size limit's bookkeeping). */
  stored: (kind: CacheKind, bucket: number) => void
}

/** What is known about a key when a read begins, and what storing a value for it needs. */
interface Ticket {
  kind: CacheKind
  fullKey: string
  lockKey: string
  tags: readonly string[]
  /** The tag clock when the read began: anything invalidated here after it makes the value stale. */
  since: number
  /** The versions the value will be recorded under; undefined when Redis is not in use. */
  versions?: readonly string[]
  /** Versions of tags that had none yet: created with the entry (if still absent). */
  create: Array<readonly [tag: string, version: string]>
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
// Concurrent loads this instance coalesces at most; beyond it, requests load on their own.
const MAX_FLIGHTS = 10_000

/**
 * The read path: in-process tier, then Redis (one round trip: the entry, its
 * tags' versions where they are not known here, and the loader lock), then the
 * caller's loader. Concurrent misses of one key wait for one load on this
 * instance (single-flight) and, with Redis, across instances (the lock).
 * A value is stored after the answer, off the request's path.
 */
export function createReadPath (deps: ReadPathDeps) {
  const { settings, keys, memory, versions, clock, counters, l2, buckets } = deps
  const l1Enabled = settings.enabled && settings.l1Enabled
  const graceMs = settings.graceSeconds * 1000
  const lockTtlMs = settings.lockTtlMs ?? 5000
  // per entry key: the leader's result (undefined: it produced nothing to share)
  const flights = new Map<string, Promise<Hit | undefined>>()

  function toHit (entry: Pick<Entry, 'payload' | 'createdAt' | 'ttlMs'>, tier: Hit['tier'], now: number): Hit {
    const hit: Hit = { payload: entry.payload, createdAt: entry.createdAt, ttlMs: entry.ttlMs, tier }
    if (entry.createdAt + entry.ttlMs <= now) hit.stale = true
    return hit
  }

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

  function ticketFor (kind: CacheKind, key: string, tags?: readonly string[]): Ticket {
    const fullKey = keys.entry(kind, key)
    return { kind, fullKey, lockKey: keys.lock(kind, key), tags: entryTags(kind, tags), since: clock.now(), create: [] }
  }

  /** Fixes the versions a value will be recorded under: current ones, fresh candidates for absent ones. */
  function settle (ticket: Ticket, current: ReadonlyArray<string | null>) {
    // a candidate proposed before (and read back as the known version) is still to be created
    const proposed = new Map(ticket.create)
    ticket.create = []
    ticket.versions = current.map((version, i) => {
      const tag = ticket.tags[i]!
      if (version !== null && version !== proposed.get(tag)) return version
      const candidate = version ?? versions.propose(tag)
      ticket.create.push([tag, candidate])
      return candidate
    })
  }

  /**
   * One round trip: the entry (with the lock when there is no fresh valid one),
   * and the versions of the tags not in `known` (by default: what this instance
   * knows). Undefined when Redis failed.
   */
  async function readRedis (ticket: Ticket, token: string, known: ReadonlyArray<string | undefined> = ticket.tags.map(versions.get)) {
    const unknown = ticket.tags.filter((_, i) => known[i] === undefined)
    const expected = unknown.length === 0 ? known.join(' ') : ''
    const [reply, fetched] = await Promise.all([
      l2!.read(ticket.fullKey, ticket.lockKey, expected, token, lockTtlMs),
      l2!.versions(unknown)
    ])
    if (reply === undefined || fetched === undefined) {
      if (reply?.status === 'locked') void l2!.releaseLock(ticket.lockKey, token)
      return undefined
    }
    versions.learn(unknown, fetched, ticket.since)
    const current = ticket.tags.map((tag, i) => known[i] ?? fetched[unknown.indexOf(tag)] ?? null)
    const entry = reply.entry === null ? undefined : decodeEntry(reply.entry)
    const valid = entry !== undefined && !current.includes(null) && entry.versions === current.join(' ')
    return { entry: valid ? entry : undefined, status: reply.status, current, invalid: entry !== undefined && !valid }
  }

  const withinGrace = (entry: Entry, now: number) => entry.createdAt + entry.ttlMs + graceMs > now

  function makeFill (ticket: Ticket, stale: Hit | undefined, share: ((hit: Hit | undefined) => void) | undefined, lock?: string): Fill {
    let done = false
    const extender = lock === undefined
      ? undefined
      : setInterval(() => { void l2!.extendLock(ticket.lockKey, lock, lockTtlMs) }, lockTtlMs / 3).unref()

    function finish () {
      if (done) return false
      done = true
      clearInterval(extender)
      return true
    }

    return {
      stale,
      async commit (payload, ttlSeconds) {
        if (!finish()) return false
        counters.load(ticket.kind)
        const createdAt = Date.now()
        const ttlMs = (ttlSeconds ?? settings.kinds[ticket.kind].ttl) * 1000
        const current = !clock.changedSince(ticket.tags, ticket.since)
        // Waiters here get it at once, unless a write invalidated it meanwhile: a read that
        // joined after that write was answered must not see the older value.
        share?.(current ? { payload, createdAt, ttlMs, tier: 'l1', collapsed: true } : undefined)
        if (payload.length > settings.maxEntryBytes) {
          counters.oversized(ticket.kind)
          if (lock !== undefined) await l2!.releaseLock(ticket.lockKey, lock)
          return false
        }
        counters.write(ticket.kind)
        if (current) keepInL1(ticket, { payload, createdAt, ttlMs }, ticket.versions ?? ticket.tags.map(() => ''))
        if (l2 === undefined || ticket.versions === undefined) return current
        if (!current) {
          if (lock !== undefined) await l2.releaseLock(ticket.lockKey, lock)
          return false
        }
        const bucket = bucketOf(ticket.fullKey, buckets[ticket.kind])
        const request: StoreRequest = {
          entryKey: ticket.fullKey,
          bytes: encodeEntry({ payload, createdAt, ttlMs, versions: ticket.versions.join(' ') }, settings.compressThreshold),
          keepMs: ttlMs + graceMs,
          bucketKey: keys.bucket(ticket.kind, bucket),
          dropAt: createdAt + ttlMs + graceMs,
          createVersions: ticket.create,
          lockKey: lock === undefined ? undefined : ticket.lockKey
        }
        const created = await l2.store(request)
        if (created === undefined) return true
        deps.stored(ticket.kind, bucket)
        // the versions this store created are known now (no read needed next time)
        const made = ticket.create.filter((_, i) => created[i] === true)
        versions.learn(made.map(([tag]) => tag), made.map(([, version]) => version), ticket.since)
        return true
      },
      async abandon () {
        if (!finish()) return
        share?.(undefined)
        if (lock !== undefined) await l2!.releaseLock(ticket.lockKey, lock)
      }
    }
  }

  /** Versions for storing a value computed from now on, without reading the entry (a forced refresh). */
  async function prepare (ticket: Ticket): Promise<void> {
    if (l2?.usable() !== true) return
    const snapshot = ticket.tags.map((tag) => versions.get(tag))
    const unknown = ticket.tags.filter((_, i) => snapshot[i] === undefined)
    const fetched = await l2.versions(unknown)
    if (fetched === undefined) return
    versions.learn(unknown, fetched, ticket.since)
    settle(ticket, ticket.tags.map((_, i) => snapshot[i] ?? fetched[unknown.indexOf(ticket.tags[i]!)] ?? null))
  }

  /** A grace entry of this instance (in-process entries are dropped when invalidated, so this one is current). */
  function staleInL1 (ticket: Ticket, now: number): Hit | undefined {
    if (!l1Enabled || settings.graceSeconds === 0) return undefined
    const entry = memory.getStale(ticket.kind, ticket.fullKey, now)
    return entry === undefined ? undefined : toHit(entry, 'l1', now)
  }

  /**
   * With Redis: the entry, or the lock, or a wait for whoever holds the lock
   * (up to the hard timeout: a live holder keeps extending it).
   */
  async function fromRedis (ticket: Ticket, lead: boolean, stale: Hit | undefined, share?: (hit: Hit | undefined) => void): Promise<Opened> {
    const token = lead ? randomUUID() : ''
    const deadline = Date.now() + settings.hardTimeoutMs
    let known: ReadonlyArray<string | undefined> | undefined
    let delay = 5
    for (let waited = false; ; waited = true) {
      const read = await readRedis(ticket, token, known)
      if (read === undefined) return { fill: makeFill(ticket, stale, share) } // Redis failed: load here
      const now = Date.now()
      if (read.entry !== undefined) {
        const hit = toHit(read.entry, 'l2', now)
        if (hit.stale !== true) {
          if (read.status === 'locked') void l2!.releaseLock(ticket.lockKey, token)
          keepInL1(ticket, read.entry, read.current as string[])
          return { hit: waited ? { ...hit, collapsed: true } : hit }
        }
        if (withinGrace(read.entry, now)) stale = stale === undefined || stale.createdAt < hit.createdAt ? hit : stale
      }
      settle(ticket, read.current)
      if (read.status === 'locked') return { fill: makeFill(ticket, stale, share, token) }
      if (!lead) return { fill: makeFill(ticket, stale, share) }
      if (read.status === 'fresh' && read.invalid) {
        // it looked fresh to Redis, which could not check the versions: ask for the lock with them now
        known = ticket.versions
        continue
      }
      if (now >= deadline || clock.changedSince(ticket.tags, ticket.since)) return { fill: makeFill(ticket, stale, share) }
      // another loader holds the lock: wait for its value (or for the lock, should it give up or die)
      await sleep(delay)
      delay = Math.min(delay * 1.5, 50)
      known = read.current.map((version) => version ?? undefined)
    }
  }

  /**
   * A hit, or a `Fill` for the caller to complete. Followers of a leader on
   * this instance get its value (a coalesced hit: nothing was loaded for them);
   * when it produced nothing to share, each computes its own.
   */
  async function open (kind: CacheKind, key: string, tags?: readonly string[], { read = true, lead = true, count = true }: OpenOptions = {}): Promise<Opened> {
    const ticket = ticketFor(kind, key, tags)
    if (!read) {
      await prepare(ticket)
      return { fill: makeFill(ticket, undefined, undefined) }
    }
    const running = flights.get(ticket.fullKey)
    if (running !== undefined) {
      let timer: NodeJS.Timeout | undefined
      const hit = await Promise.race([running, new Promise<undefined>((resolve) => { timer = setTimeout(() => resolve(undefined), settings.hardTimeoutMs) })])
      clearTimeout(timer)
      if (hit !== undefined) {
        if (count) counters.hit(kind, 'l1')
        return { hit: { ...hit, collapsed: true } }
      }
      if (count) counters.miss(kind)
      const own = ticketFor(kind, key, tags)
      await prepare(own)
      return { fill: makeFill(own, undefined, undefined) }
    }

    const stale = staleInL1(ticket, Date.now())
    let share: ((hit: Hit | undefined) => void) | undefined
    if (lead && flights.size < MAX_FLIGHTS) {
      let resolve!: (hit: Hit | undefined) => void
      flights.set(ticket.fullKey, new Promise((_resolve) => { resolve = _resolve }))
      share = (hit) => {
        flights.delete(ticket.fullKey)
        resolve(hit)
      }
    }
    try {
      const opened = l2?.usable() === true ? await fromRedis(ticket, lead, stale, share) : { fill: makeFill(ticket, stale, share) }
      if (opened.hit !== undefined) {
        if (count) counters.hit(kind, 'l2')
        share?.(opened.hit)
      } else if (count) {
        counters.miss(kind)
      }
      return opened
    } catch (err) {
      share?.(undefined)
      throw err
    }
  }

  return { open, flights: () => flights.size }
}

export type ReadPath = ReturnType<typeof createReadPath>

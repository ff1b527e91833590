import { randomUUID } from 'node:crypto'
import type { Keyspace } from './keys.js'
import type { CacheKind } from './kinds.js'
import type { RedisTier } from './redis-tier.js'
import type { CacheCounters } from './stats.js'
import type { Hit, Lookup, Ticket } from './cache-service.js'

/** A miss this caller must fill: compute the value, then `finish` (always, exactly once). */
export interface Fill {
  readonly ticket: Ticket
  /** Stores the payload (if any) and lets everyone waiting for it in. */
  finish (payload?: Buffer, ttl?: number): Promise<void>
}

export type Begin = { hit: Hit, fill?: undefined } | { hit?: undefined, fill: Fill }

export interface Lock { key: string, token: string }

export interface ReadThroughDeps {
  keys: Keyspace
  counters: CacheCounters
  l2: RedisTier | undefined
  lockTtlMs: number
  lookup (kind: CacheKind, key: string, tags: readonly string[] | undefined, options?: { read?: boolean }): Promise<Lookup>
  /** Stores a value (releasing the lock in the same step, when given). */
  fill (ticket: Ticket, payload: Buffer, ttl?: number, lock?: Lock): Promise<boolean>
  /** What Redis answered: the entry, if its versions are the current ones, and a ticket under those versions. */
  accept (ticket: Ticket, entry: Buffer | null, versions: ReadonlyArray<string | null>, since: number): { hit?: Hit, ticket?: Ticket }
  /** False once one of the ticket's tags was invalidated on this instance after its lookup. */
  isCurrent (ticket: Ticket): boolean
  now (): number
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
// A lock is extended while its holder works, but not forever (a holder that never finishes).
const MAX_EXTENSIONS = 30

/**
 * Read-through with stampede protection (invariant 4): concurrent misses of a
 * key on this instance wait for one leader (single-flight); with Redis, a lock
 * (SET NX PX, owner token) makes one leader across instances, the others poll
 * for its value. A crashed leader's lock expires after `lockTtlMs`.
 */
export function createReadThrough ({ keys, counters, l2, lockTtlMs, lookup, fill, accept, isCurrent, now }: ReadThroughDeps) {
  // per key: the leader's result (undefined: it produced nothing cacheable)
  const flights = new Map<string, Promise<Hit | undefined>>()

  /** Polls the entry and the lock in one round trip until the value appears or the lock is gone. */
  async function awaitOtherLeader (ticket: Ticket, lockKey: string, deadline: number): Promise<Hit | 'retry' | 'give-up'> {
    let delay = 5
    while (Date.now() < deadline) {
      await sleep(delay)
      delay = Math.min(delay * 1.5, 50)
      const since = now()
      const reply = await l2!.read(ticket.fullKey, ticket.tags, lockKey)
      if (reply === undefined) return 'give-up'
      const { hit } = accept(ticket, reply.entry, reply.versions, since)
      if (hit !== undefined) return hit
      // the leader finished without a value we may use, or died and its lock expired
      if (!reply.locked) return 'retry'
    }
    return 'give-up'
  }

  /** Leads across instances: takes the lock (reading the entry in the same round trip), or waits for whoever holds it. */
  async function lead (first: Ticket): Promise<Hit | { ticket: Ticket, lock?: Lock }> {
    let ticket = first
    if (l2 === undefined || ticket.versions === undefined) return { ticket }
    const lock = { key: keys.lock(ticket.fullKey), token: randomUUID() }
    const deadline = Date.now() + lockTtlMs * 2
    while (Date.now() < deadline) {
      const since = now()
      const reply = await l2.acquire(lock.key, lock.token, lockTtlMs, ticket.fullKey, ticket.tags)
      if (reply === undefined) break
      const seen = accept(ticket, reply.entry, reply.versions, since)
      if (reply.acquired) {
        if (seen.hit === undefined && seen.ticket !== undefined) return { ticket: seen.ticket, lock }
        // another instance stored it just before (or a tag is new): no need to hold the lock
        void l2.releaseLock(lock.key, lock.token)
        if (seen.hit !== undefined) return seen.hit
        return { ticket: (await lookup(ticket.kind, ticket.key, ticket.tags, { read: false })).ticket }
      }
      if (seen.hit !== undefined) return seen.hit
      const waited = await awaitOtherLeader(ticket, lock.key, deadline)
      if (waited === 'give-up') break
      if (waited !== 'retry') return waited
      ticket = (await lookup(ticket.kind, ticket.key, ticket.tags, { read: false })).ticket
    }
    // Redis failed or the other leader took too long: compute here rather than wait longer.
    return { ticket }
  }

  function makeFill (ticket: Ticket, settle: (hit: Hit | undefined) => void, lock?: Lock): Fill {
    let extensions = 0
    const extender = lock === undefined
      ? undefined
      : setInterval(() => {
        if (++extensions > MAX_EXTENSIONS) clearInterval(extender)
        else void l2!.extendLock(lock.key, lock.token, lockTtlMs)
      }, lockTtlMs / 3).unref()
    let finished = false
    return {
      ticket,
      async finish (payload, ttl) {
        if (finished) return
        finished = true
        clearInterval(extender)
        counters.load(ticket.kind)
        // Waiters on this instance get it at once (those elsewhere once it is in Redis),
        // unless a write invalidated it meanwhile: a read that joined after that write
        // was answered must not see the older value (invariant 2), so each computes its own.
        const current = payload !== undefined && isCurrent(ticket)
        settle(current ? { payload, createdAt: Date.now(), tier: 'l1' } : undefined)
        if (payload !== undefined) await fill(ticket, payload, ttl, lock)
        else if (lock !== undefined) await l2!.releaseLock(lock.key, lock.token)
      }
    }
  }

  /**
   * A hit, or a `Fill` for the caller to complete. Followers of a leader on
   * this instance get its value (an in-process hit: nothing was loaded for
   * them); when it produced nothing cacheable, each computes its own.
   */
  async function begin (kind: CacheKind, key: string, tags?: readonly string[]): Promise<Begin> {
    const fullKey = keys.entry(kind, key)
    const running = flights.get(fullKey)
    if (running !== undefined) {
      // a leader that never finishes (a bug) must not hold its followers forever
      let timer: NodeJS.Timeout | undefined
      const hit = await Promise.race([running, new Promise<undefined>((resolve) => { timer = setTimeout(() => resolve(undefined), lockTtlMs * 2) })])
      clearTimeout(timer)
      if (hit !== undefined) {
        // served the leader's value without loading: a hit (as a coalesced request is in HTTP caches)
        counters.hit(kind, 'l1')
        return { hit }
      }
      counters.miss(kind)
      const { ticket } = await lookup(kind, key, tags, { read: false })
      return { fill: makeFill(ticket, () => {}) }
    }

    let settle!: (hit: Hit | undefined) => void
    flights.set(fullKey, new Promise((resolve) => { settle = resolve }))
    const done = (hit: Hit | undefined) => {
      flights.delete(fullKey)
      settle(hit)
    }
    try {
      const { hit, ticket } = await lookup(kind, key, tags)
      if (hit !== undefined) {
        done(hit)
        return { hit }
      }
      const led = await lead(ticket)
      if ('payload' in led) {
        done(led)
        return { hit: led }
      }
      return { fill: makeFill(led.ticket, done, led.lock) }
    } catch (err) {
      done(undefined)
      throw err
    }
  }

  return { begin }
}

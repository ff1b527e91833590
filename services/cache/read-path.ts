import { randomUUID } from 'node:crypto'
import { decodeEntry, type Entry } from './codec.js'
import { createFills, type Fill, type FillDeps, type Flight, type Ticket } from './fill.js'
import { entryTags } from './keys.js'
import type { CacheKind } from './kinds.js'
import type { Hit } from './types.js'

export type { Fill } from './fill.js'

export type Opened = { hit: Hit, fill?: undefined } | { hit?: undefined, fill: Fill }

export interface OpenOptions {
  /** false: do not read (a forced refresh): only take what storing the new value needs. */
  read?: boolean
  /** With `read: false`: take the key's lock if it is free (a background refresh, one across instances). */
  lock?: boolean
  /** false: never lead a coalesced load nor take the lock (a HEAD, which has no body to store). */
  lead?: boolean
  /** false: not counted as a hit or a miss (a look that loads nothing). */
  count?: boolean
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
// Concurrent loads this instance coalesces at most; beyond it, requests load on their own.
const MAX_FLIGHTS = 10_000

/**
 * The read path: in-process tier, then Redis (one round trip: the entry, its
 * tags' versions where they are not known here, and the loader lock), then the
 * caller's loader. Concurrent misses of one key wait for one load on this
 * instance (single-flight) and, with Redis, across instances (the lock): up to
 * the hard timeout, or the soft one when there is a grace entry to serve instead.
 */
export function createReadPath (deps: FillDeps) {
  const { settings, keys, versions, clock, counters, l2 } = deps
  const fills = createFills(deps)
  const { makeFill, keepInL1 } = fills
  const l1Enabled = settings.enabled && settings.l1Enabled
  const graceMs = settings.graceSeconds * 1000
  const lockTtlMs = settings.lockTtlMs ?? 5000
  // per entry key: the requests waiting on this instance's load of it
  const flights = new Map<string, Promise<Hit | undefined>>()

  function toHit (entry: Pick<Entry, 'payload' | 'createdAt' | 'ttlMs'>, tier: Hit['tier'], now: number): Hit {
    const hit: Hit = { payload: entry.payload, createdAt: entry.createdAt, ttlMs: entry.ttlMs, tier }
    if (entry.createdAt + entry.ttlMs <= now) hit.stale = true
    return hit
  }

  function ticketFor (kind: CacheKind, key: string, tags?: readonly string[]): Ticket {
    return { kind, fullKey: keys.entry(kind, key), lockKey: keys.lock(kind, key), tags: entryTags(kind, tags), since: clock.now(), create: [] }
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
    return { entry: valid ? entry : undefined, status: reply.status, current }
  }

  const withinGrace = (entry: Entry, now: number) => entry.createdAt + entry.ttlMs + graceMs > now

  /** Versions for storing a value computed from now on, without reading the entry (a forced or background refresh). */
  async function prepare (ticket: Ticket, lock: boolean): Promise<Fill> {
    if (l2?.usable() !== true) return makeFill(ticket, undefined, undefined)
    const known = ticket.tags.map(versions.get)
    const unknown = ticket.tags.filter((_, i) => known[i] === undefined)
    const fetched = await l2.versions(unknown)
    if (fetched === undefined) return makeFill(ticket, undefined, undefined)
    versions.learn(unknown, fetched, ticket.since)
    settle(ticket, ticket.tags.map((tag, i) => known[i] ?? fetched[unknown.indexOf(tag)] ?? null))
    if (!lock) return makeFill(ticket, undefined, undefined)
    const token = randomUUID()
    return makeFill(ticket, undefined, undefined, await l2.tryLock(ticket.lockKey, token, ticket.versions!.join(' '), lockTtlMs) ? token : undefined)
  }

  /** A grace entry of this instance (in-process entries are dropped when invalidated, so this one is current). */
  function staleInL1 (ticket: Ticket, now: number): Hit | undefined {
    if (!l1Enabled || graceMs === 0) return undefined
    const entry = deps.memory.getStale(ticket.kind, ticket.fullKey, now)
    return entry === undefined ? undefined : toHit(entry, 'l1', now)
  }

  /**
   * With Redis: the entry, or the lock, or a wait for whoever holds the lock
   * (a live holder keeps extending it), or the grace entry while a load of this
   * key is backing off after a failure.
   */
  async function fromRedis (ticket: Ticket, lead: boolean, stale: Hit | undefined, flight?: Flight): Promise<Opened> {
    const token = lead ? randomUUID() : ''
    const started = Date.now()
    let known: ReadonlyArray<string | undefined> | undefined
    let delay = 5
    for (let waited = false; ; waited = true) {
      const read = await readRedis(ticket, token, known)
      if (read === undefined) return { fill: makeFill(ticket, stale, flight) } // Redis failed: load here
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
      if (read.status === 'locked') return { fill: makeFill(ticket, stale, flight, token) }
      if (read.status === 'backoff' && stale !== undefined) return { hit: stale }
      if (!lead || read.status === 'backoff') return { fill: makeFill(ticket, stale, flight) }
      // another loader holds the lock: wait for its value (or for the lock, should it give up or die)
      const limit = stale === undefined ? settings.hardTimeoutMs : settings.softTimeoutMs
      if (now - started >= limit || clock.changedSince(ticket.tags, ticket.since)) {
        return stale === undefined ? { fill: makeFill(ticket, stale, flight) } : { hit: stale }
      }
      await sleep(delay)
      delay = Math.min(delay * 1.5, 50)
      known = read.current.map((version) => version ?? undefined)
    }
  }

  /** This instance's load of a key, for the requests that come while it runs. */
  function startFlight (fullKey: string): Flight {
    let resolve!: (hit: Hit | undefined) => void
    const promise = new Promise<Hit | undefined>((_resolve) => { resolve = _resolve })
    flights.set(fullKey, promise)
    return {
      settle: (hit) => resolve(hit),
      end () {
        if (flights.get(fullKey) === promise) flights.delete(fullKey)
        resolve(undefined)
      }
    }
  }

  /**
   * A hit, or a `Fill` for the caller to complete. Followers of a leader on
   * this instance get its value (a coalesced hit: nothing was loaded for them),
   * or its grace entry; when it produced nothing to share, each computes its own.
   */
  async function open (kind: CacheKind, key: string, tags?: readonly string[], { read = true, lock = false, lead = true, count = true }: OpenOptions = {}): Promise<Opened> {
    const ticket = ticketFor(kind, key, tags)
    if (!read) return { fill: await prepare(ticket, lock) }
    const running = flights.get(ticket.fullKey)
    if (running !== undefined) {
      let timer: NodeJS.Timeout | undefined
      const hit = await Promise.race([running, new Promise<undefined>((resolve) => { timer = setTimeout(() => resolve(undefined), settings.hardTimeoutMs) })])
      clearTimeout(timer)
      if (hit !== undefined) {
        if (count) hit.stale === true ? counters.stale(kind) : counters.hit(kind, 'l1')
        return { hit: hit.stale === true ? hit : { ...hit, collapsed: true } }
      }
      if (count) counters.miss(kind)
      return { fill: await prepare(ticketFor(kind, key, tags), false) }
    }

    const now = Date.now()
    const stale = staleInL1(ticket, now)
    // a load of this key failed a moment ago here: its grace entry, no new attempt yet
    if (stale !== undefined && fills.backingOff(ticket.fullKey)) {
      if (count) counters.stale(kind)
      return { hit: stale }
    }
    const flight = lead && flights.size < MAX_FLIGHTS ? startFlight(ticket.fullKey) : undefined
    try {
      const opened = l2?.usable() === true ? await fromRedis(ticket, lead, stale, flight) : { fill: makeFill(ticket, stale, flight) }
      if (opened.hit !== undefined) {
        if (count) opened.hit.stale === true ? counters.stale(kind) : counters.hit(kind, opened.hit.tier)
        flight?.settle(opened.hit)
        flight?.end()
      } else if (count) {
        counters.miss(kind)
      }
      return opened
    } catch (err) {
      flight?.end()
      throw err
    }
  }

  return { open, flights: () => flights.size }
}

export type ReadPath = ReturnType<typeof createReadPath>

import { randomUUID } from 'node:crypto'
import { decodeEntry, type Entry } from './codec.js'
import { createFills, type Fill, type FillDeps, type Flight, type Ticket } from './fill.js'
import { entryTags } from './keys.js'
import type { CacheKind } from './kinds.js'
import { lockValue } from './redis-tier.js'
import { nameVersions } from './versions.js'
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

interface Running { settled: boolean, hit: Hit | undefined, waiters: Array<(hit: Hit | undefined) => void> | undefined }

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
// Concurrent loads this instance coalesces at most; beyond it, requests load on their own.
const MAX_FLIGHTS = 10_000

/**
 * The read path: in-process tier, then Redis (one round trip when the tags'
 * versions are known here: the entry, or the loader lock), then the caller's
 * loader. Concurrent misses of one key wait for one load on this
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
  // per entry key: this instance's load of it, and the requests waiting on it
  const flights = new Map<string, Running>()

  function toHit (entry: Pick<Entry, 'payload' | 'createdAt' | 'ttlMs'>, tier: Hit['tier'], now: number): Hit {
    const hit: Hit = { payload: entry.payload, createdAt: entry.createdAt, ttlMs: entry.ttlMs, tier }
    if (entry.createdAt + entry.ttlMs <= now) hit.stale = true
    return hit
  }

  function ticketFor (kind: CacheKind, key: string, tags?: readonly string[]): Ticket {
    return { kind, fullKey: keys.entry(kind, key), tags: entryTags(kind, tags), since: clock.now(), create: [] }
  }

  /**
   * Fixes the versions a value will be recorded under (current ones, fresh
   * candidates for absent ones), and where Redis is read for it.
   */
  function settle (ticket: Ticket, current: ReadonlyArray<string | null>) {
    ticket.name = keys.stored(ticket.fullKey, nameVersions(current))
    if (ticket.create.length === 0 && !current.includes(null)) {
      ticket.versions = current as readonly string[]
      ticket.recorded = ticket.versions.join(' ')
      return
    }
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
    ticket.recorded = ticket.versions.join(' ')
  }

  /** The versions of the ticket's tags when this instance knows them all (no round trip), else undefined. */
  const knownVersions = (ticket: Ticket) => versions.current(ticket.tags)

  /** The current versions of the ticket's tags (null: none yet): those known here, the others from Redis. Undefined when Redis failed. */
  async function fetchVersions (ticket: Ticket): Promise<ReadonlyArray<string | null> | undefined> {
    const known = ticket.tags.map(versions.get)
    const unknown = ticket.tags.filter((_, i) => known[i] === undefined)
    const fetched = await l2!.versions(unknown)
    if (fetched === undefined) return undefined
    versions.learn(unknown, fetched, ticket.since)
    return ticket.tags.map((tag, i) => known[i] ?? fetched[unknown.indexOf(tag)] ?? null)
  }

  /**
   * The entry under the current versions' name, or the loader lock (`token`),
   * in one round trip when the versions are known here: one command takes
   * the name as the lock when it holds nothing. An entry past its TTL (kept
   * for grace) or not of these versions holds the name, so then the lock is
   * the one beside it, a second round trip. With `resettle` false, the same
   * name as the last read (a waiter keeps to the lock it waits on). An entry
   * there of other versions than a waiter's, or than the ones this read
   * proposed for tags that had none (another load created them meanwhile),
   * asks for the versions again, once ('mismatch'). Undefined when Redis failed.
   */
  async function readRedis (ticket: Ticket, token: string, resettle: boolean, mayReread: boolean) {
    if (resettle) {
      const current = knownVersions(ticket) ?? await fetchVersions(ticket)
      if (current === undefined) return undefined
      settle(ticket, current)
    }
    const name = ticket.name!
    const lock = token === '' ? undefined : lockValue(token)
    const read = await l2!.read(name, lock, lockTtlMs)
    if (read === undefined) return undefined
    if (read.status === 'locked') ticket.lockKey = name
    const entry = read.bytes === null ? undefined : decodeEntry(read.bytes)
    const valid = entry !== undefined && entry.versions === ticket.recorded
    if (read.status !== 'entry' || (valid && entry.createdAt + entry.ttlMs > Date.now()) || lock === undefined) {
      return { entry: valid ? entry : undefined, status: read.status }
    }
    if (!valid && mayReread && (!resettle || ticket.create.length > 0)) return { entry: undefined, status: 'mismatch' as const }
    // not fresh: the lock beside it
    const besideKey = keys.lockOf(name)
    const beside = await l2!.read(besideKey, lock, lockTtlMs)
    if (beside === undefined) return undefined
    if (beside.status === 'locked') ticket.lockKey = besideKey
    return { entry: valid ? entry : undefined, status: beside.status }
  }

  const withinGrace = (entry: Entry, now: number) => entry.createdAt + entry.ttlMs + graceMs > now

  /** Versions for storing a value computed from now on, without reading the entry (a forced or background refresh). */
  async function prepare (ticket: Ticket, lock: boolean): Promise<Fill> {
    if (l2?.usable() !== true) return makeFill(ticket, undefined, undefined)
    const current = knownVersions(ticket) ?? await fetchVersions(ticket)
    if (current === undefined) return makeFill(ticket, undefined, undefined)
    settle(ticket, current)
    if (!lock) return makeFill(ticket, undefined, undefined)
    // the entry is there (a refresh ahead of its TTL): the lock beside it
    const token = randomUUID()
    const lockKey = keys.lockOf(ticket.name!)
    if (!await l2.tryLock(lockKey, lockValue(token), lockTtlMs)) return makeFill(ticket, undefined, undefined)
    ticket.lockKey = lockKey
    return makeFill(ticket, undefined, undefined, token)
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
    let delay = 5
    let resettle = true
    for (let waited = false; ; waited = true) {
      ticket.lockKey = undefined
      const resettled: boolean = resettle
      const read = await readRedis(ticket, token, resettle, !(resettle && waited))
      if (read === undefined) return { fill: makeFill(ticket, stale, flight) } // Redis failed: load here
      // An entry under the name waited on, though a tag moved here meanwhile: the holder's value may
      // predate that write. The current versions name another entry: read that instead.
      resettle = read.status === 'mismatch' || (read.entry !== undefined && !resettled && clock.changedSince(ticket.tags, ticket.since))
      if (resettle) {
        // (a stale entry came with the lock beside it: not this name's to load any more)
        if (read.status === 'locked') void l2!.releaseLock(ticket.lockKey!, lockValue(token))
        continue
      }
      const now = Date.now()
      if (read.entry !== undefined) {
        const hit = toHit(read.entry, 'l2', now)
        if (hit.stale !== true) {
          keepInL1(ticket, read.entry, ticket.versions!)
          return { hit: waited ? { ...hit, collapsed: true } : hit }
        }
        if (withinGrace(read.entry, now)) stale = stale === undefined || stale.createdAt < hit.createdAt ? hit : stale
      }
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
    }
  }

  /** This instance's load of a key, for the requests that come while it runs (a promise only once one does). */
  function startFlight (fullKey: string): Flight {
    const running: Running = { settled: false, hit: undefined, waiters: undefined }
    flights.set(fullKey, running)
    const settle = (hit: Hit | undefined) => {
      if (running.settled) return
      running.settled = true
      running.hit = hit
      for (const resolve of running.waiters ?? []) resolve(hit)
    }
    return {
      settle,
      end () {
        if (flights.get(fullKey) === running) flights.delete(fullKey)
        settle(undefined)
      }
    }
  }

  const outcomeOf = (running: Running) => running.settled
    ? Promise.resolve(running.hit)
    : new Promise<Hit | undefined>((resolve) => { (running.waiters ??= []).push(resolve) })

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
      const hit = await Promise.race([outcomeOf(running), new Promise<undefined>((resolve) => { timer = setTimeout(() => resolve(undefined), settings.hardTimeoutMs) })])
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

  /** Where Redis holds the entry of a key now (under its tags' current versions), or undefined if it cannot hold one yet (tests and tools). */
  async function nameOf (kind: CacheKind, key: string, tags?: readonly string[]): Promise<string | undefined> {
    const ticket = ticketFor(kind, key, tags)
    const current = await l2?.versions(ticket.tags, true)
    if (current === undefined || current.includes(null)) return undefined
    return keys.stored(ticket.fullKey, nameVersions(current))
  }

  return { open, nameOf, flights: () => flights.size }
}

export type ReadPath = ReturnType<typeof createReadPath>

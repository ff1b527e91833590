import { randomBytes, randomUUID } from 'node:crypto'
import type { Redis } from 'ioredis'
import { createCircuitBreaker, type BreakerState } from './breaker.js'
import { createReadThrough, type Begin, type Lock } from './read-through.js'
import { createCacheReport } from './report.js'
import { decodeEntry, encodeEntry } from './codec.js'
import { createKeyspace, globToRegExp, GLOBAL_TAG } from './keys.js'
import { CACHE_KINDS, type CacheKind, type KindSettings } from './kinds.js'
import { createMemoryTier } from './memory-tier.js'
import { createRedisTier, type KindCounts, type StoreRequest } from './redis-tier.js'
import { createCacheCounters, type Tier } from './stats.js'
import { createTagClock } from './tag-clock.js'

export interface CacheSettings {
  enabled: boolean
  keyPrefix: string
  kinds: Record<CacheKind, KindSettings>
  l1Enabled: boolean
  /** Payloads larger than this (bytes) are stored deflated in Redis; 0 = never. */
  compressThreshold: number
  /** While invalidations cannot reach this instance, in-process entries live at most this long. */
  degradedL1TtlMs?: number
  /** How long a distributed loader lock lives without being extended. */
  lockTtlMs?: number
  breaker?: { failureThreshold: number, cooldownMs: number, maxCooldownMs: number }
  /** Redis memory use above `ratio` × `bytes` reports the cache degraded. */
  memoryLimit?: { bytes: number, ratio: number }
}

export interface CacheLogger {
  info (obj: object, msg: string): void
  warn (obj: object, msg: string): void
}

export interface CacheDeps {
  settings: CacheSettings
  /** The command connection; without it the cache is in-process only. */
  redis?: Redis
  /** A second connection for invalidation messages (pub/sub needs its own). */
  subscriber?: Redis
  logger: CacheLogger
  instanceId?: string
}

export interface EntryOptions {
  /** What the value depends on: invalidating any of these drops it. */
  tags?: readonly string[]
  /** Seconds; defaults to the kind's TTL. */
  ttl?: number
}

export interface Hit { payload: Buffer, createdAt: number, tier: Tier }

/** Permission to store a value computed after `lookup`, if nothing it depends on changed since. */
export interface Ticket {
  readonly kind: CacheKind
  readonly key: string
  readonly fullKey: string
  readonly tags: readonly string[]
  /** Tag versions read before the value was computed; undefined when Redis was not asked. */
  readonly versions: readonly string[] | undefined
  /** The local tag clock when the read began. */
  readonly since: number
}

export interface Lookup { hit: Hit | undefined, ticket: Ticket }

/** What an invalidation did: entries dropped per kind, and whether every instance will hear of it. */
export interface TagInvalidation {
  counts: KindCounts
  /**
   * True once Redis took the new versions and the message (or there is no Redis to
   * tell); false when Redis did not answer: this process replays it when Redis is back.
   */
  delivered: boolean
}

interface Message { from: string, tags?: string[], patterns?: string[], clear?: true }

// Probes back off to 1 s at most: after an outage, missed invalidations are replayed within a second.
const DEFAULT_BREAKER = { failureThreshold: 3, cooldownMs: 250, maxCooldownMs: 1000 }
// Beyond this many tags waiting to be replayed, recovery drops everything instead.
const MAX_PENDING_TAGS = 1000
// How many tags this instance remembers the version of (see `observe`).
const SEEN_VERSIONS = 10_000

const zeroCounts = (): KindCounts => Object.fromEntries(CACHE_KINDS.map((kind) => [kind, 0])) as KindCounts
/** Versions are random tokens, never counters: they cannot repeat after an eviction or a restart. */
const newVersion = () => `${Date.now().toString(36)}.${randomBytes(9).toString('base64url')}`
const encodeValue = (value: unknown) => Buffer.from(JSON.stringify(value))
const decodeValue = <T>(bytes: Buffer): T => JSON.parse(bytes.toString('utf8'))

/** Sorted, unique, and always ending with the global tag (so one invalidation can drop everything). */
function normalizeTags (tags: readonly string[] = []): string[] {
  return [...new Set(tags.filter((tag) => tag !== GLOBAL_TAG))].sort().concat(GLOBAL_TAG)
}

/**
 * The two-tier cache: an in-process LRU (L1) in front of Redis (L2).
 * See DESIGN.md §6 for the invariants; the comments below say which one a
 * step protects.
 */
export function createCacheService ({ settings, redis, subscriber, logger, instanceId = randomUUID() }: CacheDeps) {
  const keys = createKeyspace(settings.keyPrefix)
  const kinds = settings.kinds
  const memory = createMemoryTier(kinds)
  const clock = createTagClock()
  const counters = createCacheCounters()
  const degradedL1TtlMs = settings.degradedL1TtlMs ?? 1000
  const lockTtlMs = settings.lockTtlMs ?? 5000
  const longestTtlMs = Math.max(...CACHE_KINDS.map((kind) => kinds[kind].ttl)) * 1000
  let subscribed = false
  let epochs = 0
  // Invalidations that may not have reached Redis or the other instances: replayed before Redis is read again.
  const pending = new Set<string>()
  // The command connection was lost: Redis may have restarted (from its append-only file) while any
  // instance's invalidations failed, so recovery starts a new epoch rather than replaying tags.
  let connectionLost = false
  // The tag versions this instance last used: a different one seen in Redis means an
  // invalidation whose message has not arrived yet (see `observe`).
  const seen = new Map<string, string>()

  const breaker = createCircuitBreaker({
    ...DEFAULT_BREAKER,
    ...settings.breaker,
    probe: recover,
    onStateChange (state: BreakerState, err?: unknown) {
      const detail = { state, error: (err as Error | undefined)?.message }
      if (state === 'open') {
        logger.warn(detail, 'redis unavailable: serving from the in-process cache')
        // a paused or hung Redis delivers no messages even to a live subscription
        memory.capExpiry(Date.now() + degradedL1TtlMs)
      } else if (state === 'closed') {
        logger.info(detail, 'redis available again')
      }
    }
  })

  const l2 = redis === undefined
    ? undefined
    : createRedisTier({
      client: redis,
      keys,
      breaker,
      versionTtlMs: longestTtlMs * 2,
      onError: () => counters.error()
    })

  // L1 is trusted only while invalidation messages can reach it (invariant 2): without a
  // subscription, or while Redis does not answer, its entries live `degradedL1TtlMs` at most.
  const distributed = subscriber !== undefined
  const l1Enabled = settings.enabled && settings.l1Enabled
  const l1TtlCap = () => (!distributed || subscribed) && breaker.allows() ? Infinity : degradedL1TtlMs

  function backfill (kind: CacheKind, fullKey: string, tags: readonly string[], since: number, payload: Buffer, createdAt: number, ttlMs: number) {
    // Invariant 3 for L1: nothing read before an invalidation is kept after it.
    if (!l1Enabled || clock.changedSince(tags, since)) return
    const now = Date.now()
    const expiresAt = Math.min(createdAt + ttlMs, now + l1TtlCap())
    if (expiresAt > now) memory.set(kind, fullKey, { payload, createdAt, expiresAt, tags })
  }

  function remember (tag: string, version: string) {
    seen.delete(tag)
    seen.set(tag, version)
    if (seen.size > SEEN_VERSIONS) seen.delete(seen.keys().next().value!)
  }

  /**
   * Tag versions just read from Redis. One that differs from the version this
   * instance last used belongs to an invalidation whose message has not arrived
   * yet: apply it here at once. Otherwise a value computed now could combine
   * fresh versions with older data still in L1 (a cached response built on a
   * cached form), and be stored as current (invariant 3).
   */
  function observe (tags: readonly string[], versions: ReadonlyArray<string | null>) {
    const moved: string[] = []
    tags.forEach((tag, i) => {
      const version = versions[i]
      if (version === null || version === undefined || seen.get(tag) === version) return
      if (seen.has(tag)) moved.push(tag)
      remember(tag, version)
    })
    if (moved.length === 0) return
    clock.touch(moved)
    memory.dropTags(moved)
  }

  function fromL1 (kind: CacheKind, fullKey: string, count: boolean): Hit | undefined {
    if (!l1Enabled) return undefined
    const entry = memory.get(kind, fullKey)
    if (entry === undefined) return undefined
    if (count) counters.hit(kind, 'l1')
    return { payload: entry.payload, createdAt: entry.createdAt, tier: 'l1' }
  }

  /**
   * What Redis answered for a ticket's key: the entry if it was computed under
   * the current versions (else it is stale, invariant 3), and a ticket under
   * those versions when they all exist.
   */
  function accept (ticket: Ticket, bytes: Buffer | null, versions: ReadonlyArray<string | null>, since: number): { hit?: Hit, ticket?: Ticket } {
    observe(ticket.tags, versions)
    if (versions.includes(null)) return {}
    const entry = bytes === null ? undefined : decodeEntry(bytes)
    if (entry !== undefined && entry.versions === versions.join(' ')) {
      backfill(ticket.kind, ticket.fullKey, ticket.tags, since, entry.payload, entry.createdAt, entry.ttlMs)
      return { hit: { payload: entry.payload, createdAt: entry.createdAt, tier: 'l2' } }
    }
    return { ticket: { ...ticket, versions: versions as string[], since } }
  }

  /**
   * Looks a key up in L1, then L2 (one round trip: the entry and its tags'
   * current versions). Always returns a ticket for storing a value computed
   * afterwards.
   */
  async function lookup (kind: CacheKind, key: string, tags?: readonly string[], { read = true, count = true } = {}): Promise<Lookup> {
    const fullKey = keys.entry(kind, key)
    const tagList = normalizeTags(tags)
    const since = clock.now()
    const ticket = (versions?: readonly string[]): Ticket => ({ kind, key, fullKey, tags: tagList, versions, since })

    const local = read ? fromL1(kind, fullKey, count) : undefined
    if (local !== undefined) return { hit: local, ticket: ticket() }

    let versions: readonly string[] | undefined
    if (l2?.usable() === true) {
      const reply = await l2.read(fullKey, tagList)
      if (reply !== undefined) {
        const answer = accept(ticket(), read ? reply.entry : null, reply.versions, since)
        if (answer.hit !== undefined) {
          if (count) counters.hit(kind, 'l2')
          return { hit: answer.hit, ticket: ticket() }
        }
        versions = answer.ticket?.versions ?? await ensureVersions(tagList)
      }
    }
    if (read && count) counters.miss(kind)
    return { hit: undefined, ticket: ticket(versions) }
  }

  /** The current versions of the tags, creating missing ones (fresh tokens). */
  async function ensureVersions (tagList: readonly string[]): Promise<readonly string[] | undefined> {
    const versions = await l2!.ensureVersions(tagList, tagList.map(newVersion))
    if (versions !== undefined) observe(tagList, versions)
    return versions
  }

  function storeRequest (ticket: Ticket, payload: Buffer, ttlMs: number, createdAt: number, lock?: Lock): StoreRequest {
    const versions = ticket.versions!
    return {
      lockToken: lock?.token,
      kind: ticket.kind,
      key: ticket.key,
      tags: ticket.tags,
      versions,
      bytes: encodeEntry({ payload, createdAt, ttlMs, versions: versions.join(' ') }, settings.compressThreshold),
      ttlMs,
      maxEntries: kinds[ticket.kind].maxEntries
    }
  }

  /**
   * Stores a value computed after `lookup`: in L1 at once (unless one of its
   * tags was invalidated here since), in Redis only if no tag version moved
   * since the lookup (invariant 3). Resolves false when it was refused.
   */
  async function fill (ticket: Ticket, payload: Buffer, ttl?: number, lock?: Lock): Promise<boolean> {
    if (!settings.enabled) return false
    const ttlMs = (ttl ?? kinds[ticket.kind].ttl) * 1000
    const createdAt = Date.now()
    backfill(ticket.kind, ticket.fullKey, ticket.tags, ticket.since, payload, createdAt, ttlMs)
    counters.write(ticket.kind)
    if (l2 === undefined || ticket.versions === undefined) return true
    const evicted = await l2.store(storeRequest(ticket, payload, ttlMs, createdAt, lock))
    if (evicted === -1) {
      // invalidated while the value was computed: it must not be served
      memory.delete(ticket.kind, ticket.fullKey)
      return false
    }
    if (evicted !== undefined && evicted > 0) counters.evicted(ticket.kind, evicted)
    return true
  }

  const readThrough = createReadThrough({
    keys,
    counters,
    l2,
    lockTtlMs,
    lookup,
    fill,
    accept,
    isCurrent: (ticket) => !clock.changedSince(ticket.tags, ticket.since),
    now: () => clock.now()
  })

  /** An L1 hit, synchronously (no promise, no round trip), or undefined. */
  function peek (kind: CacheKind, key: string): Hit | undefined {
    return fromL1(kind, keys.entry(kind, key), true)
  }

  /**
   * A hit, or a miss for the caller to fill (and `finish`, always). Concurrent
   * misses of one key wait for a single leader, across instances with Redis.
   */
  async function begin (kind: CacheKind, key: string, tags?: readonly string[]): Promise<Begin> {
    const hit = peek(kind, key)
    return hit === undefined ? readThrough.begin(kind, key, tags) : { hit }
  }

  /**
   * Read-through: L1, then L2, then the loader — once per key per instance
   * and, with Redis, once across instances. `null`/`undefined` results are
   * returned but never cached; every caller gets its own copy of a cached value.
   */
  async function getOrSet<T> (kind: CacheKind, key: string, loader: () => Promise<T> | T, options: EntryOptions = {}): Promise<T> {
    if (!settings.enabled) return loader()
    const cached = peek(kind, key)
    if (cached !== undefined) return decodeValue<T>(cached.payload)
    const { hit, fill: miss } = await readThrough.begin(kind, key, options.tags)
    if (hit !== undefined) return decodeValue<T>(hit.payload)
    let value: T
    try {
      value = await loader()
    } catch (err) {
      void miss.finish()
      throw err
    }
    // the caller does not wait for Redis
    void miss.finish(value === undefined || value === null ? undefined : encodeValue(value), options.ttl)
    return value
  }

  /** Tickets for many keys of a kind in one round trip (the versions of all their tags). */
  async function tickets (kind: CacheKind, items: ReadonlyArray<{ key: string, tags?: readonly string[] }>): Promise<Ticket[]> {
    const since = clock.now()
    const tagLists = items.map((item) => normalizeTags(item.tags))
    let versionOf: Map<string, string> | undefined
    if (l2?.usable() === true) {
      const tags = [...new Set(tagLists.flat())]
      const versions = await ensureVersions(tags)
      if (versions !== undefined) versionOf = new Map(tags.map((tag, i) => [tag, versions[i]!]))
    }
    return items.map((item, i) => ({
      kind,
      key: item.key,
      fullKey: keys.entry(kind, item.key),
      tags: tagLists[i]!,
      versions: versionOf === undefined ? undefined : tagLists[i]!.map((tag) => versionOf.get(tag)!),
      since
    }))
  }

  /** Batched fills: L1 at once, Redis in one round trip. Resolves with how many were stored. */
  function pipeline () {
    const queued: Array<{ ticket: Ticket, value: unknown, ttl?: number }> = []
    return {
      fill (ticket: Ticket, value: unknown, ttl?: number) {
        queued.push({ ticket, value, ttl })
        return this
      },
      async exec (): Promise<number> {
        if (!settings.enabled) return 0
        const createdAt = Date.now()
        const requests: StoreRequest[] = []
        for (const { ticket, value, ttl } of queued) {
          const payload = encodeValue(value)
          const ttlMs = (ttl ?? kinds[ticket.kind].ttl) * 1000
          backfill(ticket.kind, ticket.fullKey, ticket.tags, ticket.since, payload, createdAt, ttlMs)
          counters.write(ticket.kind)
          if (ticket.versions !== undefined) requests.push(storeRequest(ticket, payload, ttlMs, createdAt))
        }
        if (l2 === undefined || requests.length === 0) return queued.length
        const results = await l2.storeMany(requests)
        if (results === undefined) return queued.length - requests.length
        results.forEach((evicted, i) => {
          const request = requests[i]!
          if (evicted === -1) memory.delete(request.kind, keys.entry(request.kind, request.key))
          else if (evicted > 0) counters.evicted(request.kind, evicted)
        })
        return queued.length - results.filter((evicted) => evicted === -1).length
      }
    }
  }

  /**
   * Warms many entries: versions first (one round trip), then the values from
   * the source, then all writes in one round trip. Values read after the
   * versions cannot write back stale data.
   */
  async function warm (kind: CacheKind, items: ReadonlyArray<{ key: string, tags?: readonly string[] }>,
    loadValues: (keys: string[]) => Promise<ReadonlyArray<unknown>>, ttl?: number): Promise<number> {
    if (!settings.enabled || items.length === 0) return 0
    const batch = await tickets(kind, items)
    const values = await loadValues(items.map((item) => item.key))
    const writes = pipeline()
    batch.forEach((ticket, i) => {
      const value = values[i]
      if (value !== undefined && value !== null) writes.fill(ticket, value, ttl)
    })
    return writes.exec()
  }

  /** An invalidation did not reach Redis or the other instances: no Redis reads until recovery replays it. */
  function missed (tags: readonly string[]) {
    for (const tag of tags) pending.add(tag)
    if (pending.size > MAX_PENDING_TAGS) { pending.clear(); pending.add(GLOBAL_TAG) }
    breaker.trip(new Error('an invalidation could not reach redis'))
  }

  const messageOf = (content: Omit<Message, 'from'>) => JSON.stringify({ from: instanceId, ...content })

  async function broadcast (content: Omit<Message, 'from'>): Promise<boolean> {
    return await l2!.publish(messageOf(content)) !== undefined
  }

  /**
   * Drops everything carrying any of the tags, on every instance: new versions
   * in Redis first, then this instance's L1, then a message to the others.
   * Counts per kind (Redis entries; L1 entries when Redis is not reachable).
   */
  async function invalidateTags (tags: readonly string[]): Promise<TagInvalidation> {
    const list = [...new Set(tags)]
    if (list.length === 0 || !settings.enabled) return { counts: zeroCounts(), delivered: true }
    let counts: KindCounts | undefined
    if (l2 !== undefined) {
      // past the breaker: a write must reach the other instances whenever Redis answers at all
      const versions = list.map(newVersion)
      counts = await l2.invalidate(list, versions, messageOf({ tags: list }), true)
      if (counts === undefined) missed(list) // replayed before Redis is read again (invariant 6)
      else list.forEach((tag, i) => remember(tag, versions[i]!))
    }
    clock.touch(list)
    const local = memory.dropTags(list)
    return { counts: counts ?? local, delivered: l2 === undefined || counts !== undefined }
  }

  /** Deletes the keys matching a glob (relative to the prefix) in both tiers, on every instance. */
  async function invalidatePattern (glob: string): Promise<number> {
    if (!settings.enabled) return 0
    const pattern = globToRegExp(keys.prefix + glob)
    let deleted: number | undefined
    if (l2 !== undefined) {
      deleted = (await l2.deleteMatching(glob))?.keys
      if (deleted === undefined || !await broadcast({ patterns: [glob] })) missed([GLOBAL_TAG])
    }
    clock.touchAll()
    const local = memory.dropMatching(pattern)
    return deleted ?? local
  }

  /** Everything under the key prefix, and nothing else, in both tiers, on every instance. */
  async function clearAll (): Promise<number> {
    if (!settings.enabled) return 0
    let deleted: number | undefined
    if (l2 !== undefined) {
      deleted = (await l2.deleteMatching('*'))?.keys
      if (deleted === undefined || !await broadcast({ clear: true })) missed([GLOBAL_TAG])
    }
    clock.touchAll()
    const local = memory.clear()
    return deleted ?? local
  }

  /**
   * The breaker's probe (invariant 6): Redis answers, and nothing that may have
   * missed an invalidation is read from it before that is repaired. The
   * invalidations this instance could not deliver are replayed (and announced).
   * After a lost connection, Redis may have restarted from its append-only file
   * while anyone's invalidations failed: a new epoch (a new version of the global
   * tag every entry carries) makes everything stored stale, and every instance
   * drops its L1. A timeout alone (a slow moment) costs no entry.
   */
  async function recover () {
    await l2!.ping()
    for (let pass = 0; pending.size > 0 || connectionLost; pass++) {
      if (pass === 3) throw new Error('invalidations keep failing')
      const tags = connectionLost || pending.has(GLOBAL_TAG) ? [GLOBAL_TAG] : [...pending]
      const versions = tags.map(newVersion)
      const counts = await l2!.invalidate(tags, versions, messageOf({ tags }), true)
      if (counts === undefined) throw new Error('could not replay the missed invalidations')
      tags.forEach((tag, i) => remember(tag, versions[i]!))
      if (tags.includes(GLOBAL_TAG)) {
        pending.clear()
        connectionLost = false
        purgeL1()
        epochs++
      } else {
        for (const tag of tags) pending.delete(tag)
      }
    }
  }

  function onMessage (raw: string) {
    let message: Message
    try { message = JSON.parse(raw) } catch { return }
    if (message.from === instanceId) return
    if (message.tags !== undefined) {
      clock.touch(message.tags)
      memory.dropTags(message.tags)
      for (const tag of message.tags) seen.delete(tag)
    }
    if (message.patterns !== undefined) {
      clock.touchAll()
      for (const glob of message.patterns) memory.dropMatching(globToRegExp(keys.prefix + glob))
    }
    if (message.clear === true) { clock.touchAll(); memory.clear() }
  }

  /** Invalidations may have been missed: nothing in L1 can be trusted. */
  function purgeL1 () {
    clock.touchAll()
    memory.clear()
  }

  const report = createCacheReport({
    settings,
    counters,
    memory,
    breaker,
    l2,
    connected: () => redis?.status === 'ready',
    subscribed: () => subscribed,
    epochs: () => epochs,
    pendingInvalidations: () => pending.size
  })

  if (redis !== undefined) {
    redis.on('close', () => {
      connectionLost = true
      breaker.trip(new Error('connection to redis closed'))
    })
    redis.on('ready', () => breaker.probeSoon())
    // not connected yet: start on L1 alone; the first 'ready' probes and switches over
    if (redis.status !== 'ready') breaker.trip(new Error('redis not connected'))
  }

  if (subscriber !== undefined) {
    const subscribe = () => {
      subscriber.subscribe(keys.channel).then(() => {
        // whatever was published while we were not listening is lost: start clean
        purgeL1()
        subscribed = true
      }, (err: Error) => logger.warn({ error: err.message }, 'could not subscribe to cache invalidations'))
    }
    subscriber.on('message', (channel: string, message: string) => { if (channel === keys.channel) onMessage(message) })
    subscriber.on('ready', subscribe)
    subscriber.on('close', () => {
      if (!subscribed) return
      subscribed = false
      purgeL1()
    })
    if (subscriber.status === 'ready') subscribe()
  }

  return {
    instanceId,
    keys,
    lookup,
    fill,
    peek,
    begin,
    getOrSet,
    tickets,
    pipeline,
    warm,
    invalidateTags,
    invalidatePattern,
    clearAll,
    ...report,
    counters,
    /** Whether Redis is in use right now (the breaker is closed). */
    redisAvailable: () => l2?.usable() === true,
    /** Parses a payload stored by getOrSet, set or a pipeline. */
    decode: decodeValue,
    /** Stores a value that is current now (prefer getOrSet: it cannot write back stale data). */
    async set (kind: CacheKind, key: string, value: unknown, options: EntryOptions = {}): Promise<boolean> {
      const { ticket } = await lookup(kind, key, options.tags, { read: false })
      return fill(ticket, encodeValue(value), options.ttl)
    },
    async get<T> (kind: CacheKind, key: string, tags?: readonly string[]): Promise<T | undefined> {
      const { hit } = await lookup(kind, key, tags)
      return hit === undefined ? undefined : decodeValue<T>(hit.payload)
    },
    close () {
      breaker.stop()
    }
  }
}

export type CacheService = ReturnType<typeof createCacheService>

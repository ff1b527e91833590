import { randomUUID } from 'node:crypto'
import type { Cluster, Redis } from 'ioredis'
import { createCircuitBreaker, type BreakerState } from './breaker.js'
import { createBus } from './bus.js'
import { createInvalidator } from './invalidator.js'
import { isFailure, loadThrough } from './loader.js'
import { createKeyspace } from './keys.js'
import { CACHE_KINDS, type CacheKind } from './kinds.js'
import { createMemoryTier } from './memory-tier.js'
import { createReadPath, type OpenOptions, type Opened } from './read-path.js'
import { createRecovery } from './recovery.js'
import { createRedisTier, type RedisClient } from './redis-tier.js'
import { createCacheReport } from './report.js'
import { createCacheCounters } from './stats.js'
import { createSizeLimits } from './size-limits.js'
import { createTagClock } from './tag-clock.js'
import type { CacheLogger, CacheSettings, Hit } from './types.js'
import { createTagVersions } from './versions.js'

export type { CacheLogger, CacheSettings, Hit } from './types.js'
export type { TagInvalidation } from './invalidator.js'
export type { Fill, Opened } from './read-path.js'

export interface CacheDeps {
  settings: CacheSettings
  /** The command connection; without it the cache is in-process only. */
  redis?: RedisClient
  /** A second connection for invalidation messages (pub/sub needs its own). */
  subscriber?: Redis | Cluster
  /** Redis Cluster: sharded pub/sub for the invalidation channel. */
  sharded?: boolean
  logger: CacheLogger
  instanceId?: string
}

export interface EntryOptions {
  /** What the value depends on: invalidating any of these drops it. */
  tags?: readonly string[]
  /** Seconds; defaults to the kind's TTL. */
  ttl?: number
  /**
   * Every caller gets the same value, decoded once and frozen (read-only):
   * for a value read on every request (the user session), no parse per read.
   */
  shared?: boolean
}

// Probes back off to 1 s at most: after an outage, missed invalidations are replayed within a second.
const DEFAULT_BREAKER = { failureThreshold: 3, cooldownMs: 250, maxCooldownMs: 1000 }

// Background refreshes this instance runs at once at most.
const MAX_REFRESHES = 1000

const encodeValue = (value: unknown) => Buffer.from(JSON.stringify(value))
const decodeValue = <T>(bytes: Buffer): T => JSON.parse(bytes.toString('utf8'))

/** Freezes a decoded JSON value all the way down (it is shared by every reader). */
function deepFreeze<T> (value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const child of Object.values(value)) deepFreeze(child)
  }
  return value
}

/**
 * The two-tier cache: an in-process LRU (L1) in front of Redis (L2). This file
 * wires the parts together and is the API the rest of the service uses; see
 * docs/ARCHITECTURE.md for the data model and the invariants.
 */
export function createCacheService ({ settings, redis, subscriber, sharded = false, logger, instanceId = randomUUID() }: CacheDeps) {
  const keys = createKeyspace(settings.keyPrefix)
  const memory = createMemoryTier({ kinds: settings.kinds, maxBytes: settings.l1MaxBytes })
  const clock = createTagClock()
  const counters = createCacheCounters()
  const degradedL1TtlMs = settings.degradedL1TtlMs ?? 1000
  const longestLifeMs = (Math.max(...CACHE_KINDS.map((kind) => settings.kinds[kind].ttl)) + settings.graceSeconds) * 1000
  const l1Enabled = settings.enabled && settings.l1Enabled
  let resyncing = false

  const breaker = createCircuitBreaker({
    ...DEFAULT_BREAKER,
    ...settings.breaker,
    probe: async () => {
      try { await recovery?.recover() } finally { firstProbe() }
    },
    // until the first probe has checked the epoch, Redis is not used
    startOpen: redis !== undefined,
    onStateChange (state: BreakerState, err?: unknown) {
      const detail = { state, error: (err as Error | undefined)?.message }
      if (state === 'open') {
        logger.warn(detail, 'redis unavailable: serving from the in-process cache and the database')
        memory.capExpiry(Date.now() + degradedL1TtlMs)
      } else if (state === 'closed') {
        logger.info(detail, 'redis available')
        // recovery checked the in-process entries against Redis
        if (linkHealthy()) memory.uncap()
      }
    }
  })

  const l2 = redis === undefined
    ? undefined
    : createRedisTier({
      client: redis,
      keys,
      breaker,
      versionTtlMs: longestLifeMs * 2,
      publishCommand: sharded ? 'spublish' : 'publish',
      onError: () => counters.error()
    })

  // In-process entries (and the tag versions known here) are trusted only while every
  // invalidation reaches this instance: else entries live `degradedL1TtlMs` at most.
  const linkHealthy = () => bus === undefined || bus.healthy
  const trusted = () => l2 === undefined || (linkHealthy() && breaker.allows() && !resyncing)
  const l1TtlCap = () => trusted() ? Infinity : degradedL1TtlMs

  const versions = createTagVersions({ memory, clock, trusted, capacity: settings.knownTags })
  const invalidator = createInvalidator({ enabled: settings.enabled, instanceId, memory, clock, versions, breaker, l2 })
  const recovery = l2 === undefined ? undefined : createRecovery({ l2, memory, clock, versions, invalidator, logger })
  const sizes = createSizeLimits({ kinds: settings.kinds, keys, counters, l2 })
  const readPath = createReadPath({ settings, keys, memory, versions, clock, counters, l2, buckets: sizes.buckets, l1TtlCap, stored: sizes.stored })

  async function resync () {
    resyncing = true
    try { await recovery?.resync() } finally { resyncing = false }
    if (trusted()) memory.uncap()
  }

  const bus = subscriber === undefined || l2 === undefined
    ? undefined
    : createBus({
      subscriber,
      channel: keys.channel,
      sharded,
      instanceId,
      publish: (message) => l2.publish(message),
      heartbeatMs: settings.heartbeatMs ?? 500,
      silenceMs: settings.silenceMs ?? 2000,
      onMessage: invalidator.onMessage,
      onLink (healthy, reason) {
        if (!healthy) {
          logger.warn({ reason }, 'invalidations may not reach this instance: in-process entries live at most ' +
            `${degradedL1TtlMs} ms until the link is back`)
          memory.capExpiry(Date.now() + degradedL1TtlMs)
        } else {
          logger.info({}, 'invalidation link healthy again')
          // whatever was published while we were not listening may be lost: check what we hold
          if (breaker.allows()) void resync()
        }
      },
      logger
    })

  // settles once the first probe (the epoch check) has run, or at once without Redis
  let firstProbe: () => void = () => {}
  const started = redis === undefined ? Promise.resolve() : new Promise<void>((resolve) => { firstProbe = resolve })
  // A failover behind a live connection (a Cluster's replica promoted) shows only in the servers'
  // run_ids: check the epoch now and then, not only on reconnect.
  const epochTimer = recovery === undefined
    ? undefined
    : setInterval(() => {
      if (breaker.allows()) recovery.checkEpoch().catch((err: unknown) => breaker.failure(err, { trip: true }))
    }, settings.epochCheckMs ?? 1000).unref()

  if (redis !== undefined) {
    redis.on('close', () => breaker.trip(new Error('connection to redis closed')))
    // (re)connected: the probe checks the epoch, replays, and switches over
    redis.on('ready', () => breaker.probeSoon())
    if (redis.status === 'ready') breaker.probeSoon()
  }

  /** An L1 hit, synchronously (no promise, no round trip), or undefined. */
  function peek (kind: CacheKind, key: string): Hit | undefined {
    if (!l1Enabled) return undefined
    const entry = memory.get(kind, keys.entry(kind, key))
    if (entry === undefined) return undefined
    counters.hit(kind, 'l1')
    return { payload: entry.payload, createdAt: entry.createdAt, ttlMs: entry.ttlMs, tier: 'l1' }
  }

  /**
   * A value of the in-process tier, decoded once and frozen, shared by every
   * reader (synchronously), or undefined. Near the end of its TTL it is
   * refreshed in the background with `loader`, when given.
   */
  function peekShared<T> (kind: CacheKind, key: string, refresh?: { loader: () => Promise<T> | T, tags?: readonly string[] }): T | undefined {
    const entry = l1Enabled ? memory.get(kind, keys.entry(kind, key)) : undefined
    if (entry === undefined) return undefined
    counters.hit(kind, 'l1')
    if (refresh !== undefined && needsRefresh(entry)) refreshAhead(kind, key, refresh.tags, async () => toPayload(await refresh.loader()))
    entry.decoded ??= deepFreeze(decodeValue(entry.payload))
    return entry.decoded as T
  }

  /** A hit, or a miss to fill (`commit` or `abandon`, always). Concurrent misses of one key wait for one load. */
  function open (kind: CacheKind, key: string, tags?: readonly string[], options?: OpenOptions): Promise<Opened> {
    return readPath.open(kind, key, tags, options)
  }

  /** Whether a hit is past CACHE_EAGER_REFRESH of its TTL (then it is refreshed in the background). */
  function needsRefresh (hit: Pick<Hit, 'createdAt' | 'ttlMs' | 'stale'>, now = Date.now()): boolean {
    return settings.eagerRefresh > 0 && hit.stale !== true && now - hit.createdAt > hit.ttlMs * settings.eagerRefresh
  }

  /**
   * Refreshes an entry in the background (a hit near the end of its TTL), once
   * per key here and, through the key's lock, once across instances.
   */
  function refreshAhead (kind: CacheKind, key: string, tags: readonly string[] | undefined, produce: () => Promise<Buffer | undefined>, ttl?: number) {
    const fullKey = keys.entry(kind, key)
    if (refreshing.has(fullKey) || refreshing.size >= MAX_REFRESHES) return
    refreshing.add(fullKey)
    void (async () => {
      // another instance may have refreshed it already: then Redis has the newer entry, and that is all
      const current = await readPath.open(kind, key, tags, { count: false })
      if (current.hit !== undefined && !needsRefresh(current.hit)) return
      const { fill } = current.fill !== undefined ? current : await readPath.open(kind, key, tags, { read: false, lock: true })
      if (!fill!.leader) return fill!.abandon()
      counters.refresh(kind)
      try {
        const payload = await produce()
        await (payload === undefined ? fill!.abandon() : fill!.commit(payload, ttl))
      } catch (err) {
        await (isFailure(err) ? fill!.fail() : fill!.abandon())
      }
    })().catch(() => {}).finally(() => refreshing.delete(fullKey))
  }
  const refreshing = new Set<string>()

  /**
   * Read-through: L1, then L2, then the loader — once per key per instance
   * and, with Redis, once across instances. `null`/`undefined` results are
   * returned but never cached; every caller gets its own copy of a cached value.
   * A grace entry answers when the loader fails or is slow (fail-safe); a hit
   * near the end of its TTL is refreshed in the background.
   */
  async function getOrSet<T> (kind: CacheKind, key: string, loader: () => Promise<T> | T, options: EntryOptions = {}): Promise<T> {
    if (!settings.enabled) return loader()
    if (options.shared === true) {
      const value = peekShared<T>(kind, key, { loader, tags: options.tags })
      if (value !== undefined) return value
    }
    const cached = peek(kind, key)
    const { hit, fill } = cached !== undefined ? { hit: cached } : await readPath.open(kind, key, options.tags)
    if (hit !== undefined) {
      if (needsRefresh(hit)) refreshAhead(kind, key, options.tags, async () => toPayload(await loader()), options.ttl)
      return decodeValue<T>(hit.payload)
    }
    return loadThrough(kind, fill, loader, { encode: encodeValue, decode: decodeValue<T>, ttl: options.ttl, timeouts: settings, counters })
  }

  const toPayload = (value: unknown) => value === undefined || value === null ? undefined : encodeValue(value)

  /** The entry as the read path sees it, without loading or locking anything (tests and tools). */
  async function lookup (kind: CacheKind, key: string, tags?: readonly string[], { count = true } = {}): Promise<{ hit: Hit | undefined }> {
    const local = count ? peek(kind, key) : (l1Enabled ? memory.get(kind, keys.entry(kind, key)) : undefined)
    if (local !== undefined) return { hit: { payload: local.payload, createdAt: local.createdAt, ttlMs: local.ttlMs, tier: 'l1' } }
    const opened = await readPath.open(kind, key, tags, { lead: false, count })
    if (opened.fill !== undefined) await opened.fill.abandon()
    return { hit: opened.hit }
  }

  /**
   * Warms many entries: the versions first, then the values from the source,
   * then every store at once. Values read after the versions cannot write back stale data.
   */
  async function warm (kind: CacheKind, items: ReadonlyArray<{ key: string, tags?: readonly string[] }>,
    loadValues: (keys: string[]) => Promise<ReadonlyArray<unknown>>, ttl?: number): Promise<number> {
    if (!settings.enabled || items.length === 0) return 0
    const fills = await Promise.all(items.map((item) => readPath.open(kind, item.key, item.tags, { read: false })))
    const values = await loadValues(items.map((item) => item.key))
    const stored = await Promise.all(fills.map(({ fill }, i) => {
      const value = values[i]
      return value === undefined || value === null ? fill!.abandon().then(() => false) : fill!.commit(encodeValue(value), ttl)
    }))
    return stored.filter(Boolean).length
  }

  const report = createCacheReport({
    settings,
    counters,
    memory,
    breaker,
    l2,
    buckets: sizes.buckets,
    connected: () => redis?.status === 'ready',
    link: () => bus === undefined ? undefined : { healthy: bus.healthy, subscribed: bus.subscribed, reason: bus.reason(), silentFor: bus.silentFor() },
    epochs: () => recovery?.epochs() ?? 0,
    pendingInvalidations: invalidator.pending
  })

  return {
    instanceId,
    keys,
    peek,
    peekShared,
    open,
    getOrSet,
    needsRefresh,
    refreshAhead,
    lookup,
    nameOf: readPath.nameOf,
    warm,
    invalidateTags: invalidator.invalidateTags,
    /** Prefer the invalidation service's `invalidatePattern`, which logs and counts it. */
    invalidatePattern: async (glob: string) => (await invalidator.deleteMatching(glob)).keys,
    /** Prefer the invalidation service's `clearAll`, which logs and counts it. */
    clearAll: async () => (await invalidator.deleteAll()).keys,
    deleteMatching: invalidator.deleteMatching,
    deleteAll: invalidator.deleteAll,
    ...report,
    counters,
    /** Settles once Redis is in use, or the first attempt to use it failed (at once without Redis). */
    started: () => started,
    /** Whether Redis is in use right now (the breaker is closed). */
    redisAvailable: () => l2?.usable() === true,
    /** Parses a payload stored by getOrSet or set. */
    decode: decodeValue,
    /** Stores a value that is current now (prefer getOrSet: it cannot write back stale data). */
    async set (kind: CacheKind, key: string, value: unknown, options: EntryOptions = {}): Promise<boolean> {
      if (!settings.enabled) return false
      const { fill } = await readPath.open(kind, key, options.tags, { read: false })
      return fill!.commit(encodeValue(value), options.ttl)
    },
    async get<T> (kind: CacheKind, key: string, tags?: readonly string[]): Promise<T | undefined> {
      const { hit } = await lookup(kind, key, tags)
      return hit === undefined ? undefined : decodeValue<T>(hit.payload)
    },
    close () {
      breaker.stop()
      bus?.close()
      clearInterval(epochTimer)
    }
  }
}

export type CacheService = ReturnType<typeof createCacheService>

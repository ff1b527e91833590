import { CACHE_KINDS, type CacheKind, type KindSettings } from './kinds.js'

// Types every part of the engine shares (kept here so the parts import no one but this).

export type KindCounts = Record<CacheKind, number>

export const zeroCounts = (): KindCounts => Object.fromEntries(CACHE_KINDS.map((kind) => [kind, 0])) as KindCounts

export type Tier = 'l1' | 'l2'

/** A cached value found in a tier. */
export interface Hit {
  payload: Buffer
  createdAt: number
  ttlMs: number
  tier: Tier
  /** Past its TTL, served from the grace period because the load failed or was slow (fail-safe). */
  stale?: boolean
  /** Served from another request's load (a coalesced miss). */
  collapsed?: boolean
}

export interface CacheSettings {
  enabled: boolean
  keyPrefix: string
  kinds: Record<CacheKind, KindSettings>
  l1Enabled: boolean
  /** Payloads larger than this (bytes) are stored deflated in Redis; 0 = never. */
  compressThreshold: number
  /** The in-process tier's byte budget, all kinds together. */
  l1MaxBytes: number
  /** A larger value is served but not cached. */
  maxEntryBytes: number
  /** How long past its TTL an entry may be served when its loader fails or is slow; 0: never. */
  graceSeconds: number
  softTimeoutMs: number
  hardTimeoutMs: number
  /** A hit past this share of its TTL refreshes the entry in the background; 0: never. */
  eagerRefresh: number
  /** While invalidations may not reach this instance, in-process entries live at most this long. */
  degradedL1TtlMs?: number
  /** How many tag versions this instance remembers (the rest are read from Redis when needed). */
  knownTags?: number
  /** How long a distributed loader lock lives without being extended. */
  lockTtlMs?: number
  /** How often each instance publishes a heartbeat, and how long a silence means the link is lost. */
  heartbeatMs?: number
  silenceMs?: number
  breaker?: { failureThreshold: number, cooldownMs: number, maxCooldownMs: number }
  /** How often the epoch is checked against the Redis servers (a failover without a reconnect). */
  epochCheckMs?: number
  /** Redis memory use above `ratio` × `bytes` reports the cache degraded. */
  memoryLimit?: { bytes: number, ratio: number }
}

export interface CacheLogger {
  info (obj: object, msg: string): void
  warn (obj: object, msg: string): void
}

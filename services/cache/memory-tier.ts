import { LRUMapWithDelete } from 'mnemonist'
import { GLOBAL_TAG, kindTag } from './keys.js'
import { CACHE_KINDS, type CacheKind, type KindSettings } from './kinds.js'
import { zeroCounts, type KindCounts } from './types.js'

export interface MemoryEntry {
  /** Serialized bytes: a hit sends or parses them, never re-serializes. */
  payload: Buffer
  createdAt: number
  /** Fresh until then; the time-to-live it was stored with is `ttlMs`. */
  expiresAt: number
  ttlMs: number
  /** Kept as a grace entry (fail-safe) until then; never before `expiresAt`. */
  graceUntil: number
  /** Sorted; the versions each had when the value was computed, in the same order. */
  tags: readonly string[]
  versions: readonly string[]
  /** Set by the tier: the order entries came in (for the cap below). */
  seq?: number
  /** The payload decoded once, for readers that share it (read-only: frozen). */
  decoded?: unknown
}

export interface MemoryTierOptions {
  kinds: Record<CacheKind, KindSettings>
  /** All kinds together. */
  maxBytes: number
}

type Lru = LRUMapWithDelete<string, MemoryEntry>

/**
 * The kinds whose every entry carries `tag`: all of them for the global tag,
 * one for a kind's tag, none for an entry's own tags. Those two are implicit:
 * not indexed (the kind's LRU is their index), so a store touches only the
 * entry's own tags. Each kind has a tag index of its own, so dropping a kind
 * empties its LRU and its index whole, whatever it holds.
 */
function kindsCarrying (tag: string): readonly CacheKind[] {
  if (tag === GLOBAL_TAG) return CACHE_KINDS
  return tag.startsWith('#') ? CACHE_KINDS.filter((kind) => tag === kindTag(kind)) : []
}

/** The least recently used key (mnemonist keeps it at `K[tail]`; the tests pin that down). */
function leastRecentKey (lru: Lru): string | undefined {
  if (lru.size === 0) return undefined
  const internals = lru as unknown as { K: string[], tail: number }
  return internals.K[internals.tail]
}

/**
 * The in-process tier (L1): one bounded LRU per kind (capacity = the kind's
 * max entries), all of them within one byte budget, with a tag index so an
 * invalidation drops exactly the entries carrying the tag. Entries past their
 * TTL stay (within the bounds) as grace entries until `graceUntil`.
 */
export function createMemoryTier ({ kinds, maxBytes }: MemoryTierOptions) {
  const lrus = Object.fromEntries(CACHE_KINDS.map((kind) =>
    [kind, new LRUMapWithDelete<string, MemoryEntry>(kinds[kind].maxEntries)])) as Record<CacheKind, Lru>
  const evictions = zeroCounts()
  const kindBytes = zeroCounts()
  let bytes = 0
  // While invalidations may be missed, entries that came in before (seq ≤ capSeq) are not
  // served after capAt, whatever their own expiry; later ones carry a short expiry of their own.
  let seq = 0
  let capSeq = 0
  let capAt = Infinity
  const capped = (entry: MemoryEntry, now: number) => capAt <= now && entry.seq! <= capSeq
  // per kind, an entry's own tag → the keys of that kind carrying it (so dropping a kind drops its index whole)
  const byTag = Object.fromEntries(CACHE_KINDS.map((kind) => [kind, new Map<string, Set<string>>()])) as Record<CacheKind, Map<string, Set<string>>>

  function index (kind: CacheKind, key: string, tags: readonly string[]) {
    for (const tag of tags) {
      if (isImplicit(tag)) continue
      let keys = byTag[kind].get(tag)
      if (keys === undefined) byTag[kind].set(tag, keys = new Set())
      keys.add(key)
    }
  }

  function unindex (kind: CacheKind, key: string, tags: readonly string[]) {
    for (const tag of tags) {
      if (isImplicit(tag)) continue
      const keys = byTag[kind].get(tag)
      if (keys === undefined) continue
      keys.delete(key)
      if (keys.size === 0) byTag[kind].delete(tag)
    }
  }

  const isImplicit = (tag: string) => tag === GLOBAL_TAG || tag.startsWith('#')

  /** The keys (and their kind) of the entries carrying `tag`, collected first: the caller may remove them. */
  function carrying (tag: string): Array<[string, CacheKind]> {
    const kinds = kindsCarrying(tag)
    const keysOf = kinds.length === 0
      ? (kind: CacheKind) => byTag[kind].get(tag) ?? []
      : (kind: CacheKind) => lrus[kind].keys()
    return (kinds.length === 0 ? CACHE_KINDS : kinds).flatMap((kind) => [...keysOf(kind)].map((key): [string, CacheKind] => [key, kind]))
  }

  /** Empties one kind's LRU (the fast path of dropping a kind's tag or the global one). */
  function clearKind (kind: CacheKind): number {
    const lru = lrus[kind]
    const size = lru.size
    lru.clear()
    byTag[kind].clear()
    bytes -= kindBytes[kind]
    kindBytes[kind] = 0
    return size
  }

  function clear (): number {
    let dropped = 0
    for (const kind of CACHE_KINDS) { dropped += lrus[kind].size; lrus[kind].clear(); byTag[kind].clear(); kindBytes[kind] = 0 }
    bytes = 0
    return dropped
  }

  function forget (kind: CacheKind, key: string, entry: MemoryEntry) {
    unindex(kind, key, entry.tags)
    bytes -= entry.payload.length
    kindBytes[kind] -= entry.payload.length
  }

  function remove (kind: CacheKind, key: string): boolean {
    const entry = lrus[kind].remove(key, undefined)
    if (entry === undefined) return false
    forget(kind, key, entry)
    return true
  }

  /** Over the byte budget: the least recently used entry of the kind holding the most bytes goes. */
  function shrink () {
    for (;;) {
      if (bytes <= maxBytes) return
      const kind = CACHE_KINDS.reduce((most, k) => kindBytes[k] > kindBytes[most] ? k : most)
      const key = leastRecentKey(lrus[kind])
      if (key === undefined) return
      remove(kind, key)
      evictions[kind]++
    }
  }

  return {
    /** A fresh entry (and it becomes the most recently used), or undefined. */
    get (kind: CacheKind, key: string, now = Date.now()): MemoryEntry | undefined {
      const entry = lrus[kind].get(key)
      if (entry === undefined || entry.expiresAt <= now || capped(entry, now)) return undefined
      return entry
    },

    /** An entry past its TTL but within its grace period (fail-safe), or undefined. */
    getStale (kind: CacheKind, key: string, now = Date.now()): MemoryEntry | undefined {
      const entry = lrus[kind].peek(key)
      if (entry === undefined || capped(entry, now)) return undefined
      if (entry.graceUntil <= now) {
        remove(kind, key)
        return undefined
      }
      return entry
    },

    set (kind: CacheKind, key: string, entry: MemoryEntry) {
      const previous = lrus[kind].peek(key)
      if (previous !== undefined) forget(kind, key, previous)
      const popped = lrus[kind].setpop(key, entry)
      if (popped?.evicted === true) {
        forget(kind, popped.key, popped.value)
        evictions[kind]++
      }
      entry.seq = ++seq
      index(kind, key, entry.tags)
      bytes += entry.payload.length
      kindBytes[kind] += entry.payload.length
      shrink()
    },

    delete: remove,

    /** Drops every entry carrying one of the tags; counts per kind. */
    dropTags (tags: readonly string[]): KindCounts {
      const dropped = zeroCounts()
      const kinds = new Set(tags.flatMap(kindsCarrying))
      if (kinds.size === CACHE_KINDS.length) {
        for (const kind of CACHE_KINDS) dropped[kind] = lrus[kind].size
        clear()
        return dropped
      }
      for (const kind of kinds) dropped[kind] += clearKind(kind)
      for (const tag of tags) {
        if (!isImplicit(tag)) for (const [key, kind] of carrying(tag)) if (remove(kind, key)) dropped[kind]++
      }
      return dropped
    },

    /** Drops the entries of `tag` computed under another version of it than `version`. */
    dropOtherVersions (tag: string, version: string) {
      for (const [key, kind] of carrying(tag)) {
        const entry = lrus[kind].peek(key)!
        if (entry.versions[entry.tags.indexOf(tag)] !== version) remove(kind, key)
      }
    },

    /** The tags some entry carries (for checking them all against Redis). */
    tags (): string[] {
      const held = CACHE_KINDS.filter((kind) => lrus[kind].size > 0)
      const own = new Set(CACHE_KINDS.flatMap((kind) => [...byTag[kind].keys()]))
      return held.length === 0 ? [...own] : [...own, ...held.map(kindTag), GLOBAL_TAG]
    },

    /** Nothing is served after `at` (fresh or grace) until `uncap`: entries may have missed an invalidation. */
    capExpiry (at: number) {
      capAt = Math.min(capAt, at)
      capSeq = seq
    },

    /** The entries were checked against Redis: each is served until its own expiry again. */
    uncap () {
      capAt = Infinity
    },

    clear,

    size: (kind: CacheKind) => lrus[kind].size,
    /** Payload bytes held, all kinds. */
    bytes: () => bytes,
    evictions: (kind: CacheKind) => evictions[kind]
  }
}

export type MemoryTier = ReturnType<typeof createMemoryTier>

import { LRUMapWithDelete } from 'mnemonist'
import { GLOBAL_TAG } from './keys.js'
import { CACHE_KINDS, type CacheKind, type KindSettings } from './kinds.js'

export interface MemoryEntry {
  /** Serialized bytes: a hit sends or parses them, never re-serializes. */
  payload: Buffer
  createdAt: number
  expiresAt: number
  tags: readonly string[]
}

/**
 * The in-process tier (L1): one bounded LRU per kind (capacity = the kind's
 * max entries), with a tag index so an invalidation drops exactly the
 * entries carrying the tag.
 */
export function createMemoryTier (kinds: Record<CacheKind, KindSettings>) {
  const lrus = Object.fromEntries(CACHE_KINDS.map((kind) =>
    [kind, new LRUMapWithDelete<string, MemoryEntry>(kinds[kind].maxEntries)])) as Record<CacheKind, LRUMapWithDelete<string, MemoryEntry>>
  const evictions = Object.fromEntries(CACHE_KINDS.map((kind) => [kind, 0])) as Record<CacheKind, number>
  let bytes = 0
  // tag → the keys (and their kind) carrying it
  const byTag = new Map<string, Map<string, CacheKind>>()

  function index (key: string, kind: CacheKind, tags: readonly string[]) {
    for (const tag of tags) {
      if (tag === GLOBAL_TAG) continue
      let keys = byTag.get(tag)
      if (keys === undefined) byTag.set(tag, keys = new Map())
      keys.set(key, kind)
    }
  }

  function unindex (key: string, tags: readonly string[]) {
    for (const tag of tags) {
      const keys = byTag.get(tag)
      if (keys === undefined) continue
      keys.delete(key)
      if (keys.size === 0) byTag.delete(tag)
    }
  }

  function remove (kind: CacheKind, key: string): boolean {
    const entry = lrus[kind].peek(key)
    if (entry === undefined) return false
    lrus[kind].delete(key)
    unindex(key, entry.tags)
    bytes -= entry.payload.length
    return true
  }

  return {
    get (kind: CacheKind, key: string, now = Date.now()): MemoryEntry | undefined {
      const entry = lrus[kind].get(key)
      if (entry === undefined) return undefined
      if (entry.expiresAt > now) return entry
      remove(kind, key)
      return undefined
    },

    set (kind: CacheKind, key: string, entry: MemoryEntry) {
      const previous = lrus[kind].peek(key)
      if (previous !== undefined) {
        unindex(key, previous.tags)
        bytes -= previous.payload.length
      }
      const popped = lrus[kind].setpop(key, entry)
      if (popped?.evicted === true) {
        unindex(popped.key, popped.value.tags)
        bytes -= popped.value.payload.length
        evictions[kind]++
      }
      index(key, kind, entry.tags)
      bytes += entry.payload.length
    },

    delete: remove,

    /** Drops every entry carrying one of the tags (the global tag: everything); counts per kind. */
    dropTags (tags: readonly string[]): Record<CacheKind, number> {
      const dropped = Object.fromEntries(CACHE_KINDS.map((kind) => [kind, 0])) as Record<CacheKind, number>
      if (tags.includes(GLOBAL_TAG)) {
        for (const kind of CACHE_KINDS) dropped[kind] = lrus[kind].size
        this.clear()
        return dropped
      }
      for (const tag of tags) {
        for (const [key, kind] of byTag.get(tag) ?? []) if (remove(kind, key)) dropped[kind]++
      }
      return dropped
    },

    /** Every entry expires by `at` at the latest. */
    capExpiry (at: number) {
      for (const kind of CACHE_KINDS) {
        for (const entry of lrus[kind].values()) entry.expiresAt = Math.min(entry.expiresAt, at)
      }
    },

    dropMatching (pattern: RegExp): number {
      let dropped = 0
      for (const kind of CACHE_KINDS) {
        for (const key of [...lrus[kind].keys()]) if (pattern.test(key) && remove(kind, key)) dropped++
      }
      return dropped
    },

    clear (): number {
      let dropped = 0
      for (const kind of CACHE_KINDS) { dropped += lrus[kind].size; lrus[kind].clear() }
      byTag.clear()
      bytes = 0
      return dropped
    },

    size: (kind: CacheKind) => lrus[kind].size,
    /** Payload bytes held, all kinds. */
    bytes: () => bytes,
    evictions: (kind: CacheKind) => evictions[kind]
  }
}

export type MemoryTier = ReturnType<typeof createMemoryTier>

import { createHash } from 'node:crypto'
import { CACHE_KINDS, KIND_PREFIX, type CacheKind } from './kinds.js'

/** Carried by every entry: a new version of it (a new epoch) makes everything stored before stale. */
export const GLOBAL_TAG = '*'

/** Carried by every entry of a kind: pattern invalidation moves it for the kinds a pattern reaches. */
export const kindTag = (kind: CacheKind) => `#${kind}`

const LOCK_SUFFIX = ':lock'

/** An entry's tags: its own, sorted and unique, then its kind's tag and the global one (always last). */
export function entryTags (kind: CacheKind, tags: readonly string[] = []): string[] {
  if (tags.length === 0) return [kindTag(kind), GLOBAL_TAG]
  if (tags.length === 1 && tags[0] !== GLOBAL_TAG && !tags[0]!.startsWith('#')) return [tags[0]!, kindTag(kind), GLOBAL_TAG]
  const own = [...new Set(tags)].filter((tag) => tag !== GLOBAL_TAG && !tag.startsWith('#')).sort()
  return [...own, kindTag(kind), GLOBAL_TAG]
}

/**
 * A short digest (64 bits, base36) of an entry's tag versions, for its name in
 * Redis. Versions are random tokens, so a fast non-cryptographic hash is enough.
 */
export function versionsDigest (versions: string): string {
  let a = 2166136261
  let b = 0x9e3779b9
  for (let i = 0; i < versions.length; i++) {
    const c = versions.charCodeAt(i)
    a = Math.imul(a ^ c, 16777619)
    b = Math.imul(b ^ c, 0x85ebca6b) ^ (b >>> 13)
  }
  return (a >>> 0).toString(36) + '.' + (b >>> 0).toString(36)
}

/**
 * Every key the cache writes, under one prefix. No hash tag is shared by all
 * keys, so a Redis Cluster spreads them over its slots: an entry and its lock
 * share the slot of `{<key>}`; a tag version lives in the slot of its own name;
 * the two epoch keys share the slot of `{epoch}`.
 *
 * In Redis an entry is named by its key and the versions of its tags
 * (`<kind prefix>{<key>}:<digest>`): once a tag moves, readers look under
 * another name, so an invalidated entry is simply absent for them, and a
 * value computed before the invalidation is stored where nobody looks.
 */
export function createKeyspace (prefix: string) {
  const entryPrefixes = CACHE_KINDS.map((kind) => [kind, prefix + KIND_PREFIX[kind]] as const)
  const epochVersion = `${prefix}epoch:{epoch}:version`
  return {
    prefix,
    channel: `${prefix}invalidations`,
    /** An entry's key in the in-process tier, and the start of its names in Redis. */
    entry: (kind: CacheKind, key: string) => `${prefix}${KIND_PREFIX[kind]}{${key}}`,
    /** Where Redis holds the entry of `fullKey` computed under `versions` (space-separated). */
    stored: (fullKey: string, versions: string) => `${fullKey}:${versionsDigest(versions)}`,
    /** The loader lock of an entry name that holds an entry already (a stale one, or one being refreshed). */
    lockOf: (name: string) => `${name}${LOCK_SUFFIX}`,
    tagVersion: (tag: string) => tag === GLOBAL_TAG ? epochVersion : `${prefix}tag:${tag}`,
    /** The global tag's version (the epoch), and the Redis server it was set for. */
    epochVersion,
    epochServer: `${prefix}epoch:{epoch}:server`,
    /** One of a kind's size indexes: a sorted set of entry keys scored by expiry. */
    bucket: (kind: CacheKind, n: number) => `${prefix}index:${kind}:${n}`,
    /** The kind an entry key belongs to (undefined for bookkeeping keys). */
    kindOf (fullKey: string): CacheKind | undefined {
      return entryPrefixes.find(([, p]) => fullKey.startsWith(p))?.[0]
    },
    /** The kind of a Redis key that holds an entry (not a lock), else undefined. */
    entryKind (name: string): CacheKind | undefined {
      return name.endsWith(LOCK_SUFFIX) ? undefined : this.kindOf(name)
    },
    /** Keys the cache owns and may delete (entries, locks, indexes, tag versions), not the epoch or others' keys. */
    isCacheKey (fullKey: string): boolean {
      if (!fullKey.startsWith(prefix)) return false
      const rest = fullKey.slice(prefix.length)
      return this.kindOf(fullKey) !== undefined || rest.startsWith('index:') || rest.startsWith('tag:')
    },
    entryPrefixes
  }
}

export type Keyspace = ReturnType<typeof createKeyspace>

/**
 * A short, stable digest (128 bits, base64url) for key parts that may carry
 * personal data or be long: user-specific parameters, search text.
 */
export function digest (...parts: string[]): string {
  const hash = createHash('sha256')
  for (const part of parts) hash.update(part).update('\u0000')
  return hash.digest('base64url').slice(0, 22)
}

/** A stable small hash of a key, for choosing its size bucket. */
export function bucketOf (key: string, buckets: number): number {
  let hash = 2166136261
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 16777619)
  return (hash >>> 0) % buckets
}

/**
 * The kinds a glob (relative to the prefix) can reach: those whose key prefix
 * is compatible with the glob's literal start. Conservative: a glob that starts
 * with a wildcard reaches every kind.
 */
export function kindsReachedBy (glob: string): CacheKind[] {
  const special = glob.search(/[*?[\\]/)
  const literal = special === -1 ? glob : glob.slice(0, special)
  return CACHE_KINDS.filter((kind) => {
    const kindPrefix = KIND_PREFIX[kind]
    return kindPrefix.startsWith(literal) || literal.startsWith(kindPrefix)
  })
}

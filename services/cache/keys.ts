import { createHash } from 'node:crypto'
import { CACHE_KINDS, KIND_PREFIX, type CacheKind } from './kinds.js'

/** Carried by every entry: invalidating it drops everything (the "epoch"). */
export const GLOBAL_TAG = '*'

/**
 * Every key the cache writes, all under one prefix. The default prefix
 * `{forms}:` is a Redis Cluster hash tag: all keys share one slot, so the
 * multi-key scripts (entry + its tag versions) stay valid on a cluster.
 */
export function createKeyspace (prefix: string) {
  const entryPrefixes = CACHE_KINDS.map((kind) => [kind, prefix + KIND_PREFIX[kind]] as const)
  return {
    prefix,
    channel: `${prefix}invalidations`,
    entry: (kind: CacheKind, key: string) => prefix + KIND_PREFIX[kind] + key,
    tagVersion: (tag: string) => `${prefix}tag:${tag}`,
    tagIndex: (tag: string) => `${prefix}tagidx:${tag}`,
    kindIndex: (kind: CacheKind) => `${prefix}kindidx:${kind}`,
    lock: (entryKey: string) => `${prefix}lock:${entryKey.slice(prefix.length)}`,
    /** The kind an entry key belongs to (undefined for bookkeeping keys). */
    kindOf (fullKey: string): CacheKind | undefined {
      return entryPrefixes.find(([, p]) => fullKey.startsWith(p))?.[0]
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

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')

/**
 * Translates a Redis glob (`*`, `?`, `[...]`, `\x`) into an anchored RegExp,
 * so the in-process tier drops exactly what SCAN MATCH finds in Redis.
 * Throws on a malformed character class.
 */
export function globToRegExp (glob: string): RegExp {
  let source = ''
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!
    if (c === '\\' && i + 1 < glob.length) source += escapeRegExp(glob[++i]!)
    else if (c === '*') source += '.*'
    else if (c === '?') source += '.'
    else if (c === '[' && glob.indexOf(']', i + 2) !== -1) {
      const end = glob.indexOf(']', i + 2)
      source += `[${glob.slice(i + 1, end)}]`
      i = end
    } else source += escapeRegExp(c)
  }
  return new RegExp(`^${source}$`, 's')
}

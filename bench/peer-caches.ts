// The caches that bench/peers.ts puts side by side: this service's engine and
// four peers, each behind one small interface (read-through, invalidate, drop
// from the process tier), each under its own key prefix on one Redis.
import KeyvRedis, { createClient as createNodeRedis, createKeyv as createRedisKeyv } from '@keyv/redis'
import { RedisMessageProvider } from '@qified/redis'
import { createCache as createDedupeCache } from 'async-cache-dedupe'
import { BentoCache, bentostore } from 'bentocache'
import { memoryDriver } from 'bentocache/drivers/memory'
import { redisBusDriver, redisDriver } from 'bentocache/drivers/redis'
import { createCache as createCacheManager } from 'cache-manager'
import { Cacheable, createKeyv as createMemoryKeyv } from 'cacheable'
import { Redis, type RedisOptions } from 'ioredis'
import { benchCache } from './cache-instance.js'
import { onCleanup, progress, type RedisServer } from './lib.js'

/** The document every cache stores: the same JSON for everyone; `version` tells old from new. */
export interface Doc { id: string, title: string, version: number, fields: unknown[] }
export type Loader = () => Promise<Doc>

/** One instance of a cache, as a service instance holds it. */
export interface PeerCache {
  /** Read-through: the cached value, or the loader's (stored). */
  getOrSet (key: string, tag: string, loader: Loader): Promise<Doc>
  /** Makes the next read of `key` return the loader's value again (by tag where the cache has tags). */
  invalidate (key: string, tag: string): Promise<unknown>
  /** Drops `key` from this instance's process tier only (set-up, never timed); absent: no process tier. */
  evictLocal? (key: string): Promise<unknown> | unknown
}

export interface Subject {
  name: string
  /** A new instance on the subject's shared prefix (a second one is another service instance). */
  instance (): Promise<PeerCache>
}

/** What the peers and the engine share: the seconds an entry lives, the process tier's entry cap. */
export const TTL_SECONDS = 300
const TTL_MS = TTL_SECONDS * 1000
const MAX_ITEMS = 10_000
/** The engine's kind whose TTL and entry cap are these (CACHE_TTL_QUERY_RESULT, CACHE_MAX_ENTRIES_QUERY_RESULT). */
export const KIND = 'query_result'

// ---------------------------------------------------------------- this service's engine

type EngineCache = Awaited<ReturnType<typeof benchCache>>

/** Connection options for the peers that take ioredis: the engine's own (auto-pipelining included). */
let engineOptions: RedisOptions | undefined

/** BENCH_PEERS_AUTOPIPELINING=on: the engine and the ioredis peers with auto-pipelining (the service leaves it off). */
export const AUTO_PIPELINING = process.env.BENCH_PEERS_AUTOPIPELINING === 'on'

async function engineCache (redis: RedisServer, prefix: string, l1Enabled = true): Promise<EngineCache> {
  let built: EngineCache | undefined
  for (let attempt = 1; built === undefined; attempt++) {
    try {
      built = await benchCache({ ...redis, prefix: `${redis.prefix}${prefix}:` }, { l1Enabled, autoPipelining: AUTO_PIPELINING })
    } catch (err) {
      // the engine's 100 ms command deadline also bounds the connection's ready check: on a busy machine, try again
      if (attempt === 3) throw err
      progress(`engine ${prefix}: could not connect (${(err as Error).message}), trying again`)
    }
  }
  // as plugins/app/redis.ts does: a failed command is the breaker's business, not an uncaught error
  for (const client of [built.commands, built.subscriber]) client.on('error', (err: Error) => progress(`engine ${prefix}: redis error ${err.message}`))
  engineOptions ??= built.commands.options
  return built
}

/**
 * `getOrSet` as the app calls it: a hit is decoded (a copy per call); on a
 * miss the call resolves before Redis has the value (the store runs after).
 */
function engineGetOrSet ({ cache }: EngineCache): PeerCache {
  return {
    getOrSet: (key, tag, loader) => cache.getOrSet(KIND, key, loader, { tags: [tag] }),
    invalidate: (_key, tag) => cache.invalidateTags([tag])
  }
}

/** The same read path, but a miss resolves only once Redis has the value (`fill.commit`). */
function engineStoreAwaited ({ cache }: EngineCache): PeerCache {
  return {
    async getOrSet (key, tag, loader) {
      const local = cache.peek(KIND, key)
      if (local !== undefined) return cache.decode<Doc>(local.payload)
      const { hit, fill } = await cache.open(KIND, key, [tag])
      if (hit !== undefined) return cache.decode<Doc>(hit.payload)
      const value = await loader()
      await fill.commit(Buffer.from(JSON.stringify(value)))
      return value
    },
    invalidate: (_key, tag) => cache.invalidateTags([tag])
  }
}

/** The engine's caches for the scenarios that read the bytes (peek, open) rather than a decoded value. */
export interface EngineHandles { main: EngineCache['cache'], l2Only: EngineCache['cache'] }

export async function engineSubjects (redis: RedisServer): Promise<{ subjects: Subject[], handles: EngineHandles }> {
  const main = await engineCache(redis, 'engine')
  const awaited = await engineCache(redis, 'engine-awaited')
  // the L2-hit scenario: L1 off (the façade has no way to drop one entry from L1)
  const l2Only = await engineCache(redis, 'engine', false)
  let first = true
  const subjects: Subject[] = [
    {
      name: 'engine',
      async instance () {
        if (first) { first = false; return engineGetOrSet(main) }
        return engineGetOrSet(await engineCache(redis, 'engine'))
      }
    },
    { name: 'engine, store awaited', instance: async () => engineStoreAwaited(awaited) }
  ]
  // the L2-only cache reads what `main` stored: same prefix
  return { subjects, handles: { main: main.cache, l2Only: l2Only.cache } }
}

/** The engine's L1-less cache as a PeerCache (for the L2-hit scenario). */
export function engineL2Only (cache: EngineCache['cache']): PeerCache {
  return {
    getOrSet: (key, tag, loader) => cache.getOrSet(KIND, key, loader, { tags: [tag] }),
    invalidate: (_key, tag) => cache.invalidateTags([tag])
  }
}

// ---------------------------------------------------------------- connections for the peers

/** A connected ioredis client with the engine's connection options (auto-pipelining included), and `overrides`. */
async function ioredis (overrides: RedisOptions = {}): Promise<Redis> {
  if (engineOptions === undefined) throw new Error('build the engine first: the peers take its connection options')
  // not the engine's deadlines (commandTimeout, socketTimeout): its breaker handles them, the peers would throw
  const client = new Redis({
    ...engineOptions,
    commandTimeout: undefined,
    socketTimeout: undefined,
    lazyConnect: true,
    enableOfflineQueue: true,
    connectionName: 'bench-peers',
    ...overrides
  })
  client.on('error', (err: Error) => progress(`peer client: redis error ${err.message}`))
  await client.connect()
  onCleanup(() => client.disconnect())
  return client
}

/** A Keyv on @keyv/redis (node-redis: no auto-pipelining setting; it writes each command as it comes), connected. */
async function redisKeyv (redis: RedisServer, namespace?: string) {
  const keyv = createRedisKeyv(`redis://127.0.0.1:${redis.port}`, namespace === undefined ? undefined : { namespace })
  await (keyv.store as KeyvRedis<unknown>).getClient()
  return keyv
}

// ---------------------------------------------------------------- bentocache

/** bentocache 1.x: memory L1 + Redis L2 + Redis bus; `tags` false: invalidation by key. */
function bentocache (redis: RedisServer, tags: boolean): Subject {
  const name = tags ? 'bentocache, tags' : 'bentocache, by key'
  const store = tags ? 'tags' : 'keys'
  return {
    name,
    async instance () {
      const [l2, bus] = await Promise.all([ioredis(), ioredis()])
      // keep a handle on the L1 driver, to drop one entry from it
      const l1 = memoryDriver({ maxItems: MAX_ITEMS })
      let local: ReturnType<typeof l1.factory> | undefined
      const bento = new BentoCache({
        default: store,
        prefix: `${redis.prefix}bento-${store}`,
        ttl: TTL_MS,
        stores: {
          [store]: bentostore()
            .useL1Layer({ options: l1.options, factory: (config) => (local = l1.factory(config)) })
            .useL2Layer(redisDriver({ connection: l2 }))
            .useBus(redisBusDriver({ connection: bus })) // duplicates the client: one to publish, one to subscribe
        }
      })
      const cache = bento.use(store)
      onCleanup(() => bento.disconnect())
      return {
        getOrSet: (key, tag, loader) => cache.getOrSet({ key, factory: loader, ...(tags ? { tags: [tag] } : {}) }),
        invalidate: (key, tag) => tags ? cache.deleteByTag({ tags: [tag] }) : cache.delete({ key }),
        evictLocal: (key) => local!.delete(key)
      }
    }
  }
}

// ---------------------------------------------------------------- cache-manager

/** cache-manager 7: two Keyv stores as its README shows (cacheable's memory store, then @keyv/redis); no tags, no bus. */
function cacheManager (redis: RedisServer): Subject {
  return {
    name: 'cache-manager',
    async instance () {
      const memory = createMemoryKeyv({ ttl: TTL_MS, lruSize: MAX_ITEMS })
      const remote = await redisKeyv(redis, `${redis.prefix}cache-manager`)
      const cache = createCacheManager({ stores: [memory, remote], ttl: TTL_MS })
      onCleanup(() => cache.disconnect())
      return {
        getOrSet: (key, _tag, loader) => cache.wrap(key, loader),
        invalidate: (key) => cache.del(key),
        evictLocal: (key) => memory.delete(key)
      }
    }
  }
}

// ---------------------------------------------------------------- cacheable

/**
 * cacheable 2.x: CacheableMemory (primary) + @keyv/redis (secondary).
 * `tags` true: its tag service (versions and snapshots in the secondary, checked
 * on every get); its getOrSet takes no tags, so the read-through is get + set.
 * `tags` false: by key, with CacheableSync over @qified/redis to tell the other instances.
 */
function cacheable (redis: RedisServer, tags: boolean): Subject {
  const namespace = `${redis.prefix}cacheable-${tags ? 'tags' : 'keys'}`
  return {
    name: tags ? 'cacheable, tags' : 'cacheable, by key + sync',
    async instance () {
      const secondary = await redisKeyv(redis)
      let provider: RedisMessageProvider | undefined
      if (!tags) {
        provider = new RedisMessageProvider({ uri: `redis://127.0.0.1:${redis.port}` })
        await provider.connect()
      }
      const cache = new Cacheable({
        primary: createMemoryKeyv({ ttl: TTL_MS, lruSize: MAX_ITEMS }),
        secondary,
        ttl: TTL_MS,
        namespace,
        tags,
        ...(provider === undefined ? {} : { sync: { qified: provider } })
      })
      onCleanup(async () => { await cache.disconnect(); await provider?.disconnect() })
      if (!tags) {
        return {
          getOrSet: (key, _tag, loader) => cache.getOrSet(key, loader) as Promise<Doc>,
          invalidate: (key) => cache.delete(key),
          evictLocal: (key) => cache.primary.delete(key)
        }
      }
      return {
        async getOrSet (key, tag, loader) {
          const cached = await cache.get<Doc>(key)
          if (cached !== undefined) return cached
          const value = await loader()
          await cache.set(key, value, { ttl: TTL_MS, tags: [tag] })
          return value
        },
        invalidate: (_key, tag) => cache.tags.invalidateTag(tag),
        evictLocal: (key) => cache.primary.delete(key)
      }
    }
  }
}

// ---------------------------------------------------------------- async-cache-dedupe

/** async-cache-dedupe 3.x on its Redis storage (no process tier in front), references as tags. */
function asyncCacheDedupe (redis: RedisServer): Subject {
  return {
    name: 'async-cache-dedupe',
    async instance () {
      // its Redis storage has no key prefix option: the client's keyPrefix is the namespace
      const client = await ioredis({ keyPrefix: `${redis.prefix}acd:` })
      interface Args { key: string, tag: string, loader: Loader }
      const cache = createDedupeCache({
        ttl: TTL_SECONDS,
        storage: { type: 'redis', options: { client, invalidation: { referencesTTL: TTL_SECONDS } } }
      }).define('fetch', {
        serialize: (args: Args) => args.key,
        references: (args: Args) => [args.tag]
      }, (args: Args) => args.loader())
      return {
        getOrSet: (key, tag, loader) => cache.fetch({ key, tag, loader }),
        invalidate: (_key, tag) => cache.invalidateAll([tag])
      }
    }
  }
}

// ---------------------------------------------------------------- floors

/** Bare clients for the floor rows: ioredis with the engine's options, with auto-pipelining off, node-redis with its defaults. */
export async function floorClients (redis: RedisServer) {
  const nodeRedis = createNodeRedis({ url: `redis://127.0.0.1:${redis.port}` })
  nodeRedis.on('error', (err: Error) => progress(`floor node-redis: ${err.message}`))
  await nodeRedis.connect()
  onCleanup(() => nodeRedis.destroy())
  return { ioredis: await ioredis(), ioredisNoPipelining: await ioredis({ enableAutoPipelining: false }), nodeRedis }
}

export function peerSubjects (redis: RedisServer): Subject[] {
  return [
    bentocache(redis, true),
    bentocache(redis, false),
    cacheManager(redis),
    cacheable(redis, true),
    cacheable(redis, false),
    asyncCacheDedupe(redis)
  ]
}

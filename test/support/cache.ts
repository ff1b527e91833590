import type { Redis } from 'ioredis'
import { loadConfig } from '../../services/infra/config.js'
import { createCacheService, type CacheService, type CacheSettings } from '../../services/cache/cache-service.js'
import type { CacheKind } from '../../services/cache/kinds.js'
import { createRedisConnections } from '../../services/cache/connection.js'
import { TEST_OP_TIMEOUT_MS, tempDir, uniquePrefix } from './app.js'
import { freePort } from './ports.js'
import { redisServer } from './redis-server.js'
import { until } from './wait.js'

type Test = { teardown (fn: () => unknown): void }

export const silent = { info () {}, warn () {} }

/**
 * A getOrSet whose loader reads `{ title: 'old' }` and then waits for
 * `release()`: what a load that read the database before a change does.
 * `started` resolves once the loader runs.
 */
export function heldLoad (cache: Pick<CacheService, 'getOrSet'>, kind: CacheKind, key: string, tags: string[]) {
  let release!: () => void
  let begun!: () => void
  const started = new Promise<void>((resolve) => { begun = resolve })
  const result = cache.getOrSet(kind, key, async () => {
    begun()
    await new Promise<void>((resolve) => { release = resolve })
    return { title: 'old' }
  }, { tags })
  return { started, result, release: () => release() }
}

/** Whether Redis holds an entry of the key under its tags' current versions (where a read looks for it). */
export async function inRedis ({ cache, commands }: { cache: Pick<CacheService, 'nameOf'>, commands: Redis }, kind: CacheKind, key: string, tags?: readonly string[]) {
  const name = await cache.nameOf(kind, key, tags)
  return name !== undefined && await commands.exists(name) === 1
}

export interface InstanceOptions {
  port?: number
  prefix?: string
  env?: Record<string, string>
  settings?: Partial<CacheSettings>
}

/**
 * A cache service wired as the app wires it (same connection options), on a
 * real Redis, under a key prefix of its own unless one is shared on purpose.
 */
export async function cacheInstance (t: Test, { port = 6379, prefix = uniquePrefix(), env = {}, settings = {} }: InstanceOptions = {}) {
  const config = loadConfig({ REDIS_HOST: '127.0.0.1', REDIS_PORT: String(port), REDIS_KEY_PREFIX: prefix, CACHE_OP_TIMEOUT_MS: TEST_OP_TIMEOUT_MS, ...env })
  // a standalone Redis: the connections are plain clients
  const { commands, subscriber } = createRedisConnections(config.redis, config.cache.opTimeoutMs) as { commands: Redis, subscriber: Redis }
  commands.on('error', () => {})
  subscriber.on('error', () => {})
  await Promise.allSettled([commands.connect(), subscriber.connect()])
  const cache = createCacheService({
    settings: { ...config.cache, keyPrefix: prefix, breaker: { failureThreshold: 3, cooldownMs: 50, maxCooldownMs: 200 }, ...settings },
    redis: commands,
    subscriber,
    logger: silent
  })
  t.teardown(() => {
    cache.close()
    commands.disconnect()
    subscriber.disconnect()
  })
  // the first probe checks the cache epoch before Redis is used; the link is healthy once subscribed
  if (commands.status === 'ready') await until(() => cache.health().then((h) => h.backend === 'redis' && h.link_healthy), 3000, 'redis in use')
  return { cache, commands, subscriber, prefix, config }
}

/**
 * A redis-server of the test's own, to kill, restart and pause. With
 * `appendOnly`, every write is fsynced, so a restart brings the data back.
 */
export async function ownRedis (t: Test, { appendOnly = false, started = true, port: wanted }: { appendOnly?: boolean, started?: boolean, port?: number } = {}) {
  const server = redisServer({ port: wanted ?? await freePort(), dir: tempDir(t), appendOnly })
  t.teardown(server.kill)
  if (started) await server.start()
  return { port: server.port, start: server.start, stop: server.kill, pause: server.pause }
}

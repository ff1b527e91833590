import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { createServer } from 'node:net'
import { Redis } from 'ioredis'
import { loadConfig } from '../services/infra/config.js'
import { createCacheService, type CacheSettings } from '../services/cache/cache-service.js'
import { createRedisConnections } from '../services/cache/connection.js'
import { TEST_OP_TIMEOUT_MS, tempDir, uniquePrefix } from './helper.js'

export { cleanUp } from './helper.js'

type Test = { teardown (fn: () => unknown): void }

export const silent = { info () {}, warn () {} }

/** Polls until the predicate holds; fails after `timeoutMs`. */
export async function until (predicate: () => boolean | Promise<boolean>, timeoutMs = 5000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!await predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
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

/** A free TCP port on loopback. */
export async function freePort (): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1')
  await once(server, 'listening')
  const { port } = server.address() as { port: number }
  server.close()
  await once(server, 'close')
  return port
}

/**
 * A redis-server of the test's own, to kill, restart and pause. With
 * `appendOnly`, every write is fsynced, so a restart brings the data back.
 */
export async function ownRedis (t: Test, { appendOnly = false, started = true, port: wanted }: { appendOnly?: boolean, started?: boolean, port?: number } = {}) {
  const port = wanted ?? await freePort()
  const dir = tempDir(t)
  let child: ChildProcess | undefined

  async function start () {
    child = spawn('redis-server', [
      '--port', String(port), '--bind', '127.0.0.1', '--save', '', '--dir', dir,
      '--appendonly', appendOnly ? 'yes' : 'no', '--appendfsync', 'always'
    ], { stdio: 'ignore' })
    const probe = new Redis({ port, lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null })
    probe.on('error', () => {})
    await until(async () => {
      try { await probe.connect(); return await probe.ping() === 'PONG' } catch { return false }
    }, 5000, `redis-server on ${port}`)
    probe.disconnect()
  }

  async function stop () {
    if (child === undefined || child.exitCode !== null || child.signalCode !== null) return
    const exited = once(child, 'exit')
    child.kill('SIGKILL')
    await exited
  }

  /** Every client blocks for `ms` (CLIENT PAUSE ALL). */
  async function pause (ms: number) {
    const admin = new Redis({ port, maxRetriesPerRequest: 0 })
    await admin.call('CLIENT', 'PAUSE', String(ms), 'ALL')
    admin.disconnect()
  }

  t.teardown(stop)
  if (started) await start()
  return { port, start, stop, pause }
}

// The Redis a bench runs on: a private redis-server, or a shared one (BENCH_REDIS_PORT).
import { randomUUID } from 'node:crypto'
import { Redis } from 'ioredis'
import { freePort } from '../../test/support/ports.js'
import { deleteKeysUnder } from '../../test/support/redis-keys.js'
import { redisServer } from '../../test/support/redis-server.js'
import { onCleanup, tempDir } from './run.js'

export interface RedisServer {
  port: number
  /** The redis-server process (undefined for a shared Redis, BENCH_REDIS_PORT). */
  pid (): number | undefined
  /** The key prefix this bench run writes under (the only keys it deletes). */
  prefix: string
  version: string
  /** A client for the bench itself (not for the service). */
  client (): Redis
  start (): Promise<void>
  /** SIGKILL: the outage. */
  kill (): Promise<void>
  /** CLIENT PAUSE ALL for `ms`: Redis accepts connections but answers nothing. */
  pause (ms: number): Promise<void>
}

/**
 * A private redis-server on a free loopback port (no persistence), killed at
 * clean-up. Set BENCH_REDIS_PORT to use a running Redis instead (the outage
 * scenario needs a private one): then only keys under this run's prefix are
 * touched, and they are deleted at clean-up.
 */
export async function startRedis (): Promise<RedisServer> {
  const shared = process.env.BENCH_REDIS_PORT
  const port = shared !== undefined ? Number(shared) : await freePort()
  const prefix = `bench-${randomUUID().slice(0, 8)}:`
  const server = shared !== undefined ? undefined : redisServer({ port, dir: tempDir('redis') })
  const client = () => new Redis({ host: '127.0.0.1', port, maxRetriesPerRequest: 0, lazyConnect: true })

  async function kill () {
    if (server === undefined) throw new Error('the outage scenario needs a private redis-server (unset BENCH_REDIS_PORT)')
    await server.kill()
  }

  await server?.start()
  const probe = client()
  await probe.connect()
  const version = /redis_version:(\S+)/.exec(await probe.info('server'))?.[1] ?? 'unknown'
  probe.disconnect()

  if (server !== undefined) onCleanup(kill)
  else onCleanup(() => deleteKeysUnder(port, prefix, { count: 1000 }))

  return {
    port,
    pid: () => server?.pid(),
    prefix,
    version,
    client,
    start: async () => { await server?.start() },
    kill,
    async pause (ms: number) {
      const admin = client()
      await admin.connect()
      await admin.call('CLIENT', 'PAUSE', String(ms), 'ALL')
      admin.disconnect()
    }
  }
}

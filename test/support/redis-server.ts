// One standalone redis-server of a test's or a bench's own, to kill, restart
// and pause (the Cluster and Sentinel topologies: redis-topologies.ts).
import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { Redis } from 'ioredis'
import { until } from './wait.js'

export interface RedisServerOptions {
  port: number
  /** Its working dir (the append-only file goes there). */
  dir: string
  /** Every write fsynced, so a restart brings the data back. */
  appendOnly?: boolean
}

/** Whether a Redis answers PING on the port (loopback). */
export async function answersPing (port: number): Promise<boolean> {
  const probe = new Redis({ host: '127.0.0.1', port, lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null })
  probe.on('error', () => {})
  try { await probe.connect(); return await probe.ping() === 'PONG' } catch { return false } finally { probe.disconnect() }
}

/** A redis-server on loopback, no snapshots; not started until `start()`. */
export function redisServer ({ port, dir, appendOnly = false }: RedisServerOptions) {
  let child: ChildProcess | undefined

  return {
    port,
    /** The process while it runs. */
    pid: () => child?.pid,

    /** Starts it; resolves once it answers PING. */
    async start () {
      child = spawn('redis-server', [
        '--port', String(port), '--bind', '127.0.0.1', '--save', '', '--dir', dir,
        '--appendonly', appendOnly ? 'yes' : 'no', '--appendfsync', 'always'
      ], { stdio: 'ignore' })
      await until(() => answersPing(port), 5000, `redis-server on port ${port}`, 20)
    },

    /** SIGKILL (the outage); resolves once the process is gone. */
    async kill () {
      if (child === undefined || child.exitCode !== null || child.signalCode !== null) return
      const exited = once(child, 'exit')
      child.kill('SIGKILL')
      await exited
    },

    /** Every client blocks for `ms` (CLIENT PAUSE ALL): Redis accepts connections but answers nothing. */
    async pause (ms: number) {
      const admin = new Redis({ host: '127.0.0.1', port, maxRetriesPerRequest: 0 })
      await admin.call('CLIENT', 'PAUSE', String(ms), 'ALL')
      admin.disconnect()
    }
  }
}

export type RedisServer = ReturnType<typeof redisServer>

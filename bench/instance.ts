// A service instance for the benches, built exactly as server.ts builds it
// (same config loader, server options and app plugin, compiled by tsc as for
// `npm start`), listening on a free loopback port. The parent talks to it over
// IPC: `ready` (with the port), `stats` (counters read in this process),
// `memory` (after a full collection), `profile` (start, or stop and write a
// CPU profile of what ran since: a scenario's measured rounds), `stop`.
import { mkdirSync, writeFileSync } from 'node:fs'
import { Session } from 'node:inspector/promises'
import type { AddressInfo } from 'node:net'
import { dirname } from 'node:path'
import Fastify from 'fastify'
import { delayRepositories } from './support/db-delay.js'
import { compiled, median, type InstanceStats } from './lib.js'

const { default: app, serverOptions } = await compiled<typeof import('../app.js')>('app.js')
const { loadConfig } = await compiled<typeof import('../services/infra/config.js')>('services/infra/config.js')

const config = loadConfig(process.env)
const server = Fastify(serverOptions(config))
await server.register(app, { config })
await server.ready()
// BENCH_DB_DELAY_MS: a simulated database on another host (bench/support/db-delay.ts)
const delayMs = Number(process.env.BENCH_DB_DELAY_MS ?? 0)
const delay = delayMs > 0 ? delayRepositories(server.repositories, delayMs) : undefined
await server.listen({ port: 0, host: '127.0.0.1' })

async function stats (): Promise<InstanceStats> {
  const { counts } = server.repositories
  const { counters } = server.cache
  const health = await server.cache.health()
  return {
    db: { reads: counts.reads, writes: counts.writes },
    cache: { kinds: structuredClone(counters.kinds), errors: counters.errors },
    breaker: health.breaker,
    subscribed: health.subscribed,
    dbWaitMs: delay === undefined ? undefined : median(delay.applied())
  }
}

let stopping = false
async function stop () {
  if (stopping) return
  stopping = true
  await server.close()
  // --cpu-prof writes its profile on a normal exit
  process.exit(0)
}

/** The heap after a full collection (the instances run with --expose-gc): what the process retains. */
function memory () {
  globalThis.gc?.()
  const { rss, heapUsed, external, arrayBuffers } = process.memoryUsage()
  return { rss, heapUsed, external, arrayBuffers }
}

/** V8's CPU profiler, as --cpu-prof runs it, for a part of the run: started, then written to `file` when stopped. */
const profiler = new Session()
async function profile (file?: string) {
  if (file === undefined) {
    profiler.connect()
    await profiler.post('Profiler.enable')
    await profiler.post('Profiler.start')
    return
  }
  const { profile } = await profiler.post('Profiler.stop')
  profiler.disconnect()
  mkdirSync(dirname(file), { recursive: true })
  writeFileSync(file, JSON.stringify(profile))
}

process.on('message', (message: { type: string, id?: number, file?: string }) => {
  if (message.type === 'stop') void stop()
  if (message.type === 'profile') void profile(message.file).then(() => process.send!({ type: 'profile', id: message.id, profile: true }))
  if (message.type === 'memory') process.send!({ type: 'memory', id: message.id, memory: memory() })
  if (message.type === 'stats') void stats().then((result) => process.send!({ type: 'stats', id: message.id, stats: result }))
})
// the bench died: do not outlive it
process.on('disconnect', () => { void stop() })

process.send!({ type: 'ready', port: (server.server.address() as AddressInfo).port })

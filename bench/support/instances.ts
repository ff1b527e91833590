// Service instances in child processes, their counters, and the HTTP calls that set them up.
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { openSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import type { CacheKind } from '../../services/cache/kinds.js'
import type { KindCounters } from '../../services/cache/stats.js'
import { sleep } from '../../test/support/wait.js'
import { buildService, RESULTS_DIR, ROOT } from './build.js'
import { pin } from './machine.js'
import type { RedisServer } from './redis.js'
import { onCleanup, tempDir } from './run.js'

/** Every instance signs and accepts the same tokens. */
export const JWT_SECRET = 'bench-secret-bench-secret-bench-secret-0'
export const ADMIN = { email: 'admin@bench.test', password: 'bench-admin-password' }

export interface InstanceStats {
  db: { reads: number, writes: number }
  cache: { kinds: Record<CacheKind, KindCounters>, errors: number }
  breaker: string
  subscribed: boolean
  /** With BENCH_DB_DELAY_MS: the median wait a repository call was given, ms (timer overhead included). */
  dbWaitMs?: number
}

export interface InstanceMemory { rss: number, heapUsed: number, external: number, arrayBuffers: number }

export interface Instance {
  name: string
  url: string
  port: number
  pid: number
  /** Counters read in the instance's own process (repositories and cache). */
  stats (): Promise<InstanceStats>
  /** The instance's memory after a full garbage collection, bytes. */
  memory (): Promise<InstanceMemory>
  /** Starts V8's CPU profiler in the instance; `stop` writes what it saw to bench/results/profiles/<name>/<part>.cpuprofile. */
  profile (): Promise<{ stop (part: string): Promise<string> }>
  stop (): Promise<void>
}

/** The environment every bench instance shares; `overrides` add or replace variables. */
export function serviceEnv (redis: RedisServer, sqlitePath: string, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    NODE_ENV: 'production',
    // request logging is off in every variant (bare route included): it would dominate a ~100 µs request
    LOG_LEVEL: 'warn',
    SQLITE_PATH: sqlitePath,
    REDIS_HOST: '127.0.0.1',
    REDIS_PORT: String(redis.port),
    REDIS_KEY_PREFIX: redis.prefix,
    JWT_SECRET,
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    RATE_LIMIT_RESPONSES: '1000000',
    RATE_LIMIT_LOGIN: '1000000',
    ...overrides
  }
}

let requestIds = 0

/**
 * A child process running `script` (bench/instance.ts: the service as
 * server.ts builds it) on a free port; its output goes to a log file shown if
 * it fails. BENCH_CPU_PROF=1 writes CPU profiles to bench/results/profiles/<name>/ (the
 * largest is the main thread's; open it in Chrome DevTools or speedscope).
 */
export async function startInstance (name: string, env: Record<string, string>, script = 'bench/instance.ts'): Promise<Instance> {
  await buildService()
  const logDir = tempDir(`log-${name}`)
  const logFile = join(logDir, 'output.log')
  const log = openSync(logFile, 'a')
  const profileDir = join(RESULTS_DIR, 'profiles', name)
  const profile = process.env.BENCH_CPU_PROF === '1' ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []
  if (profile.length > 0) rmSync(profileDir, { recursive: true, force: true })
  const child = spawn(process.execPath, [...profile, '--expose-gc', '--import', 'tsx', script], {
    cwd: ROOT,
    env: { ...process.env, ...env, BENCH_SERVICE_BUILT: '1' },
    stdio: ['ignore', log, log, 'ipc']
  })
  const exited = once(child, 'exit')
  const failed = () => new Error(`instance ${name} exited early:\n${readFileSync(logFile, 'utf8').slice(-2000)}`)
  const ready = new Promise<number>((resolve, reject) => {
    child.on('message', (message: { type: string, port?: number }) => { if (message.type === 'ready') resolve(message.port!) })
    void exited.then(() => reject(failed()))
  })
  const port = await Promise.race([ready, sleep(60_000).then(() => { throw new Error(`instance ${name} did not start`) })])

  let stopped = false
  async function stop () {
    if (stopped || child.exitCode !== null) return
    stopped = true
    child.send({ type: 'stop' })
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
    await exited
    clearTimeout(timer)
  }
  onCleanup(stop)

  return {
    name,
    port,
    url: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    stop,
    stats: () => ask<InstanceStats>('stats'),
    memory: () => ask<InstanceMemory>('memory'),
    async profile () {
      await ask('profile')
      return {
        async stop (part: string) {
          const file = join(profileDir, `${part}.cpuprofile`)
          await ask('profile', { file })
          return file
        }
      }
    }
  }

  /** A question over IPC; the answer carries the question's id and `type`, with the result under that name. */
  function ask<T> (type: 'stats' | 'memory' | 'profile', extra: Record<string, unknown> = {}): Promise<T> {
    const id = ++requestIds
    return new Promise<T>((resolve, reject) => {
      const onMessage = (message: { type: string, id?: number } & Record<string, unknown>) => {
        if (message.type !== type || message.id !== id) return
        child.off('message', onMessage)
        resolve(message[type] as T)
      }
      child.on('message', onMessage)
      child.send({ type, id, ...extra }, (err) => { if (err !== null) reject(err) })
    })
  }
}

/** Sum of the counters of several instances. */
export function totalStats (all: readonly InstanceStats[]): InstanceStats {
  const [first, ...rest] = all.map((s) => structuredClone(s))
  for (const stats of rest) {
    first!.db.reads += stats.db.reads
    first!.db.writes += stats.db.writes
    first!.cache.errors += stats.cache.errors
    for (const [kind, c] of Object.entries(stats.cache.kinds) as Array<[CacheKind, KindCounters]>) {
      const sum = first!.cache.kinds[kind]
      sum.hits.l1 += c.hits.l1
      sum.hits.l2 += c.hits.l2
      sum.misses += c.misses
      sum.writes += c.writes
      sum.loads += c.loads
      sum.l2_evictions += c.l2_evictions
    }
  }
  return first!
}

/** after − before, counter by counter. */
export function statsDelta (after: InstanceStats, before: InstanceStats): InstanceStats {
  const delta = structuredClone(after)
  delta.db.reads -= before.db.reads
  delta.db.writes -= before.db.writes
  delta.cache.errors -= before.cache.errors
  for (const [kind, c] of Object.entries(delta.cache.kinds) as Array<[CacheKind, KindCounters]>) {
    const b = before.cache.kinds[kind]
    c.hits.l1 -= b.hits.l1
    c.hits.l2 -= b.hits.l2
    c.misses -= b.misses
    c.writes -= b.writes
    c.loads -= b.loads
    c.l2_evictions -= b.l2_evictions
  }
  return delta
}

export async function clusterStats (instances: readonly Instance[]): Promise<InstanceStats> {
  return totalStats(await Promise.all(instances.map((instance) => instance.stats())))
}

export async function api<T = unknown> (base: string, method: string, path: string, body?: unknown, token?: string): Promise<T> {
  const headers: Record<string, string> = {}
  if (body !== undefined) headers['content-type'] = 'application/json'
  if (token !== undefined) headers.authorization = `Bearer ${token}`
  const res = await fetch(base + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) })
  const text = await res.text()
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 300)}`)
  return (text === '' ? undefined : JSON.parse(text)) as T
}

export async function login (base: string, email: string, password: string): Promise<string> {
  const { access_token: token } = await api<{ access_token: string }>(base, 'POST', '/api/v1/auth/login', { email, password })
  return token
}

/** One autocannon run in a child process (bench/load.ts). */
export async function runLoad (options: import('../load.js').LoadOptions, { cpu }: { cpu?: number } = {}): Promise<import('../load.js').LoadResult> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/load.ts', JSON.stringify(options)], {
    cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit']
  })
  if (cpu !== undefined) pin(child.pid!, cpu)
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => { output += chunk.toString() })
  const [code] = await once(child, 'exit') as [number]
  if (code !== 0) throw new Error(`autocannon exited with ${code}`)
  return JSON.parse(output)
}

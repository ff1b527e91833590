// Shared bench helpers: processes (private redis-server, service instances),
// interleaved rounds, statistics, tables, progress lines (stderr).
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { availableParallelism, tmpdir, totalmem } from 'node:os'
import { join } from 'node:path'
import { randomUUID } from 'node:crypto'
import { pathToFileURL } from 'node:url'
import { Redis } from 'ioredis'
import type { CacheKind } from '../services/cache/kinds.js'
import type { KindCounters } from '../services/cache/stats.js'

export const ROOT = join(import.meta.dirname, '..')
export const RESULTS_DIR = join(ROOT, 'bench', 'results')
/** The service compiled by tsc (git-, lint- and tsc-ignored, like any tool cache under node_modules). */
export const BUILD_DIR = join(ROOT, 'node_modules', '.cache', 'forms-api-bench')
/** Every instance signs and accepts the same tokens. */
export const JWT_SECRET = 'bench-secret-bench-secret-bench-secret-0'
export const ADMIN = { email: 'admin@bench.test', password: 'bench-admin-password' }

// ---------------------------------------------------------------- progress

const startedAt = performance.now()

/** A progress line on stderr (stdout carries only the result tables). */
export function progress (message: string): void {
  const seconds = ((performance.now() - startedAt) / 1000).toFixed(1).padStart(6)
  process.stderr.write(`[bench ${seconds} s] ${message}\n`)
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

// ---------------------------------------------------------------- statistics

/** Nearest-rank percentile (p in 0..100) of unsorted values. */
export function percentile (values: readonly number[], p: number): number {
  if (values.length === 0) return NaN
  const sorted = [...values].sort((a, b) => a - b)
  const rank = Math.ceil((p / 100) * sorted.length)
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!
}

export const median = (values: readonly number[]) => percentile(values, 50)

/** Median of the per-round ratios a[i] / b[i] (both measured in the same round). */
export function pairedRatio (a: readonly number[], b: readonly number[]): number {
  return median(a.map((value, i) => value / b[i]!))
}

/**
 * Runs every variant once per round, rotating which goes first, so slow drift
 * of a noisy machine spreads evenly over the variants. Returns the results per
 * variant in round order.
 */
export async function interleaved<T> (rounds: number, variants: Record<string, () => Promise<T>>, label = ''): Promise<Record<string, T[]>> {
  const names = Object.keys(variants)
  const results: Record<string, T[]> = Object.fromEntries(names.map((name) => [name, []]))
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < names.length; i++) {
      const name = names[(round + i) % names.length]!
      progress(`${label}round ${round + 1}/${rounds}: ${name}`)
      results[name]!.push(await variants[name]!())
    }
  }
  return results
}

// ---------------------------------------------------------------- a seeded PRNG and Zipf

/** mulberry32: small, fast, seeded; the same seed replays the same workload. */
export function prng (seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Ranks 0..n-1 with P(rank k) ∝ 1 / (k + 1)^s (inverse CDF, binary search). */
export function zipf (n: number, s: number, random: () => number): () => number {
  const cdf = new Float64Array(n)
  let total = 0
  for (let k = 0; k < n; k++) cdf[k] = total += 1 / (k + 1) ** s
  return () => {
    const target = random() * total
    let lo = 0
    let hi = n - 1
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (cdf[mid]! < target) lo = mid + 1
      else hi = mid
    }
    return lo
  }
}

// ---------------------------------------------------------------- formatting

export function fmt (value: number, digits = 2): string {
  if (!Number.isFinite(value)) return 'n/a'
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })
}

export const times = (value: number) => `${fmt(value, 2)}×`
export const pct = (value: number, digits = 1) => `${fmt(value * 100, digits)} %`
export const verdict = (met: boolean) => met ? 'met' : '**missed**'

/** A Markdown table with a heading; the same text goes to the terminal and BENCHMARKS.md. */
export function table (title: string, header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number>>): string {
  const cells = rows.map((row) => row.map(String))
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((row) => row[i]?.length ?? 0)))
  const line = (row: readonly string[]) => `| ${row.map((cell, i) => cell.padEnd(widths[i]!)).join(' | ')} |`
  return [`### ${title}`, '', line(header), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...cells.map(line), ''].join('\n')
}

// ---------------------------------------------------------------- the machine

/** CPU time (user + system) a process has used so far, ms (Linux: /proc/<pid>/stat, 100 ticks per second). */
export function cpuMs (pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
  return (Number(fields[11]) + Number(fields[12])) * 10
}

/**
 * Pins a process (every thread) to one CPU with `taskset`, so a server and its
 * load generator do not take turns on the same core. False where that is not
 * possible (one core, no taskset): the run goes on unpinned.
 */
export function pin (pid: number, cpu: number): boolean {
  if (availableParallelism() <= cpu) return false
  try {
    execFileSync('taskset', ['-a', '-p', '-c', String(cpu), String(pid)], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

export const loadAverage = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')

/** What BENCHMARKS.md reports about the machine (Linux). */
export function machine () {
  const cpu = /model name\s*:\s*(.+)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? 'unknown'
  const ram = `${(totalmem() / 1024 ** 3).toFixed(1)} GiB`
  const facts = { cores: String(availableParallelism()), cpu, ram, node: process.version, 'load average': loadAverage() }
  return { facts, summary: Object.entries(facts).map(([name, value]) => `${name} ${value}`).join(', ') }
}

// ---------------------------------------------------------------- clean-up

const cleanups: Array<() => unknown> = []

/** Registers a clean-up step; they run last-registered first. */
export function onCleanup (step: () => unknown): void {
  cleanups.push(step)
}

export async function cleanUp (): Promise<void> {
  while (cleanups.length > 0) {
    try { await cleanups.pop()!() } catch (err) { progress(`clean-up step failed: ${(err as Error).message}`) }
  }
}

/** A temp directory, removed at clean-up. */
export function tempDir (name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `forms-bench-${name}-`))
  onCleanup(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

/** On Ctrl-C, a signal or an uncaught error: stop what was started, then exit. */
export function exitCleanly (): void {
  const stop = (why: string, code: number) => {
    progress(`${why}: cleaning up`)
    void cleanUp().finally(() => { removeBuild(); process.exit(code) })
  }
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => stop(signal, 130))
  process.once('uncaughtException', (err) => stop(`uncaught ${err.stack ?? err.message}`, 1))
}

/** Runs a scenario when its file is the entry point: prints its tables, cleans up, exits. */
export function runIfMain (meta: ImportMeta, scenario: () => Promise<string>): void {
  if (process.argv[1] !== meta.filename) return
  exitCleanly()
  progress(`machine: ${machine().summary}`)
  scenario().then(async (markdown) => {
    await cleanUp()
    removeBuild()
    progress(`load average at the end: ${loadAverage()}`)
    process.stdout.write(`\n${markdown}\n`)
    saveResult(meta.filename.replace(/^.*\/|\.ts$/g, ''), markdown)
    process.exit(0)
  }, async (err: Error) => {
    progress(`failed: ${err.stack ?? err.message}`)
    await cleanUp()
    removeBuild()
    process.exit(1)
  })
}

/** Keeps the last result of each scenario in bench/results/ (git-ignored). */
export function saveResult (name: string, markdown: string): void {
  mkdirSync(RESULTS_DIR, { recursive: true })
  writeFileSync(join(RESULTS_DIR, `${name}.md`), `${markdown}\n`)
}

// ---------------------------------------------------------------- the service as production runs it

let build: Promise<void> | undefined

/**
 * Compiles the service with tsc, as `npm run build` does for `npm start`.
 * The benches measure that output, not the sources through tsx: tsx's
 * transform keeps function names (esbuild keepNames), which adds an
 * Object.defineProperty call to every closure created per request.
 */
export function buildService (): Promise<void> {
  // instances are started by a bench that has built it already
  if (process.env.BENCH_SERVICE_BUILT === '1') return Promise.resolve()
  build ??= (async () => {
    progress('compiling the service with tsc (npm run build, into node_modules/.cache/forms-api-bench)')
    const tsc = spawn(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json', '--outDir', BUILD_DIR], {
      cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit']
    })
    let output = ''
    tsc.stdout.on('data', (chunk: Buffer) => { output += chunk.toString() })
    const [code] = await once(tsc, 'exit') as [number]
    // type errors (someone's work in progress) still emit JavaScript: measure it, but say so
    if (code !== 0) progress(`tsc reported errors (exit ${code}); benchmarking the emitted JavaScript anyway:\n${output.slice(0, 2000)}`)
  })()
  return build
}

/** Removes the compiled service (at the very end of a run). */
export function removeBuild (): void {
  if (process.env.BENCH_SERVICE_BUILT !== '1') rmSync(BUILD_DIR, { recursive: true, force: true })
}

/** A module of the compiled service, e.g. `compiled<typeof import('../app.js')>('app.js')`. */
export async function compiled<T> (path: string): Promise<T> {
  await buildService()
  return await import(pathToFileURL(join(BUILD_DIR, path)).href) as T
}

// ---------------------------------------------------------------- ports and Redis

export async function freePort (): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1')
  await once(server, 'listening')
  const { port } = server.address() as { port: number }
  server.close()
  await once(server, 'close')
  return port
}

async function until (predicate: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!await predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await sleep(20)
  }
}

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
  const dir = shared !== undefined ? '' : tempDir('redis')
  let child: ChildProcess | undefined
  const client = () => new Redis({ host: '127.0.0.1', port, maxRetriesPerRequest: 0, lazyConnect: true })

  async function ping (): Promise<boolean> {
    const probe = client()
    probe.on('error', () => {})
    try { await probe.connect(); return await probe.ping() === 'PONG' } catch { return false } finally { probe.disconnect() }
  }

  async function start () {
    if (shared !== undefined) return
    child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], { stdio: 'ignore' })
    await until(ping, 5000, `redis-server on port ${port}`)
  }

  async function kill () {
    if (shared !== undefined) throw new Error('the outage scenario needs a private redis-server (unset BENCH_REDIS_PORT)')
    if (child === undefined || child.exitCode !== null || child.signalCode !== null) return
    const exited = once(child, 'exit')
    child.kill('SIGKILL')
    await exited
  }

  await start()
  const probe = client()
  await probe.connect()
  const version = /redis_version:(\S+)/.exec(await probe.info('server'))?.[1] ?? 'unknown'
  probe.disconnect()

  if (shared === undefined) onCleanup(kill)
  else onCleanup(() => deleteKeys(port, prefix))

  return {
    port,
    pid: () => child?.pid,
    prefix,
    version,
    client,
    start,
    kill,
    async pause (ms: number) {
      const admin = client()
      await admin.connect()
      await admin.call('CLIENT', 'PAUSE', String(ms), 'ALL')
      admin.disconnect()
    }
  }
}

/** SCAN + UNLINK of the keys under our prefix only (never FLUSHDB on a shared Redis). */
async function deleteKeys (port: number, prefix: string): Promise<void> {
  const redis = new Redis({ host: '127.0.0.1', port, maxRetriesPerRequest: 0 })
  let cursor = '0'
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000)
    cursor = next
    if (keys.length > 0) await redis.unlink(...keys)
  } while (cursor !== '0')
  redis.disconnect()
}

// ---------------------------------------------------------------- service instances

export interface InstanceStats {
  db: { reads: number, writes: number }
  cache: { kinds: Record<CacheKind, KindCounters>, errors: number }
  breaker: string
  subscribed: boolean
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
    memory: () => ask<InstanceMemory>('memory')
  }

  /** A question over IPC; the answer carries the question's id and `type`, with the result under that name. */
  function ask<T> (type: 'stats' | 'memory'): Promise<T> {
    const id = ++requestIds
    return new Promise<T>((resolve, reject) => {
      const onMessage = (message: { type: string, id?: number } & Record<string, unknown>) => {
        if (message.type !== type || message.id !== id) return
        child.off('message', onMessage)
        resolve(message[type] as T)
      }
      child.on('message', onMessage)
      child.send({ type, id }, (err) => { if (err !== null) reject(err) })
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

// ---------------------------------------------------------------- HTTP helpers for set-up

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

// ---------------------------------------------------------------- load generation

/** One autocannon run in a child process (bench/load.ts). */
export async function runLoad (options: import('./load.js').LoadOptions, { cpu }: { cpu?: number } = {}): Promise<import('./load.js').LoadResult> {
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

// Scenario 3 — a realistic workload on two instances, with and without the
// cache: Zipf (s = 1.1) reads over 10,000 forms and 5 % writes. Reports the hit
// ratio per kind, database reads per request, latency, and stale reads.
// `workloadNetworkDb` runs it again with a simulated database on another host:
// BENCH_DB_DELAY_MS (default 0.5) before every repository call, in both systems.
import { copyFileSync } from 'node:fs'
import { join } from 'node:path'
import { CACHE_KINDS } from '../services/cache/kinds.js'
import { seedDatabase, signIn, SIZED_FOR_THE_DATA } from './seed.js'
import { createTraffic, OPERATIONS, PROPAGATION_BOUND_MS, type OperationName, type TrafficRun } from './traffic.js'
import {
  ADMIN, buildService, clusterStats, cpuMs, fmt, interleaved, median, pairedRatio, pct, percentile, progress, runIfMain,
  serviceEnv, startInstance, startRedis, statsDelta, table, tempDir, times, totalStats, verdict, type Instance, type InstanceStats
} from './lib.js'

const FORMS = 10_000
/** Requests per second, over both instances of a system: about half of what either system serves flat out here. */
const RATE = 800
/** Clients of the priming sweep (a closed loop, as fast as it goes). */
const CONCURRENCY = 32
const ROUND_MS = 15_000
const WARMUP_MS = 10_000
const ROUNDS = 3
/** CPU µs per request: the service instances, and Redis (the cached system's only). */
interface Measured { run: TrafficRun, stats: InstanceStats, cpu: { instances: number, redis: number } }

/** `redisPid`: Redis's CPU time counts for the cached system (unknown for a shared Redis). */
function system (name: string, instances: Instance[], redisPid: number | undefined, traffic: ReturnType<typeof createTraffic>) {
  const targets = instances.map((instance) => instance.url)
  const cpu = () => ({ instances: sum(instances.map((instance) => cpuMs(instance.pid))), redis: redisPid === undefined ? 0 : cpuMs(redisPid) })
  return {
    async prime () {
      const started = performance.now()
      const requests = await traffic.prime({ targets, concurrency: CONCURRENCY })
      progress(`${name}: primed with ${requests.toLocaleString('en-US')} requests in ${((performance.now() - started) / 1000).toFixed(0)} s`)
    },
    async measure (durationMs = ROUND_MS): Promise<Measured> {
      const before = await clusterStats(instances)
      const cpuBefore = cpu()
      const run = await traffic.run({ targets, rate: RATE, durationMs })
      const cpuAfter = cpu()
      const perRequest = (ms: number) => ms * 1000 / run.requests
      const cpuUsed = { instances: perRequest(cpuAfter.instances - cpuBefore.instances), redis: perRequest(cpuAfter.redis - cpuBefore.redis) }
      if (run.failures > 0) progress(`${name}: ${run.failures} failed requests, e.g. ${run.failureSamples.join(' | ')}`)
      const stats = statsDelta(await clusterStats(instances), before)
      if (run.staleReads.length > 0 || stats.cache.errors > 0) {
        progress(`${name}: ${run.staleReads.length} stale reads, ${stats.cache.errors} Redis errors; first stale reads (start ms, lag ms, route): ${JSON.stringify(run.staleReads.slice(0, 3))}`)
      }
      return { run, stats, cpu: cpuUsed }
    }
  }
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0)
const worstLag = (runs: Measured[]) => Math.max(0, ...runs.flatMap((m) => m.run.staleReads.map(([, lag]) => lag)))

/** The simulated round trip to a database on another host, ms. */
const NETWORK_DB_DELAY_MS = Number(process.env.BENCH_DB_DELAY_MS ?? 0.5)

export const workload = () => runWorkload(0)
export const workloadNetworkDb = () => runWorkload(NETWORK_DB_DELAY_MS)

async function runWorkload (dbDelayMs: number): Promise<string> {
  const redis = await startRedis()
  await buildService()
  const dir = tempDir('workload')
  const cachedDb = join(dir, 'cached.db')
  const uncachedDb = join(dir, 'uncached.db')
  const data = await seedDatabase(cachedDb, { forms: FORMS, editors: 10, viewers: 10, admin: ADMIN })
  copyFileSync(cachedDb, uncachedDb)

  progress(`starting two cached and two uncached instances${dbDelayMs > 0 ? `, every database call delayed ${dbDelayMs} ms` : ''}`)
  const delay: Record<string, string> = dbDelayMs > 0 ? { BENCH_DB_DELAY_MS: String(dbDelayMs) } : {}
  const cached = await Promise.all(['a', 'b'].map((name) => startInstance(`workload-cached-${name}`, serviceEnv(redis, cachedDb, { ...SIZED_FOR_THE_DATA, ...delay }))))
  const uncached = await Promise.all(['a', 'b'].map((name) => startInstance(`workload-uncached-${name}`, serviceEnv(redis, uncachedDb, { CACHE_ENABLED: 'false', ...delay }))))
  const tokens = await signIn(data, cached[0]!.url)
  const systems = {
    cached: system('cached', cached, redis.pid(), createTraffic(data, tokens)),
    uncached: system('uncached', uncached, undefined, createTraffic(data, tokens))
  }

  progress('priming both systems: every form read once through each form-level route')
  await systems.cached.prime()
  await systems.uncached.prime()
  progress(`warm-up: ${WARMUP_MS / 1000} s of the workload on each system`)
  await systems.cached.measure(WARMUP_MS)
  await systems.uncached.measure(WARMUP_MS)
  // BENCH_CPU_PROF=1: besides each instance's whole run, a profile of the measured rounds alone (no priming)
  const profiling = process.env.BENCH_CPU_PROF === '1' ? await Promise.all([...cached, ...uncached].map((instance) => instance.profile())) : []
  const results = await interleaved(ROUNDS, { cached: () => systems.cached.measure(), uncached: () => systems.uncached.measure() }, 'workload: ')
  for (const file of await Promise.all(profiling.map((profile) => profile.stop('measured-rounds')))) progress(`CPU profile of the measured rounds: ${file}`)

  return report(results as Record<'cached' | 'uncached', Measured[]>, dbDelayMs)
}

function report ({ cached, uncached }: Record<'cached' | 'uncached', Measured[]>, dbDelayMs: number): string {
  const perRound = (runs: Measured[], pick: (m: Measured) => number) => runs.map(pick)
  const rps = (m: Measured) => m.run.requests / m.run.seconds
  const readsPerRequest = (m: Measured) => m.stats.db.reads / m.run.requests
  const p50 = (m: Measured) => percentile(m.run.latencies, 50)
  const p99 = (m: Measured) => percentile(m.run.latencies, 99)
  const compare = (label: string, pick: (m: Measured) => number, digits = 2) => [label,
    fmt(median(perRound(cached, pick)), digits), fmt(median(perRound(uncached, pick)), digits),
    times(pairedRatio(perRound(cached, pick), perRound(uncached, pick)))]
  const totals = (runs: Measured[]) => ({
    requests: sum(runs.map((m) => m.run.requests)),
    failures: sum(runs.map((m) => m.run.failures)),
    conflicts: sum(runs.map((m) => m.run.conflicts)),
    checked: sum(runs.map((m) => m.run.freshness.checked)),
    staleRaw: sum(runs.map((m) => m.run.freshness.staleRaw)),
    stale: sum(runs.map((m) => m.run.freshness.stale))
  })
  const c = totals(cached)
  const u = totals(uncached)

  const summary = [
    compare('requests/s (offered: ' + RATE + ')', rps, 0),
    compare('p50 latency, ms', p50),
    compare('p99 latency, ms', p99),
    [...compare('the driver\'s send lateness p50, ms (its 1 ms timer; not in the latencies)', (m) => percentile(m.run.lateness, 50)).slice(0, 3), ''],
    compare('database reads per request', readsPerRequest, 3),
    compare('CPU µs per request: service instances', (m) => m.cpu.instances, 0),
    [...compare('CPU µs per request: Redis', (m) => m.cpu.redis, 0).slice(0, 3), ''],
    compare('CPU µs per request: total', (m) => m.cpu.instances + m.cpu.redis, 0),
    ['reads checked for staleness', c.checked.toLocaleString('en-US'), u.checked.toLocaleString('en-US'), ''],
    [`stale reads (write acknowledged > ${PROPAGATION_BOUND_MS} ms before the read)`, String(c.stale), String(u.stale), ''],
    ['stale reads, raw (any acknowledged write before the read)', String(c.staleRaw), String(u.staleRaw), ''],
    ['worst lag of a stale read, ms', fmt(worstLag(cached), 0), fmt(worstLag(uncached), 0), ''],
    ['failed requests', String(c.failures), String(u.failures), ''],
    ['Redis errors and timeouts (cache errors counter)', String(sum(cached.map((m) => m.stats.cache.errors))), '', ''],
    ['PATCH conflicts (409, optimistic concurrency)', String(c.conflicts), String(u.conflicts), '']
  ]

  // hit ratio per kind, over all measured rounds, from both instances' own counters
  const stats = totalStats(cached.map((m) => m.stats))
  let hitsAll = 0
  let lookupsAll = 0
  const kinds = CACHE_KINDS.map((kind) => {
    const k = stats.cache.kinds[kind]
    const hits = k.hits.l1 + k.hits.l2
    const lookups = hits + k.misses
    hitsAll += hits
    lookupsAll += lookups
    return [kind, lookups.toLocaleString('en-US'), pct(hits / lookups), pct(k.hits.l1 / lookups), pct(k.hits.l2 / lookups),
      k.loads.toLocaleString('en-US'), k.l2_evictions.toLocaleString('en-US')]
  })
  kinds.push(['all kinds', lookupsAll.toLocaleString('en-US'), pct(hitsAll / lookupsAll), '', '', '', ''])

  const routes = (Object.keys(OPERATIONS) as OperationName[]).map((name) => {
    const count = sum(cached.map((m) => m.run.routes[name].count))
    const hits = sum(cached.map((m) => m.run.routes[name].cacheHits))
    const latency = (runs: Measured[]) => median(runs.map((m) => percentile(m.run.routes[name].latencies, 50)))
    return [name, pct(count / c.requests), name.startsWith('GET') ? pct(hits / count) : '', fmt(latency(cached), 2), fmt(latency(uncached), 2)]
  })

  const hitRatio = hitsAll / lookupsAll
  const dbRelief = 1 - pairedRatio(perRound(cached, readsPerRequest), perRound(uncached, readsPerRequest))
  const latencyRatio = pairedRatio(perRound(cached, p50), perRound(uncached, p50))
  const tailRatio = pairedRatio(perRound(cached, p99), perRound(uncached, p99))
  const cpuTotal = (m: Measured) => m.cpu.instances + m.cpu.redis
  const cpuRatio = pairedRatio(perRound(cached, cpuTotal), perRound(uncached, cpuTotal))
  const simulated = dbDelayMs > 0
  const latencyTarget = simulated ? 0.3 : 0.5
  const targets = [
    ['cache hit ratio ≥ 90 % (all lookups, both instances)', pct(hitRatio), verdict(hitRatio >= 0.9)],
    ['≥ 80 % fewer database reads per request than without the cache', pct(dbRelief), verdict(dbRelief >= 0.8)],
    [`cached p50 ≤ ${latencyTarget}× uncached p50`, times(latencyRatio), verdict(latencyRatio <= latencyTarget)],
    ...simulated
      ? []
      : [['cached p99 ≤ uncached p99', times(tailRatio), verdict(tailRatio <= 1)],
          ['CPU per request (instances + Redis) ≤ uncached', times(cpuRatio), verdict(cpuRatio <= 1)]],
    [`0 stale reads (beyond the ${PROPAGATION_BOUND_MS} ms propagation bound)`, String(c.stale), verdict(c.stale === 0)],
    ['0 failed requests', String(c.failures), verdict(c.failures === 0)]
  ]

  const waits = [...cached, ...uncached].map((m) => m.stats.dbWaitMs).filter((ms) => ms !== undefined)
  const database = simulated
    ? `SIMULATED network database: every repository call waits ${dbDelayMs} ms first (BENCH_DB_DELAY_MS; median wait applied ${fmt(median(waits), 2)} ms), ` +
      'in both systems; '
    : 'embedded SQLite; '
  const setup = database + `${FORMS.toLocaleString('en-US')} forms, Zipf s = 1.1, entry limits 30,000, ${RATE} requests/s (open loop) over two instances per system, ` +
    `every form primed once per form-level route, then ${WARMUP_MS / 1000} s of warm-up; medians of ${ROUNDS} interleaved ${ROUND_MS / 1000} s rounds`
  const name = simulated ? 'Workload, simulated network database' : 'Workload'
  return [
    table(`${name}: with vs without the cache (${setup})`, ['', 'cached', 'uncached', 'cached / uncached'], summary),
    table(`${name}: cache lookups per kind (both cached instances, all measured rounds)`, ['kind', 'lookups', 'hit ratio', 'L1 hits', 'L2 hits', 'loader calls', 'evicted (size limit)'], kinds),
    table(`${name}: per route`, ['route', 'share', 'X-Cache HIT', 'p50 ms cached', 'p50 ms uncached'], routes),
    table(`${name} targets`, ['target', 'measured', ''], targets)
  ].join('\n')
}

runIfMain(import.meta, process.argv.includes('--network-db') ? workloadNetworkDb : workload)

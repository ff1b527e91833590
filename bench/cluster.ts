// Scenario 8 — the workload on a 3-master Redis Cluster (a replica each)
// against the same workload on one standalone Redis, two instances each, in
// interleaved rounds; then a round on the Cluster with a master killed
// (SIGKILL) in the middle, its replica promoted by the Cluster.
import { copyFileSync } from 'node:fs'
import { join } from 'node:path'
import { CACHE_KINDS } from '../services/cache/kinds.js'
import { startCluster } from '../test/support/redis-cluster.js'
import {
  ADMIN, clusterStats, fmt, interleaved, median, onCleanup, pct, percentile, progress, runIfMain, serviceEnv, sleep,
  startInstance, startRedis, statsDelta, table, tempDir, times, pairedRatio, verdict, type Instance, type InstanceStats
} from './lib.js'
import { seedDatabase, signIn, SIZED_FOR_THE_DATA, type Seed } from './seed.js'
import { createTraffic, phaseLatency, PROPAGATION_BOUND_MS, type TrafficRun } from './traffic.js'

const FORMS = 5000
const RATE = 600
const ROUND_MS = 15_000
const ROUNDS = 3
/** The failover round: a master is killed this far in, the round lasts `end`. */
const FAILOVER = { killAt: 10_000, end: 35_000 }

interface Measured { run: TrafficRun, stats: InstanceStats }

const worstLag = (runs: Measured[]) => Math.max(0, ...runs.flatMap((m) => m.run.staleReads.map(([, lag]) => lag)))

const hitRatio = (stats: InstanceStats) => {
  let hits = 0
  let lookups = 0
  for (const kind of CACHE_KINDS) {
    const k = stats.cache.kinds[kind]
    hits += k.hits.l1 + k.hits.l2
    lookups += k.hits.l1 + k.hits.l2 + k.misses
  }
  return hits / lookups
}

function system (name: string, instances: Instance[], data: Seed, tokens: Map<string, string>) {
  const targets = instances.map((instance) => instance.url)
  const traffic = createTraffic(data, tokens)
  return {
    prime: () => traffic.prime({ targets, concurrency: 16 }),
    async measure (durationMs = ROUND_MS): Promise<Measured> {
      const before = await clusterStats(instances)
      const run = await traffic.run({ targets, rate: RATE, durationMs })
      if (run.failures > 0) progress(`${name}: ${run.failures} failed requests, e.g. ${run.failureSamples.join(' | ')}`)
      return { run, stats: statsDelta(await clusterStats(instances), before) }
    }
  }
}

export async function cluster (): Promise<string> {
  const redis = await startRedis()
  progress('starting a Redis Cluster: 3 masters, 3 replicas')
  const redisCluster = await startCluster({ teardown: onCleanup }, { parentDir: tempDir('cluster') })
  const dir = tempDir('cluster-db')
  const standaloneDb = join(dir, 'standalone.db')
  const clusterDb = join(dir, 'cluster.db')
  const data = await seedDatabase(standaloneDb, { forms: FORMS, editors: 10, viewers: 10, admin: ADMIN })
  copyFileSync(standaloneDb, clusterDb)

  const onStandalone = await Promise.all(['a', 'b'].map((name) => startInstance(`standalone-${name}`, serviceEnv(redis, standaloneDb, SIZED_FOR_THE_DATA))))
  const onCluster = await Promise.all(['a', 'b'].map((name) =>
    startInstance(`cluster-${name}`, { ...serviceEnv(redis, clusterDb, SIZED_FOR_THE_DATA), ...redisCluster.env, REDIS_KEY_PREFIX: 'forms:' })))
  const systems = {
    standalone: system('standalone', onStandalone, data, await signIn(data, onStandalone[0]!.url)),
    cluster: system('cluster', onCluster, data, await signIn(data, onCluster[0]!.url))
  }
  progress('priming both, then 10 s of warm-up each')
  for (const each of Object.values(systems)) {
    await each.prime()
    await each.measure(10_000)
  }
  const rounds = await interleaved(ROUNDS, { standalone: () => systems.standalone.measure(), cluster: () => systems.cluster.measure() }, 'cluster: ') as
    Record<'standalone' | 'cluster', Measured[]>

  progress(`failover round: ${FAILOVER.end / 1000} s on the Cluster, a master killed at ${FAILOVER.killAt / 1000} s`)
  let promotedAt = NaN
  const failover = (async () => {
    await sleep(FAILOVER.killAt)
    const started = performance.now()
    const killed = await redisCluster.killMaster()
    await redisCluster.waitForPromotion(killed)
    promotedAt = FAILOVER.killAt + performance.now() - started
    progress(`replica promoted ${fmt((promotedAt - FAILOVER.killAt) / 1000, 1)} s after the kill`)
  })()
  const failed = await systems.cluster.measure(FAILOVER.end)
  await failover
  const backends = await Promise.all(onCluster.map(async (instance) => {
    const { checks } = await (await fetch(`${instance.url}/health/ready`)).json() as { checks: { cache: { detail: string } } }
    return /^backend (\w+)/.exec(checks.cache.detail)?.[1]
  }))

  const p = (runs: Measured[], pick: (m: Measured) => number) => runs.map(pick)
  const p50 = (m: Measured) => percentile(m.run.latencies, 50)
  const p99 = (m: Measured) => percentile(m.run.latencies, 99)
  const sum = (runs: Measured[], pick: (m: Measured) => number) => runs.reduce((total, m) => total + pick(m), 0)
  const compare = (label: string, pick: (m: Measured) => number, show: (n: number) => string) =>
    [label, show(median(p(rounds.cluster, pick))), show(median(p(rounds.standalone, pick))), times(pairedRatio(p(rounds.cluster, pick), p(rounds.standalone, pick)))]
  const summary = [
    compare('requests/s', (m) => m.run.requests / m.run.seconds, (n) => fmt(n, 0)),
    compare('cache hit ratio (all lookups)', (m) => hitRatio(m.stats), pct),
    compare('p50 latency, ms', p50, (n) => fmt(n, 2)),
    compare('p99 latency, ms', p99, (n) => fmt(n, 2)),
    ['stale reads (> 100 ms)', String(sum(rounds.cluster, (m) => m.run.freshness.stale)), String(sum(rounds.standalone, (m) => m.run.freshness.stale)), ''],
    ['worst lag of a stale read, ms', fmt(worstLag(rounds.cluster), 0), fmt(worstLag(rounds.standalone), 0), ''],
    ['failed requests', String(sum(rounds.cluster, (m) => m.run.failures)), String(sum(rounds.standalone, (m) => m.run.failures)), '']
  ]
  const settled = promotedAt + 3000
  const phases: Array<[string, number, number]> = [
    ['before the kill', 0, FAILOVER.killAt],
    ['master killed, until its replica is promoted', FAILOVER.killAt, promotedAt],
    ['the 3 s after the promotion', promotedAt, settled],
    ['after', settled, FAILOVER.end]
  ]
  const phaseRows = phases.map(([name, from, to]) => {
    const phase = phaseLatency(failed.run, from, to)
    return [name, `${fmt(from / 1000, 1)}–${fmt(to / 1000, 1)} s`, phase.requests.toLocaleString('en-US'), String(phase.failures), fmt(phase.p50, 2), fmt(phase.p99, 2),
      String(phase.stale), phase.stale === 0 ? '' : fmt(phase.maxLag, 0)]
  })
  const after = phaseLatency(failed.run, settled, FAILOVER.end)
  const hitCluster = median(p(rounds.cluster, (m) => hitRatio(m.stats)))
  const hitStandalone = median(p(rounds.standalone, (m) => hitRatio(m.stats)))
  const targets = [
    ['hit ratio on the Cluster within 2 points of the standalone run', `${pct(hitCluster)} vs ${pct(hitStandalone)}`, verdict(hitCluster >= hitStandalone - 0.02)],
    ['0 stale reads on the Cluster (steady rounds)', String(sum(rounds.cluster, (m) => m.run.freshness.stale)), verdict(sum(rounds.cluster, (m) => m.run.freshness.stale) === 0)],
    ['failover round: 0 failed requests', String(failed.run.failures), verdict(failed.run.failures === 0)],
    [`failover round: 0 stale reads (> ${PROPAGATION_BOUND_MS} ms) from 3 s after the promotion`, String(after.stale), verdict(after.stale === 0)],
    ['both instances report backend redis at the end', backends.join(', '), verdict(backends.every((backend) => backend === 'redis'))]
  ]
  return [
    table(`Redis Cluster (3 masters, 3 replicas) vs one standalone Redis: ${RATE} requests/s over two instances each, ${FORMS.toLocaleString('en-US')} forms, medians of ${ROUNDS} interleaved ${ROUND_MS / 1000} s rounds`,
      ['', 'Cluster', 'standalone', 'Cluster / standalone'], summary),
    table(`Redis Cluster failover: a master killed (SIGKILL) ${FAILOVER.killAt / 1000} s into a ${FAILOVER.end / 1000} s round`,
      ['phase', 'window', 'requests', 'failed', 'p50 ms', 'p99 ms', `stale reads (> ${PROPAGATION_BOUND_MS} ms)`, 'worst lag ms'], phaseRows),
    table('Redis Cluster targets', ['target', 'measured', ''], targets)
  ].join('\n')
}

runIfMain(import.meta, cluster)

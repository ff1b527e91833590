// Scenario 5 — Redis fails under load: the workload's traffic on two instances
// while their private redis-server is killed (then restarted), and later paused
// (CLIENT PAUSE ALL: connected but silent). Counts failed requests and compares
// latency per phase.
import { join } from 'node:path'
import { ADMIN, fmt, progress, runIfMain, serviceEnv, sleep, startInstance, startRedis, table, tempDir, verdict } from './lib.js'
import { seedDatabase, signIn } from './seed.js'
import { createTraffic, phaseLatency, PROPAGATION_BOUND_MS } from './traffic.js'

const FORMS = 2000
/** Requests per second over both instances (open loop). */
const RATE = 600
/** The timeline, in seconds from the start of the traffic. */
const AT = { kill: 8, restart: 16, pause: 24, pauseFor: 3, end: 32 }
const PHASES: Array<[string, number, number]> = [
  ['before (Redis up)', 2, AT.kill],
  ['Redis killed', AT.kill, AT.restart],
  ['Redis restarted (recovery)', AT.restart, AT.pause],
  [`Redis paused (CLIENT PAUSE ${AT.pauseFor} s)`, AT.pause, AT.pause + AT.pauseFor],
  ['after', AT.pause + AT.pauseFor, AT.end]
]

export async function outage (): Promise<string> {
  const redis = await startRedis()
  const sqlitePath = join(tempDir('outage'), 'forms.db')
  const data = await seedDatabase(sqlitePath, { forms: FORMS, editors: 4, viewers: 4, admin: ADMIN })
  const instances = await Promise.all(['a', 'b'].map((name) => startInstance(`outage-${name}`, serviceEnv(redis, sqlitePath))))
  const tokens = await signIn(data, instances[0]!.url)
  const traffic = createTraffic(data, tokens)
  const targets = instances.map((instance) => instance.url)

  progress('warm-up (5 s)')
  await traffic.run({ targets, rate: RATE, durationMs: 5000 })

  const faults = (async () => {
    await sleep(AT.kill * 1000)
    progress('killing redis-server (SIGKILL)')
    await redis.kill()
    await sleep((AT.restart - AT.kill) * 1000)
    progress('restarting redis-server (empty)')
    await redis.start()
    await sleep((AT.pause - AT.restart) * 1000)
    progress(`pausing redis-server for ${AT.pauseFor} s (CLIENT PAUSE ALL)`)
    await redis.pause(AT.pauseFor * 1000)
  })()
  progress(`traffic for ${AT.end} s: ${RATE} requests/s over two instances`)
  const run = await traffic.run({ targets, rate: RATE, durationMs: AT.end * 1000 })
  await faults
  const health = await Promise.all(instances.map((instance) => instance.stats()))

  const rows = PHASES.map(([name, from, to]) => {
    const phase = phaseLatency(run, from * 1000, to * 1000)
    return [name, `${from}–${to} s`, phase.requests.toLocaleString('en-US'), String(phase.failures), fmt(phase.p50, 2), fmt(phase.p99, 2),
      String(phase.stale), phase.stale === 0 ? '' : fmt(phase.maxLag, 0)]
  })
  const before = phaseLatency(run, PHASES[0]![1] * 1000, PHASES[0]![2] * 1000)
  const killed = phaseLatency(run, AT.kill * 1000, AT.restart * 1000)
  const paused = phaseLatency(run, AT.pause * 1000, (AT.pause + AT.pauseFor) * 1000)
  const goals = [
    ['0 failed requests over the whole run', String(run.failures), verdict(run.failures === 0)],
    ['p99 while Redis is down vs before', `${fmt(killed.p99, 1)} ms vs ${fmt(before.p99, 1)} ms`, ''],
    ['p99 while Redis is paused vs before', `${fmt(paused.p99, 1)} ms vs ${fmt(before.p99, 1)} ms`, ''],
    [`stale reads beyond ${PROPAGATION_BOUND_MS} ms (raw), all phases`, `${run.freshness.stale} (${run.freshness.staleRaw}) of ${run.freshness.checked.toLocaleString('en-US')}`, ''],
    ['circuit breakers at the end', health.map((stats) => stats.breaker).join(', '), verdict(health.every((stats) => stats.breaker === 'closed'))]
  ]
  if (run.failures > 0) progress(`failures, e.g. ${run.failureSamples.join(' | ')}`)
  return [
    table(`Outage: ${RATE} requests/s (open loop) over two instances, the workload's mix on ${FORMS.toLocaleString('en-US')} forms`,
      ['phase', 'window', 'requests', 'failed', 'p50 ms', 'p99 ms', `stale reads (> ${PROPAGATION_BOUND_MS} ms)`, 'max lag ms'], rows),
    table('Outage targets', ['target', 'measured', ''], goals)
  ].join('\n')
}

runIfMain(import.meta, outage)

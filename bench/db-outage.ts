// Scenario 6 — the database unavailable for 10 s under the workload's traffic,
// on two cached instances: a second process holds the SQLite file's WAL locks
// (as a process recovering the WAL does), so every query fails with
// SQLITE_BUSY. Reads of keys cached before the outage should keep answering
// (fresh, or STALE within the grace period); nothing invalidated is served.
import { join } from 'node:path'
import { lockDatabase } from '../test/database-lock.js'
import { ADMIN, fmt, onCleanup, pct, progress, runIfMain, serviceEnv, sleep, startInstance, startRedis, table, tempDir, verdict, type Instance } from './lib.js'
import { seedDatabase, signIn, SIZED_FOR_THE_DATA } from './seed.js'
import { createTraffic, phaseLatency, PROPAGATION_BOUND_MS, type RequestRecord } from './traffic.js'

const FORMS = 2000
const RATE = 400
/** The timeline, in seconds from the start of the measured traffic. */
const AT = { lock: 10, release: 20, end: 35 }
const PHASES: Array<[string, number, number]> = [
  ['before (database up)', 0, AT.lock],
  ['database unavailable', AT.lock, AT.release],
  ['recovery (first 5 s after)', AT.release, AT.release + 5],
  ['after', AT.release + 5, AT.end]
]

const formOf = (path: string) => /^\/api\/v1\/forms\/([^/?]+)/.exec(path)?.[1]
const keyOf = (r: RequestRecord) => `${r.path} ${r.token ?? ''}`

/**
 * Whether a read during the outage had a valid entry to answer from: its key
 * was answered 200 before the outage, and no write that succeeded while or
 * after that read ran (or within the propagation bound before it), before this
 * one, could have invalidated it (a write to its form; for
 * lists, searches and widgets, which span forms, any write they depend on).
 */
function classify (log: RequestRecord[], outageStart: number, marginMs: number) {
  const lastRead = new Map<string, RequestRecord>()
  for (const r of log) if (r.at < outageStart && r.method === 'GET' && r.status === 200) lastRead.set(keyOf(r), r)
  const writes = log.filter((r) => r.method !== 'GET' && (r.status === 200 || r.status === 201))
  const related = (read: RequestRecord) => {
    const form = formOf(read.path)
    return (write: RequestRecord) => read.path.startsWith('/api/v1/dashboard') ||
      (form === undefined ? write.method === 'PATCH' : formOf(write.path) === form)
  }
  /** The read before the outage that this one counts on, and the last write it depends on sent before it. */
  const explain = (read: RequestRecord) => {
    const dependsOn = related(read)
    return { before: lastRead.get(keyOf(read)), lastWrite: writes.filter((write) => write.at < read.at && dependsOn(write)).at(-1) }
  }
  const wasCached = (read: RequestRecord): boolean => {
    const before = lastRead.get(keyOf(read))
    if (before === undefined) return false
    const dependsOn = related(read)
    // A write still running while that read loaded may have kept it from being stored (its versions
    // moved), and so may one answered on the other instance up to the propagation bound before it:
    // the message arriving mid-load keeps the value from being stored (no stale write-back).
    return !writes.some((write) => write.doneAt > before.at - marginMs && write.at < read.at && dependsOn(write))
  }
  return { wasCached, explain }
}

const redisErrors = async (instances: Instance[]) => (await Promise.all(instances.map((instance) => instance.stats()))).reduce((sum, stats) => sum + stats.cache.errors, 0)

export async function dbOutage (): Promise<string> {
  const redis = await startRedis()
  const sqlitePath = join(tempDir('db-outage'), 'forms.db')
  const data = await seedDatabase(sqlitePath, { forms: FORMS, editors: 4, viewers: 4, admin: ADMIN })
  // entry limits sized to the data: a key read before the outage is still cached, not evicted
  const instances = await Promise.all(['a', 'b'].map((name) => startInstance(`db-outage-${name}`, serviceEnv(redis, sqlitePath, SIZED_FOR_THE_DATA))))
  const tokens = await signIn(data, instances[0]!.url)
  const traffic = createTraffic(data, tokens)
  const targets = instances.map((instance) => instance.url)

  progress('priming, then 10 s of warm-up')
  await traffic.prime({ targets, concurrency: 16 })
  await traffic.run({ targets, rate: RATE, durationMs: 10_000 })

  const faults = (async () => {
    await sleep(AT.lock * 1000)
    progress('the database becomes unavailable (a second process holds its WAL locks)')
    const lock = await lockDatabase({ teardown: onCleanup }, sqlitePath)
    await sleep((AT.release - AT.lock) * 1000)
    progress('the database is available again')
    await lock.release()
  })()
  progress(`traffic for ${AT.end} s: ${RATE} requests/s over two instances`)
  const errorsBefore = await redisErrors(instances)
  const run = await traffic.run({ targets, rate: RATE, durationMs: AT.end * 1000, log: true })
  await faults
  const errors = await redisErrors(instances) - errorsBefore

  const outage = run.log.filter((r) => r.at >= AT.lock * 1000 && r.at < AT.release * 1000)
  const { wasCached, explain } = classify(run.log, AT.lock * 1000, PROPAGATION_BOUND_MS)
  const reads = outage.filter((r) => r.method === 'GET')
  const cachedReads = reads.filter(wasCached)
  const served = cachedReads.filter((r) => r.status === 200)
  // what the propagation margin leaves out, and how those reads were answered
  const withoutMargin = classify(run.log, AT.lock * 1000, 0).wasCached
  const marginOnly = reads.filter((r) => withoutMargin(r) && !wasCached(r))
  progress(`reads left out by the ${PROPAGATION_BOUND_MS} ms margin alone: ${marginOnly.length} (${marginOnly.filter((r) => r.status === 200).length} answered 200)`)
  const brief = (r?: RequestRecord) => r === undefined ? 'none' : `${r.method} ${r.path.slice(0, 60)} at ${r.at.toFixed(0)}–${r.doneAt.toFixed(0)} ms, ${r.status} ${r.cache ?? ''}`
  for (const read of cachedReads.filter((r) => r.status !== 200).slice(0, 5)) {
    const { before, lastWrite } = explain(read)
    progress(`cached key not answered: ${brief(read)}; read before: ${brief(before)}; last related write: ${brief(lastWrite)}`)
  }
  const stale = served.filter((r) => r.cache === 'STALE')
  const writes = outage.filter((r) => r.method !== 'GET')
  const status = (list: RequestRecord[]) => {
    const counts = new Map<number, number>()
    for (const r of list) counts.set(r.status, (counts.get(r.status) ?? 0) + 1)
    return [...counts].sort(([a], [b]) => a - b).map(([code, n]) => `${n.toLocaleString('en-US')} × ${code}`).join(', ')
  }

  const rows = PHASES.map(([name, from, to]) => {
    const phase = phaseLatency(run, from * 1000, to * 1000)
    return [name, `${from}–${to} s`, phase.requests.toLocaleString('en-US'), String(phase.failures), fmt(phase.p50, 2), fmt(phase.p99, 2), String(phase.stale)]
  })
  const outageRows = [
    ['reads of keys cached before (and not invalidated since)', cachedReads.length.toLocaleString('en-US'), status(cachedReads),
      `${pct(served.length / cachedReads.length)} answered (${stale.length.toLocaleString('en-US')} of them STALE)`],
    ['other reads (never cached, or invalidated)', (reads.length - cachedReads.length).toLocaleString('en-US'), status(reads.filter((r) => !wasCached(r))), ''],
    ['writes', writes.length.toLocaleString('en-US'), status(writes), '']
  ]
  const after = phaseLatency(run, (AT.release + 5) * 1000, AT.end * 1000)
  const recovery = phaseLatency(run, AT.release * 1000, (AT.release + 5) * 1000)
  const failedAfter = run.log.filter((r) => r.at >= (AT.release + 1.5) * 1000 && r.status >= 500).length
  const goals = [
    ['every read whose key was cached before the outage answered', `${served.length.toLocaleString('en-US')} of ${cachedReads.length.toLocaleString('en-US')}`,
      verdict(served.length === cachedReads.length)],
    [`0 stale reads beyond ${PROPAGATION_BOUND_MS} ms (no invalidated entry served), all phases`, `${run.freshness.stale} (raw ${run.freshness.staleRaw}) of ${run.freshness.checked.toLocaleString('en-US')}`,
      verdict(run.freshness.stale === 0)],
    ['p99 while the database is unavailable', `${fmt(phaseLatency(run, AT.lock * 1000, AT.release * 1000).p99, 1)} ms`, ''],
    ['5xx answers from 1.5 s after the database is back (it is probed every second)', String(failedAfter), verdict(failedAfter === 0)],
    ['Redis errors and timeouts meanwhile (a read of Redis that fails is a miss)', String(errors), ''],
    ['p99 in the 5 s after / later', `${fmt(recovery.p99, 1)} ms / ${fmt(after.p99, 1)} ms`, '']
  ]
  return [
    table(`Database outage: ${RATE} requests/s (open loop) over two cached instances, the workload's mix on ${FORMS.toLocaleString('en-US')} forms, the SQLite file locked from ${AT.lock} s to ${AT.release} s`,
      ['phase', 'window', 'requests', 'not 200/201', 'p50 ms', 'p99 ms', `stale reads (> ${PROPAGATION_BOUND_MS} ms)`], rows),
    table('Database outage: the requests sent while it lasted', ['requests', 'count', 'answers', ''], outageRows),
    table('Database outage targets', ['target', 'measured', ''], goals)
  ].join('\n')
}

runIfMain(import.meta, dbOutage)

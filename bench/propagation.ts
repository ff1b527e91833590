// Cross-instance invalidation on loopback (issue 3): instance A invalidates a
// tag; how long until instance B's L1 stops serving the entry? Two cache
// services in this process, each with its own Redis connections, as two
// service instances have.
import { benchCache } from './cache-instance.js'
import { fmt, percentile, progress, runIfMain, sleep, startRedis, table, verdict } from './lib.js'

const TRIALS = 500
const KIND = 'api_response'

export async function propagation (): Promise<string> {
  const redis = await startRedis()
  const a = await benchCache(redis)
  const b = await benchCache(redis)
  // registered after B's cache registered its own: when this runs, B has applied the message
  // (the trial's invalidation, not a heartbeat, which goes on the same channel)
  let applied: ((message: { tags?: string[] }) => void) | undefined
  b.subscriber.on('message', (_channel: string, raw: string) => applied?.(JSON.parse(raw) as { tags?: string[] }))

  const propagated: number[] = []
  const invalidateCall: number[] = []
  let servedStale = 0
  progress(`propagation: ${TRIALS} trials`)
  for (let trial = 0; trial < TRIALS; trial++) {
    const key = `propagation-${trial}`
    const tags = [`form:propagation-${trial}`]
    await b.cache.set(KIND, key, { trial }, { tags })
    if ((await b.cache.lookup(KIND, key, tags)).hit?.tier !== 'l1') throw new Error('B should hold the entry in L1')
    const seen = new Promise<number>((resolve) => {
      applied = (message) => { if (message.tags?.includes(tags[0]!) === true) resolve(performance.now()) }
    })
    const started = performance.now()
    await a.cache.invalidateTags(tags)
    invalidateCall.push(performance.now() - started)
    propagated.push(await seen - started)
    if ((await b.cache.lookup(KIND, key, tags)).hit?.tier === 'l1') servedStale++
    await sleep(2)
  }
  const p99 = percentile(propagated, 99)
  return [
    table(`Invalidation propagation A → B over Redis pub/sub on loopback (${TRIALS} trials)`, ['measure', 'p50 ms', 'p99 ms', 'max ms'], [
      ['A: invalidateTags call (new version + publish)', fmt(percentile(invalidateCall, 50), 3), fmt(percentile(invalidateCall, 99), 3), fmt(Math.max(...invalidateCall), 3)],
      ['A calls → B has dropped the entry from L1', fmt(percentile(propagated, 50), 3), fmt(p99, 3), fmt(Math.max(...propagated), 3)]
    ]),
    table('Propagation targets', ['target', 'measured', ''], [
      ['propagation p99 < 100 ms', `${fmt(p99, 2)} ms`, verdict(p99 < 100)],
      ['B served the entry from L1 after the message', String(servedStale), verdict(servedStale === 0)]
    ])
  ].join('\n')
}

runIfMain(import.meta, propagation)

import t, { type Test } from 'tap'
import { uniquePrefix, cleanUp } from './support/app.js'
import { cacheInstance } from './support/cache.js'
import { sleep } from './support/wait.js'

// Fail-safe, timeouts and eager refresh of the cache's read-through (getOrSet).

const databaseDown = () => Object.assign(new Error('SQLITE_BUSY_RECOVERY: database is locked'), { code: 'SQLITE_BUSY_RECOVERY' })

async function pair (t: Test, env: Record<string, string>) {
  const prefix = uniquePrefix()
  cleanUp(t, prefix)
  return [await cacheInstance(t, { prefix, env }), await cacheInstance(t, { prefix, env })] as const
}

t.test('a failing loader is answered from the grace entry; the failed load is retried with backoff, once across instances', async (t) => {
  const [a, b] = await pair(t, { CACHE_TTL_FORM_SCHEMA: '1' })
  let up = true
  let calls = 0
  const loader = async () => {
    calls++
    if (!up) throw databaseDown()
    return { title: 'v1' }
  }
  await a.cache.getOrSet('form_schema', 'f1', loader, { tags: ['form:f1'] })
  await b.cache.getOrSet('form_schema', 'f1', loader, { tags: ['form:f1'] })
  t.equal(calls, 1)
  await sleep(1100)
  up = false
  for (let i = 0; i < 20; i++) {
    t.same(await (i % 2 === 0 ? a : b).cache.getOrSet('form_schema', 'f1', loader, { tags: ['form:f1'] }), { title: 'v1' })
  }
  t.equal(calls, 2, 'one failed attempt for 20 reads on two instances (then a backoff of a second)')
  t.ok(a.cache.counters.kinds.form_schema.stale + b.cache.counters.kinds.form_schema.stale >= 20, 'each counted as a stale answer')
  await sleep(1100)
  up = true
  t.same(await a.cache.getOrSet('form_schema', 'f1', loader, { tags: ['form:f1'] }), { title: 'v1' })
  t.equal(calls, 3, 'after the backoff, one new attempt')
})

t.test('a loader past the soft timeout: the grace entry answers, and the load goes on to refresh the entry', async (t) => {
  const [a] = await pair(t, { CACHE_TTL_FORM_SCHEMA: '1', CACHE_SOFT_TIMEOUT_MS: '100' })
  let version = 1
  const slow = async () => {
    await sleep(400)
    return { version: version++ }
  }
  t.same(await a.cache.getOrSet('form_schema', 'f1', async () => ({ version: version++ })), { version: 1 })
  await sleep(1100)
  const started = performance.now()
  t.same(await a.cache.getOrSet('form_schema', 'f1', slow), { version: 1 }, 'the grace entry')
  t.ok(performance.now() - started < 350, 'answered at the soft timeout, not when the load ended')
  await sleep(500)
  t.same(await a.cache.getOrSet('form_schema', 'f1', slow), { version: 2 }, 'the load that went on refreshed it')
  t.equal(a.cache.counters.kinds.form_schema.refreshes, 1)
})

t.test('a loader past the hard timeout without a grace entry fails with a 503, never a hang', async (t) => {
  const [a] = await pair(t, { CACHE_SOFT_TIMEOUT_MS: '50', CACHE_HARD_TIMEOUT_MS: '300' })
  const started = performance.now()
  await t.rejects(a.cache.getOrSet('form_schema', 'never', () => sleep(5000).then(() => ({}))), { statusCode: 503, code: 'DATABASE_UNAVAILABLE' })
  t.ok(performance.now() - started < 1000, 'within the hard timeout')
  t.equal(a.cache.counters.kinds.form_schema.timeouts, 1)
})

t.test('a 4xx answer of the loader is not a failure: it is passed on, never masked by a grace entry', async (t) => {
  const [a] = await pair(t, { CACHE_TTL_FORM_SCHEMA: '1' })
  await a.cache.getOrSet('form_schema', 'gone', async () => ({ title: 'here' }))
  await sleep(1100)
  const notFound = Object.assign(new Error('Form not found'), { statusCode: 404 })
  await t.rejects(a.cache.getOrSet('form_schema', 'gone', async () => { throw notFound }), notFound)
})

t.test('eager refresh: a hot key is refreshed before its TTL ends, so it never misses', async (t) => {
  const [a, b] = await pair(t, { CACHE_TTL_QUERY_RESULT: '2', CACHE_EAGER_REFRESH: '0.5' })
  let loads = 0
  const loader = async () => ({ load: ++loads })
  const until = Date.now() + 4500
  while (Date.now() < until) {
    await Promise.all([a, b].map((instance) => instance.cache.getOrSet('query_result', 'hot', loader, { tags: ['forms'] })))
    await sleep(50)
  }
  const misses = a.cache.counters.kinds.query_result.misses + b.cache.counters.kinds.query_result.misses
  t.ok(misses <= 2, `${misses} misses in 4.5 s of reads of a 2 s entry`)
  t.ok(loads >= 3, `${loads} loads: refreshed in the background`)
  t.ok(loads <= 10, `${loads} loads for 180 reads: refreshed about once per half TTL, not per read`)
})

import t from 'tap'
import { loadConfig } from '../services/infra/config.js'
import { createCacheService } from '../services/cache/cache-service.js'
import { silent } from './support/cache.js'

/** The cache with no Redis at all: the in-process tier alone (pure logic). */
function memoryCache (env: Record<string, string> = {}) {
  const config = loadConfig(env)
  return createCacheService({ settings: { ...config.cache, keyPrefix: 'mem:' }, logger: silent })
}

t.test('without Redis the in-process tier serves alone, one loader call per key', async (t) => {
  const cache = memoryCache()
  t.teardown(() => cache.close())
  let calls = 0
  const loader = async () => { calls++; await new Promise((resolve) => setTimeout(resolve, 20)); return { n: 1 } }
  const values = await Promise.all(Array.from({ length: 100 }, () => cache.getOrSet('query_result', 'q', loader)))
  t.equal(calls, 1, 'single-flight')
  t.ok(values.every((v) => v.n === 1))
  t.same(cache.counters.kinds.query_result, { hits: { l1: 99, l2: 0 }, misses: 1, writes: 1, l2_evictions: 0, loads: 1, oversized: 0, stale: 0, failures: 0, timeouts: 0, refreshes: 0 }, 'the 99 followers were served without loading')
  await cache.getOrSet('query_result', 'q', loader)
  t.equal(cache.counters.kinds.query_result.hits.l1, 100)
  const health = await cache.health()
  t.match(health, { status: 'degraded', backend: 'memory' }, 'the fallback tier alone is a degraded cache')
})

t.test('without Redis, a value computed before an invalidation is not kept', async (t) => {
  const cache = memoryCache()
  t.teardown(() => cache.close())
  let release!: () => void
  const slow = cache.getOrSet('form_schema', 'f1', async () => {
    await new Promise<void>((resolve) => { release = resolve })
    return { title: 'old' }
  }, { tags: ['form:f1'] })
  await new Promise((resolve) => setImmediate(resolve))
  await cache.invalidateTags(['form:f1'])
  release()
  t.same(await slow, { title: 'old' })
  t.same(await cache.getOrSet('form_schema', 'f1', async () => ({ title: 'new' }), { tags: ['form:f1'] }), { title: 'new' })
})

t.test('invalidation counts come from the in-process tier when there is no Redis', async (t) => {
  const cache = memoryCache()
  t.teardown(() => cache.close())
  await cache.getOrSet('form_schema', 'f1', async () => ({ a: 1 }), { tags: ['form:f1'] })
  await cache.getOrSet('api_response', 'r', async () => ({ a: 1 }), { tags: ['form:f1'] })
  await cache.getOrSet('query_result', 'q', async () => ({ a: 1 }), { tags: ['forms'] })
  t.match(await cache.invalidateTags(['form:f1']), { counts: { form_schema: 1, api_response: 1, query_result: 0 }, delivered: true })
  t.equal(await cache.invalidatePattern('query:result:*'), 1)
  t.equal((await cache.stats()).total_keys, 0)
})

t.test('CACHE_ENABLED=false: every read goes to the loader', async (t) => {
  const cache = memoryCache({ CACHE_ENABLED: 'false' })
  t.teardown(() => cache.close())
  let calls = 0
  for (let i = 0; i < 3; i++) await cache.getOrSet('form_schema', 'f', async () => ({ n: ++calls }))
  t.equal(calls, 3)
  t.equal((await cache.stats()).cache_enabled, false)
})

t.test('CACHE_L1_ENABLED=false and no Redis: nothing is cached, and health says so', async (t) => {
  const cache = memoryCache({ CACHE_L1_ENABLED: 'false' })
  t.teardown(() => cache.close())
  let calls = 0
  for (let i = 0; i < 2; i++) await cache.getOrSet('form_schema', 'f', async () => ({ n: ++calls }))
  t.equal(calls, 2)
  t.equal((await cache.health()).status, 'unhealthy')
})

t.test('a read that starts after an invalidation does not get a value loaded before it', async (t) => {
  const cache = memoryCache()
  t.teardown(() => cache.close())
  let release!: () => void
  let version = 'old'
  const leader = cache.getOrSet('form_schema', 'f1', async () => {
    const seen = version
    await new Promise<void>((resolve) => { release = resolve })
    return { title: seen }
  }, { tags: ['form:f1'] })
  await new Promise((resolve) => setImmediate(resolve))
  // the write: change, then invalidate (and answer)
  version = 'new'
  await cache.invalidateTags(['form:f1'])
  // a read after the write was answered, while the old load is still running
  const later = cache.getOrSet('form_schema', 'f1', async () => ({ title: version }), { tags: ['form:f1'] })
  release()
  t.same(await leader, { title: 'old' }, 'the read that was concurrent with the write may see the old state')
  t.same(await later, { title: 'new' }, 'the read that came after it sees the new one')
})

t.test('shared values: decoded once, the same frozen object for every reader', async (t) => {
  const cache = memoryCache()
  t.teardown(() => cache.close())
  let calls = 0
  const loader = async () => ({ id: 'u1', role: 'admin', nested: { n: ++calls } })
  await cache.getOrSet('user_session', 'u1', loader, { shared: true })
  const first = await cache.getOrSet('user_session', 'u1', loader, { shared: true })
  const second = await cache.getOrSet('user_session', 'u1', loader, { shared: true })
  t.equal(first, second, 'one object')
  t.same(first, { id: 'u1', role: 'admin', nested: { n: 1 } })
  t.ok(Object.isFrozen(first) && Object.isFrozen(first.nested), 'frozen all the way down')
  t.throws(() => { (first as { role: string }).role = 'viewer' }, TypeError, 'a reader cannot change it for the others')
  t.equal(calls, 1)
  const copy = await cache.getOrSet('user_session', 'u1', loader)
  t.not(copy, first, 'a reader that does not ask for the shared value gets its own copy')
})

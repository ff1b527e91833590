import t, { type Test } from 'tap'
import { Redis } from 'ioredis'
import { createCircuitBreaker } from '../services/cache/breaker.js'
import { createKeyspace } from '../services/cache/keys.js'
import { createRedisTier, lockValue } from '../services/cache/redis-tier.js'
import { encodeEntry } from '../services/cache/codec.js'
import { uniquePrefix, cleanUp } from './support/app.js'
import { cacheInstance, heldLoad, inRedis } from './support/cache.js'
import { until } from './support/wait.js'

/** Two instances sharing one Redis and one key prefix, as two service processes would. */
async function pair (t: Test, options: Parameters<typeof cacheInstance>[1] = {}) {
  const prefix = uniquePrefix()
  cleanUp(t, prefix)
  const a = await cacheInstance(t, { ...options, prefix })
  const b = await cacheInstance(t, { ...options, prefix })
  return { a, b, prefix }
}

function counter<T> (value: T, delayMs = 0) {
  const loader = async () => {
    loader.calls++
    if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs))
    return value
  }
  loader.calls = 0
  return loader
}

t.test('read-through: loaded once, then L1 hits; another instance hits L2 and back-fills its own L1', async (t) => {
  const { a, b } = await pair(t)
  const loader = counter({ form_id: 'f1', fields: [{ name: 'age' }] })
  const first = await a.cache.getOrSet('form_schema', 'f1', loader, { tags: ['form:f1'] })
  t.same(first, { form_id: 'f1', fields: [{ name: 'age' }] })
  t.same(await a.cache.getOrSet('form_schema', 'f1', loader, { tags: ['form:f1'] }), first)
  t.equal(loader.calls, 1)
  t.same(a.cache.counters.kinds.form_schema.hits, { l1: 1, l2: 0 })
  t.equal(a.cache.counters.kinds.form_schema.misses, 1)

  const other = counter({ stale: true })
  t.same(await b.cache.getOrSet('form_schema', 'f1', other, { tags: ['form:f1'] }), first, 'B gets it from Redis')
  t.same(await b.cache.getOrSet('form_schema', 'f1', other, { tags: ['form:f1'] }), first)
  t.equal(other.calls, 0)
  t.same(b.cache.counters.kinds.form_schema.hits, { l1: 1, l2: 1 }, 'the second read came from L1')
})

t.test('an L1 hit needs no round trip: it is served with the command connection closed', async (t) => {
  const { a } = await pair(t)
  await a.cache.getOrSet('user_session', 'u1', async () => ({ role: 'admin' }), { tags: ['user:u1'] })
  a.commands.disconnect()
  await until(() => a.commands.status === 'end', 2000, 'disconnect')
  const loader = counter({ role: 'viewer' })
  t.same(await a.cache.getOrSet('user_session', 'u1', loader, { tags: ['user:u1'] }), { role: 'admin' })
  t.equal(loader.calls, 0)
  t.equal(a.cache.counters.kinds.user_session.hits.l1, 1)
})

t.test('every caller gets its own copy; null and undefined are returned but never cached', async (t) => {
  const { a } = await pair(t)
  const copy = await a.cache.getOrSet('query_result', 'q', async () => ({ items: [1, 2] }))
  copy.items.push(3)
  t.same(await a.cache.getOrSet('query_result', 'q', async () => ({ items: [] })), { items: [1, 2] }, 'mutating a result does not change the cache')
  const missing = counter(null)
  t.equal(await a.cache.getOrSet('user_session', 'nobody', missing), null)
  t.equal(await a.cache.getOrSet('user_session', 'nobody', missing), null)
  t.equal(missing.calls, 2)
})

t.test('entries expire with their kind\'s TTL', async (t) => {
  const { a } = await pair(t, { env: { CACHE_TTL_DASHBOARD_WIDGET: '1', CACHE_GRACE_SECONDS: '0' } })
  const loader = counter({ widget: 1 })
  await a.cache.getOrSet('dashboard_widget', 'w', loader)
  await a.cache.getOrSet('dashboard_widget', 'w', loader)
  t.equal(loader.calls, 1)
  await new Promise((resolve) => setTimeout(resolve, 1100))
  await a.cache.getOrSet('dashboard_widget', 'w', loader)
  t.equal(loader.calls, 2, 'reloaded after the TTL')
  t.ok(await a.commands.pttl((await a.cache.nameOf('dashboard_widget', 'w'))!) <= 1000, 'Redis expires it too')
})

t.test('with a grace period, Redis keeps an entry past its TTL (for fail-safe), but it is reloaded after the TTL', async (t) => {
  const { a } = await pair(t, { env: { CACHE_TTL_DASHBOARD_WIDGET: '1', CACHE_GRACE_SECONDS: '60' } })
  const loader = counter({ widget: 1 })
  await a.cache.getOrSet('dashboard_widget', 'w', loader)
  await until(() => inRedis(a, 'dashboard_widget', 'w'), 2000, 'stored')
  const key = (await a.cache.nameOf('dashboard_widget', 'w'))!
  const kept = await a.commands.pttl(key)
  t.ok(kept > 1000 && kept <= 61_000, `kept for the TTL and the grace period (${kept} ms)`)
  await new Promise((resolve) => setTimeout(resolve, 1100))
  await a.cache.getOrSet('dashboard_widget', 'w', loader)
  t.equal(loader.calls, 2, 'past its TTL it is loaded again')
})

t.test('past its TTL, an entry kept for grace is reloaded once across instances: the lock is taken beside it, and it stays there meanwhile', async (t) => {
  const { a, b } = await pair(t, { env: { CACHE_TTL_DASHBOARD_WIDGET: '1', CACHE_GRACE_SECONDS: '60' } })
  await a.cache.getOrSet('dashboard_widget', 'w', async () => ({ v: 1 }))
  await until(() => inRedis(a, 'dashboard_widget', 'w'), 2000, 'stored')
  await new Promise((resolve) => setTimeout(resolve, 1100))
  const name = (await a.cache.nameOf('dashboard_widget', 'w'))!
  const loader = counter({ v: 2 }, 150)
  const reads = Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? a : b).cache.getOrSet('dashboard_widget', 'w', loader))
  await until(async () => await a.commands.exists(a.cache.keys.lockOf(name)) === 1, 1000, 'the lock beside the entry')
  t.equal(await a.commands.exists(name), 1, 'the entry stays while it reloads (a grace entry for the others)')
  t.same(await Promise.all(reads), Array.from({ length: 20 }, () => ({ v: 2 })))
  t.equal(loader.calls, 1, 'one load for 20 readers on two instances')
  await until(async () => await a.commands.exists(a.cache.keys.lockOf(name)) === 0, 2000, 'the store ends the lock')
})

t.test('max entries hold in both tiers; what is pushed out counts as an eviction', async (t) => {
  const { a, b } = await pair(t, { env: { CACHE_MAX_ENTRIES_FORM_SCHEMA: '3' } })
  for (let i = 0; i < 5; i++) await a.cache.getOrSet('form_schema', `f${i}`, async () => ({ i }))
  await until(async () => await a.commands.zcard(a.cache.keys.bucket('form_schema', 0)) === 3, 2000, 'Redis index trimmed')
  const stats = await a.cache.stats()
  t.equal(stats.kinds.form_schema.entries_l1, 3, 'L1 holds 3')
  t.equal(stats.kinds.form_schema.entries_l2, 3, 'Redis holds 3')
  t.equal(stats.kinds.form_schema.evictions_l1, 2)
  t.equal(stats.kinds.form_schema.evictions_l2, 2)
  t.equal(stats.evictions, 4)
  const oldest = counter({ reloaded: true })
  t.same(await b.cache.getOrSet('form_schema', 'f0', oldest), { reloaded: true }, 'the oldest entry is gone from Redis')
  t.equal(await b.cache.getOrSet('form_schema', 'f4', counter({ i: -1 })).then((v) => (v as { i: number }).i), 4, 'the newest is there')
})

t.test('large values are stored deflated in Redis and read back transparently', async (t) => {
  const { a, b } = await pair(t, { env: { CACHE_COMPRESS_THRESHOLD: '1024' } })
  const big = { text: 'lorem ipsum dolor sit amet '.repeat(800) }
  const small = { text: 'short' }
  await a.cache.getOrSet('query_result', 'big', async () => big)
  await a.cache.getOrSet('query_result', 'small', async () => small)
  await until(() => inRedis(a, 'query_result', 'big'), 2000, 'stored')
  const raw = (await a.commands.getBuffer((await a.cache.nameOf('query_result', 'big'))!))!
  t.equal(raw[0], 1, 'flagged as deflated')
  t.ok(raw.length < JSON.stringify(big).length / 10, `stored in ${raw.length} bytes instead of ${JSON.stringify(big).length}`)
  t.equal((await a.commands.getBuffer((await a.cache.nameOf('query_result', 'small'))!))![0], 0, 'small values are not compressed')
  t.same(await b.cache.getOrSet('query_result', 'big', counter(null)), big)
})

t.test('by default a value is stored deflated in Redis only above 4 KB (CACHE_COMPRESS_THRESHOLD 4096)', async (t) => {
  const prefix = uniquePrefix()
  cleanUp(t, prefix)
  const a = await cacheInstance(t, { prefix })
  // [JSON bytes, the entry's deflated flag]
  const cases = [[3 * 1024, 0], [4096, 0], [5 * 1024, 1]] as const
  for (const [bytes] of cases) {
    const value = { text: 'x'.repeat(bytes - '{"text":""}'.length) }
    t.equal(JSON.stringify(value).length, bytes, `${bytes} bytes of JSON`)
    await a.cache.getOrSet('query_result', `v${bytes}`, async () => value)
  }
  for (const [bytes, flag] of cases) {
    await until(() => inRedis(a, 'query_result', `v${bytes}`), 2000, `${bytes} bytes stored`)
    t.equal((await a.commands.getBuffer((await a.cache.nameOf('query_result', `v${bytes}`))!))![0], flag, `${bytes} bytes: ${flag === 1 ? 'deflated' : 'stored plain'}`)
  }
})

t.test('no stale write-back: a value computed before an invalidation is never served', async (t) => {
  for (const where of ['the same instance', 'another instance']) {
    await t.test(`invalidated on ${where} while the loader runs`, async (t) => {
      const { a, b } = await pair(t)
      const invalidator = where === 'the same instance' ? a : b
      const slow = heldLoad(a.cache, 'form_schema', 'f1', ['form:f1'])
      await slow.started
      await invalidator.cache.invalidateTags(['form:f1'])
      slow.release()
      t.same(await slow.result, { title: 'old' }, 'the caller that started before the change gets its value')
      await new Promise((resolve) => setTimeout(resolve, 50))
      // The value is stored, if at all, under the tag's old version: where no read looks.
      t.notOk(await inRedis(a, 'form_schema', 'f1', ['form:f1']), 'nothing stored in Redis under the current versions')
      const fresh = { title: 'new' }
      t.same(await a.cache.getOrSet('form_schema', 'f1', async () => fresh, { tags: ['form:f1'] }), fresh, 'not served on this instance')
      t.same(await b.cache.getOrSet('form_schema', 'f1', async () => fresh, { tags: ['form:f1'] }), fresh, 'nor on the other')
    })
  }
})

t.test('tag versions never repeat: a lost version key makes its entries stale, never valid again', async (t) => {
  const { a, b } = await pair(t)
  await a.cache.getOrSet('form_schema', 'f1', async () => ({ v: 1 }), { tags: ['form:f1'] })
  const versionKey = a.cache.keys.tagVersion('form:f1')
  const before = await a.commands.get(versionKey)
  t.ok(before, 'a version exists')
  // as if Redis evicted it (allkeys-lru) or restarted without it
  await a.commands.del(versionKey)
  const loader = counter({ v: 2 })
  t.same(await b.cache.getOrSet('form_schema', 'f1', loader, { tags: ['form:f1'] }), { v: 2 }, 'the orphaned entry is not served')
  t.equal(loader.calls, 1)
  await until(async () => await a.commands.get(versionKey) !== null, 2000, 'a version again')
  t.not(await a.commands.get(versionKey), before, 'a fresh version, not a reused one')
})

t.test('stampede: 100 concurrent misses per key on two instances call each loader once', async (t) => {
  const { a, b } = await pair(t)
  const keys = ['k1', 'k2', 'k3']
  const loaders = Object.fromEntries(keys.map((key) => [key, counter({ key }, 50)]))
  const calls = keys.flatMap((key) => Array.from({ length: 100 }, (_, i) =>
    (i % 2 === 0 ? a : b).cache.getOrSet('query_result', key, loaders[key]!, { tags: ['forms'] })))
  const values = await Promise.all(calls)
  for (const key of keys) t.equal(loaders[key]!.calls, 1, `one loader call for ${key}`)
  t.ok(values.every((value, i) => (value as { key: string }).key === keys[Math.floor(i / 100)]), 'every waiter got the loader\'s value')
})

t.test('a crashed lock holder blocks the others no longer than the lock TTL', async (t) => {
  const { a } = await pair(t, { settings: { lockTtlMs: 400 } })
  await a.cache.getOrSet('query_result', 'other', async () => ({})) // the kind's version exists: the entry's name is known
  const lockKey = (await a.cache.nameOf('query_result', 'q'))!
  await a.commands.set(lockKey, lockValue('a-process-that-died'), 'PX', 400)
  const started = Date.now()
  const loader = counter({ ok: true })
  t.same(await a.cache.getOrSet('query_result', 'q', loader), { ok: true })
  const waited = Date.now() - started
  t.equal(loader.calls, 1)
  t.ok(waited >= 300, `it waited for the lock (${waited} ms)`)
  t.ok(waited < 400 + 1000, `but not much past its TTL (${waited} ms)`)
})

t.test('a read is one command: it takes the lock only where there is nothing; locks are released and extended only by their owner', async (t) => {
  const prefix = uniquePrefix()
  cleanUp(t, prefix)
  const client = new Redis({ maxRetriesPerRequest: 0 })
  t.teardown(() => client.disconnect())
  const breaker = createCircuitBreaker({ failureThreshold: 3, cooldownMs: 50, maxCooldownMs: 100, probe: async () => {} })
  t.teardown(() => breaker.stop())
  const keys = createKeyspace(prefix)
  const tier = createRedisTier({ client, keys, breaker, versionTtlMs: 60_000, onError: () => {} })
  const name = keys.stored(keys.entry('form_schema', 'x'), 'v1 v2')
  t.not(name, keys.stored(keys.entry('form_schema', 'x'), 'v1 v3'), 'other versions, another name')
  const [owner, other] = [lockValue('owner'), lockValue('other')]
  t.same(await tier.read(name), { bytes: null, status: 'absent' })
  t.equal(await client.exists(name), 0, 'a read without a lock creates nothing')
  t.same(await tier.read(name, owner, 5000), { bytes: null, status: 'locked' })
  t.equal(await client.get(name), owner, 'the name holds the lock: who loads')
  t.match(await tier.read(name, other, 5000), { status: 'held' }, 'held for the others')
  t.match(await tier.read(name), { status: 'held' })
  t.equal(await tier.extendLock(name, other, 60_000), 0, 'a stranger cannot extend it')
  t.ok(await client.pttl(name) <= 5000)
  t.equal(await tier.releaseLock(name, other), 0, 'nor release it')
  t.equal(await tier.backOff(name, other, 1000), 0, 'nor turn it into a backoff')
  t.equal(await tier.extendLock(name, owner, 60_000), 1)
  t.ok(await client.pttl(name) > 5000, 'the owner extends it')
  t.equal(await tier.backOff(name, owner, 1000), 1)
  t.match(await tier.read(name, other, 5000), { status: 'backoff' }, 'after a failed load: backing off')
  t.ok(await client.pttl(name) <= 1000)
  await client.del(name)
  t.match(await tier.read(name, owner, 5000), { status: 'locked' })
  t.equal(await tier.releaseLock(name, owner), 1)
  t.equal(await client.exists(name), 0, 'the owner releases it')

  const bytes = encodeEntry({ payload: Buffer.from('{}'), createdAt: Date.now(), ttlMs: 60_000, versions: 'v1 v2' }, 0)
  await client.set(name, bytes)
  t.same(await tier.read(name, other, 5000), { bytes, status: 'entry' }, 'an entry: returned, and no lock')
  t.same(await client.getBuffer(name), bytes, 'the entry is untouched')
  const beside = keys.lockOf(name)
  t.match(await tier.read(beside, owner, 5000), { status: 'locked' }, 'the lock beside an entry (one past its TTL, or one being refreshed)')
  t.equal(await tier.tryLock(beside, other, 5000), false)
  t.equal(await tier.releaseLock(beside, owner), 1)
  t.equal(await tier.tryLock(beside, other, 5000), true)
})

t.test('invalidateTags drops the tagged entries in both tiers, on every instance, with counts per kind', async (t) => {
  const { a, b } = await pair(t)
  await a.cache.getOrSet('form_schema', 'f1', async () => ({ s: 1 }), { tags: ['form:f1'] })
  await a.cache.getOrSet('api_response', 'r1', async () => ({ r: 1 }), { tags: ['form:f1', 'forms'] })
  await a.cache.getOrSet('query_result', 'list', async () => ({ l: 1 }), { tags: ['forms'] })
  for (const [kind, key, tags] of [['form_schema', 'f1', ['form:f1']], ['api_response', 'r1', ['form:f1', 'forms']], ['query_result', 'list', ['forms']]] as const) {
    await b.cache.getOrSet(kind, key, async () => null, { tags })
  }
  t.equal(b.cache.counters.kinds.form_schema.hits.l2, 1, 'B holds them in L1 now')

  const { counts, delivered } = await a.cache.invalidateTags(['form:f1'])
  t.ok(delivered, 'Redis took it')
  t.same(counts, { form_schema: 1, user_session: 0, query_result: 0, dashboard_widget: 0, api_response: 1 })

  await until(async () => (await b.cache.lookup('form_schema', 'f1', ['form:f1'])).hit === undefined, 2000, 'B drops f1')
  t.equal((await b.cache.lookup('api_response', 'r1', ['form:f1', 'forms'])).hit, undefined)
  t.equal((await b.cache.lookup('query_result', 'list', ['forms'])).hit?.tier, 'l1', 'untagged entries stay')
  t.same((await a.cache.invalidateTags(['form:f1'])).counts, { form_schema: 0, user_session: 0, query_result: 0, dashboard_widget: 0, api_response: 0 }, 'nothing left to drop')
})

t.test('pattern invalidation and clear all touch only keys under the prefix', async (t) => {
  const { a, b, prefix } = await pair(t)
  const outside = `{outside-${prefix.slice(1, -2)}}:form:schema:1`
  t.teardown(() => a.commands.del(outside))
  await a.commands.set(outside, 'not ours')
  for (const id of ['1', '2']) await a.cache.getOrSet('form_schema', id, async () => ({ id }))
  await a.cache.getOrSet('api_response', 'r', async () => ({ r: 1 }))
  await b.cache.getOrSet('form_schema', '1', async () => null)

  t.equal(await a.cache.invalidatePattern('form:schema:*'), 2)
  t.same((await a.commands.scan('0', 'MATCH', `${prefix}form:schema:*`, 'COUNT', 1000))[1], [], 'the entries are gone')
  t.ok(await inRedis(a, 'api_response', 'r'), 'other kinds stay')
  await until(async () => (await b.cache.lookup('form_schema', '1')).hit === undefined, 2000, 'B drops it from L1')

  await a.cache.invalidatePattern('*')
  t.equal(await a.commands.get(outside), 'not ours', 'a key outside the prefix is untouched by *')
  await a.cache.getOrSet('api_response', 'r', async () => ({ r: 2 }))
  t.ok(await a.cache.clearAll() > 0)
  const [, left] = await a.commands.scan('0', 'MATCH', `${prefix}*`, 'COUNT', 1000)
  t.same(left.sort(), [a.cache.keys.epochServer, a.cache.keys.epochVersion].sort(), 'nothing under the prefix but the (new) epoch')
  t.equal(await a.commands.get(outside), 'not ours', 'and clear all leaves the outside key')
})

t.test('an instance whose subscription was interrupted checks its L1 against Redis when it resubscribes: what moved meanwhile goes, the rest stays', async (t) => {
  const { a, b } = await pair(t)
  for (const id of ['f1', 'f2']) {
    await a.cache.getOrSet('form_schema', id, async () => ({ id }), { tags: [`form:${id}`] })
    await until(() => inRedis(a, 'form_schema', id, [`form:${id}`]), 2000, 'stored')
    await b.cache.getOrSet('form_schema', id, async () => null, { tags: [`form:${id}`] })
  }
  t.equal((await b.cache.stats()).kinds.form_schema.entries_l1, 2)
  // B stops listening; the invalidation of f1 is published while B cannot hear it
  await b.subscriber.unsubscribe(b.cache.keys.channel)
  await a.cache.invalidateTags(['form:f1'])
  const id = await b.subscriber.client('ID')
  const admin = new Redis({ maxRetriesPerRequest: 0 })
  t.teardown(() => admin.disconnect())
  await admin.client('KILL', 'ID', String(id))
  await until(async () => (await b.cache.health()).subscribed === false, 2000, 'subscription lost')
  await until(async () => (await b.cache.health()).link_healthy, 5000, 'resubscribed')
  await until(async () => (await b.cache.stats()).kinds.form_schema.entries_l1 === 1, 2000, 'f1 dropped')
  t.equal((await b.cache.lookup('form_schema', 'f2', ['form:f2'])).hit?.tier, 'l1', 'f2 is still served from L1')
  t.equal((await b.cache.lookup('form_schema', 'f1', ['form:f1'])).hit, undefined, 'f1, invalidated while B was away, is not served')
})

t.test('stats and health', async (t) => {
  const { a } = await pair(t)
  await a.cache.getOrSet('form_schema', 'f1', async () => ({ v: 1 }))
  await a.cache.getOrSet('form_schema', 'f1', async () => ({ v: 1 }))
  await a.cache.get('user_session', 'none')
  await until(async () => (await a.cache.stats()).total_keys === 1, 2000, 'stored in Redis')
  const stats = await a.cache.stats()
  t.match(stats, {
    backend: 'redis', connected: true, hits: 1, misses: 2, hit_ratio: 0.3333, writes: 1, errors: 0, cache_enabled: true, total_keys: 1
  })
  t.ok(stats.memory_used > 0)
  t.match(stats.memory_human, /^[\d.]+[BKMG]$/)
  t.match(stats.tiers, { l1: { hits: 1, entries: 1 }, l2: { entries: 1 } })
  t.match(stats.kinds.form_schema, { hits: 1, hits_l1: 1, misses: 1, writes: 1, ttl: 3600, max_entries: 1000 })
  const health = await a.cache.health()
  t.match(health, { status: 'healthy', backend: 'redis', connected: true, breaker: 'closed', subscribed: true })
  t.ok(typeof health.ping_ms === 'number' && health.ping_ms >= 0)
})

t.test('a value built on a cached value is never stored as current while its message is still on the way', async (t) => {
  const { a, b } = await pair(t, { settings: { silenceMs: 300, degradedL1TtlMs: 100 } })
  const form = { title: 'v1' }
  const loadForm = (instance: typeof a) => instance.cache.getOrSet('form_schema', 'f', async () => ({ ...form }), { tags: ['form:1'] })
  // the response is built from the (cached) form, as the schema route is
  const loadResponse = (instance: typeof a) => instance.cache.getOrSet('api_response', 'r',
    async () => ({ built_from: (await loadForm(instance)).title }), { tags: ['form:1'] })
  t.same(await loadForm(b), { title: 'v1' }, 'B holds the form in L1')

  // B stops hearing invalidations (as if its message were delayed), without noticing at first
  b.subscriber.stream.pause()
  t.teardown(() => b.subscriber.stream.resume())
  form.title = 'v2'
  await a.cache.invalidateTags(['form:1'])

  t.same(await loadResponse(a), { built_from: 'v2' }, 'the writer sees the write at once')
  // until B finds its link silent, it may answer from what it had: but never store that as current
  await loadResponse(b)
  await until(async () => !(await b.cache.health()).link_healthy, 2000, 'B notices the silence')
  await new Promise((resolve) => setTimeout(resolve, 150))
  t.same(await loadResponse(b), { built_from: 'v2' }, 'then B reads the new state, the nested value included')
  await a.cache.lookup('api_response', 'r', ['form:1'], { count: false }).then(({ hit }) => {
    if (hit !== undefined) t.same(JSON.parse(hit.payload.toString()), { built_from: 'v2' }, 'and nothing older is stored for the others')
  })
  t.same(await loadResponse(a), { built_from: 'v2' }, 'nothing stale was stored for the others')
})

/** A and B each open a first load of one new tag (k1, k2); A's is stored; a reader without L1 sees Redis only. */
async function twoFirstLoads (t: Test) {
  const { a, b, prefix } = await pair(t)
  const reader = await cacheInstance(t, { prefix, settings: { l1Enabled: false } })
  const first = await a.cache.open('form_schema', 'k1', ['form:new'])
  const second = await b.cache.open('form_schema', 'k2', ['form:new'])
  await first.fill!.commit(Buffer.from('"a"'))
  return { b, reader, second: second.fill! }
}

t.test('two first loads of one new tag on two instances: both entries are readable from Redis', async (t) => {
  const { b, reader, second } = await twoFirstLoads(t)
  await second.commit(Buffer.from('"b"'))
  t.equal((await reader.cache.open('form_schema', 'k1', ['form:new'], { lead: false })).hit?.tier, 'l2', 'the first stored')
  t.equal((await reader.cache.open('form_schema', 'k2', ['form:new'], { lead: false })).hit?.tier, 'l2', 'the second stored, under the version the first created')
  t.equal((await b.cache.lookup('form_schema', 'k2', ['form:new'])).hit?.tier, 'l1', 'and its own instance still serves it from L1')
})

t.test('a first load of a new tag that is invalidated before the load is stored: the entry is never readable', async (t) => {
  const { b, reader, second } = await twoFirstLoads(t)
  // B has not heard of the write yet when it stores (its message is still on the way)
  b.subscriber.stream.pause()
  t.teardown(() => b.subscriber.stream.resume())
  await reader.cache.invalidateTags(['form:new'])
  await second.commit(Buffer.from('"b, read before the write"'))
  t.equal((await reader.cache.open('form_schema', 'k1', ['form:new'], { lead: false })).hit, undefined, 'the first is invalidated')
  t.equal((await reader.cache.open('form_schema', 'k2', ['form:new'], { lead: false })).hit, undefined, 'the second, computed before the write, is not served')
})

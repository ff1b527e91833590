import t, { type Test } from 'tap'
import calculateSlot from 'cluster-key-slot'
import { Redis } from 'ioredis'
import { kindTag } from '../services/cache/keys.js'
import { uniquePrefix, cleanUp } from './support/app.js'
import { cacheInstance, heldLoad, inRedis, ownRedis } from './support/cache.js'
import { until } from './support/wait.js'

// The edges of the cache engine: each case here once served stale data, grew
// without bound or stampeded, and must not any more.

type Instance = Awaited<ReturnType<typeof cacheInstance>>

async function pair (t: Test, options: Parameters<typeof cacheInstance>[1] = {}) {
  const prefix = options.prefix ?? uniquePrefix()
  cleanUp(t, prefix, options.port)
  const a = await cacheInstance(t, { ...options, prefix })
  const b = await cacheInstance(t, { ...options, prefix })
  return { a, b, prefix }
}

/** Two instances on a redis-server of the test's own, and a client of that server (to pause it, or count its commands). */
async function pairOnOwnRedis (t: Test, options: Parameters<typeof cacheInstance>[1] = {}) {
  const server = await ownRedis(t)
  const instances = await pair(t, { ...options, port: server.port })
  const admin = new Redis({ port: server.port, maxRetriesPerRequest: 0 })
  t.teardown(() => admin.disconnect())
  return { ...instances, admin }
}

function counter<T> (value: () => T, delayMs = 0) {
  const loader = async () => {
    loader.calls++
    if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs))
    return value()
  }
  loader.calls = 0
  return loader
}

const stop = (instance: Instance) => {
  instance.cache.close()
  instance.commands.disconnect()
  instance.subscriber.disconnect()
}

t.test('a subscription that stops delivering without closing is noticed: the demoted session is reloaded, and health says why', async (t) => {
  const { a, b } = await pair(t)
  const session = { role: 'admin' }
  const load = async () => ({ ...session })
  const tags = ['user:u1']
  for (const instance of [a, b]) await instance.cache.getOrSet('user_session', 'u1', load, { tags })
  // B's subscriber connection stays open but delivers nothing (an idle NAT drop, a one-way partition)
  b.subscriber.stream.pause()
  t.teardown(() => b.subscriber.stream.resume())
  session.role = 'viewer'
  await a.cache.invalidateTags(tags)
  await until(async () => (await b.cache.getOrSet('user_session', 'u1', load, { tags })).role === 'viewer', 5000, 'B reloads the session')
  const health = await b.cache.health()
  t.equal(health.status, 'degraded')
  t.match(health.reasons.join('; '), /nothing heard on the invalidation channel for \d/)
})

t.test('Redis restored from disk without the latest invalidation: a process started after it does not trust what it finds', async (t) => {
  const server = await ownRedis(t)
  const prefix = uniquePrefix()
  const source = { title: 'v1' }
  const load = async () => ({ ...source })
  const tags = ['form:f1']
  const a = await cacheInstance(t, { port: server.port, prefix })
  await a.cache.getOrSet('form_schema', 'f1', load, { tags })
  await until(() => inRedis(a, 'form_schema', 'f1', tags), 2000, 'stored')
  const stored = (await a.cache.nameOf('form_schema', 'f1', tags))!
  await a.commands.save() // the last snapshot on disk holds v1
  source.title = 'v2'
  t.match(await a.cache.invalidateTags(tags), { delivered: true }, 'the invalidation was acknowledged')
  // the host reboots: Redis comes back from its snapshot, every process starts afresh
  stop(a)
  await server.stop()
  await server.start()
  const fresh = await cacheInstance(t, { port: server.port, prefix })
  t.ok(await fresh.commands.exists(stored), 'the old entry came back from disk')
  t.same(await fresh.cache.getOrSet('form_schema', 'f1', load, { tags }), { title: 'v2' }, 'and is not served')
})

t.test('a connection blip with Redis unchanged costs nothing: no new epoch, the in-process entries stay', async (t) => {
  const { a } = await pair(t)
  const loader = counter(() => ({ v: 1 }))
  await a.cache.getOrSet('form_schema', 'f1', loader, { tags: ['form:f1'] })
  await until(() => inRedis(a, 'form_schema', 'f1', ['form:f1']), 2000, 'stored')
  const admin = new Redis({ maxRetriesPerRequest: 0 })
  t.teardown(() => admin.disconnect())
  await admin.client('KILL', 'ID', String(await a.commands.client('ID')))
  await until(async () => (await a.cache.health()).breaker !== 'closed', 2000, 'the drop is noticed')
  await until(async () => (await a.cache.health()).breaker === 'closed', 5000, 'back on Redis')
  await a.cache.getOrSet('form_schema', 'f1', loader, { tags: ['form:f1'] })
  t.equal(loader.calls, 1, 'the entry survived')
  t.equal((await a.cache.health()).epochs, 0, 'no new epoch')
})

t.test('pattern invalidation moves versions: a load that read the database before it never stores after it', async (t) => {
  const { a, b } = await pair(t)
  const slow = heldLoad(a.cache, 'form_schema', 'f1', ['form:f1'])
  await slow.started
  await b.cache.invalidatePattern('form:schema:*')
  slow.release()
  t.same(await slow.result, { title: 'old' })
  await new Promise((resolve) => setTimeout(resolve, 100))
  const fresh = async () => ({ title: 'new' })
  t.same(await a.cache.getOrSet('form_schema', 'f1', fresh, { tags: ['form:f1'] }), { title: 'new' }, 'not served on the instance that loaded it')
  t.same(await b.cache.getOrSet('form_schema', 'f1', fresh, { tags: ['form:f1'] }), { title: 'new' }, 'nor on the other')
})

t.test('a loader slower than twice the lock TTL still runs once for 40 callers on two instances', async (t) => {
  const { a, b } = await pair(t, { settings: { lockTtlMs: 200 } })
  const loader = counter(() => ({ ok: true }), 700)
  const values = await Promise.all(Array.from({ length: 40 }, (_, i) =>
    (i % 2 === 0 ? a : b).cache.getOrSet('query_result', 'slow', loader, { tags: ['forms'] })))
  t.equal(loader.calls, 1, 'the lock was extended while the loader ran; the waiters kept waiting')
  t.ok(values.every((value) => value.ok), 'every caller got the value')
})

t.test('first loads of a new tag wait for one loader across instances, even when a nested load creates the tag\'s version meanwhile', async (t) => {
  const { a, b } = await pair(t)
  const tags = ['form:new']
  let outer = 0
  // what the response cache does on a form's first read: the route's loader reads the form through the cache
  const load = (instance: typeof a) => instance.cache.getOrSet('api_response', 'form-new', async () => {
    outer++
    const form = await instance.cache.getOrSet('form_schema', 'new', async () => ({ id: 'new' }), { tags })
    await new Promise((resolve) => setTimeout(resolve, 150))
    return { form }
  }, { tags })
  const first = load(a)
  await new Promise((resolve) => setTimeout(resolve, 20))
  const values = await Promise.all([first, ...Array.from({ length: 10 }, (_, i) => load(i % 2 === 0 ? b : a))])
  t.equal(outer, 1, 'one loader call for 11 callers on two instances')
  t.ok(values.every((value) => value.form.id === 'new'), 'every caller got its value')
})

t.test('a read that found a new tag without a version, then the entry a first load stored under the version it created, serves that entry', async (t) => {
  const { a, b, admin } = await pairOnOwnRedis(t)
  const tags = ['form:fresh']
  const slow = heldLoad(a.cache, 'form_schema', 'fresh', tags)
  await slow.started
  // writes wait, reads go on: A's store (it creates the tag's version) is queued before B's read of the name,
  // while B has already read the tag's version (none yet)
  await admin.client('PAUSE', 300, 'WRITE')
  slow.release()
  await new Promise((resolve) => setTimeout(resolve, 50))
  const loader = counter(() => ({ title: 'loaded again' }))
  t.same(await b.cache.getOrSet('form_schema', 'fresh', loader, { tags }), { title: 'old' }, 'B serves what A stored')
  t.equal(loader.calls, 0, 'and loads nothing')
  await slow.result
})

t.test('a waiter does not serve what the lock holder computed before an invalidation the waiter has heard of', async (t) => {
  const { a, b, admin } = await pairOnOwnRedis(t)
  const tags = ['form:w']
  // every tag of the entry (its kind's too) has a version both instances know: both read one name
  await a.cache.invalidateTags([...tags, kindTag('form_schema')])
  await until(async () => (await b.cache.health()).link_healthy, 2000, 'B listens')
  // A hears no more invalidations (for a while it cannot tell: its link looks healthy for 2 s)
  await a.subscriber.unsubscribe(a.cache.keys.channel)
  const slow = heldLoad(a.cache, 'form_schema', 'w', tags)
  await slow.started
  const waiting = b.cache.getOrSet('form_schema', 'w', async () => ({ title: 'new' }), { tags })
  await new Promise((resolve) => setTimeout(resolve, 60))
  await b.cache.invalidateTags(tags)
  // writes wait, so that A's store lands before B's next look at the lock it waits on
  await admin.client('PAUSE', 150, 'WRITE')
  slow.release()
  t.same(await slow.result, { title: 'old' }, 'A\'s caller, which began before the write, gets its value')
  t.same(await waiting, { title: 'new' }, 'B, which heard of the write while it waited, does not')
})

for (const knownTags of [undefined, 100]) {
  t.test(`a value built on a cached value is not stored as current after the instance read ${knownTags === undefined ? '10,001' : '101 (over its bound)'} other tags`, async (t) => {
    const { a, b } = await pair(t, { settings: knownTags === undefined ? {} : { knownTags } })
    const others = (knownTags ?? 10_000) + 1
    const form = { title: 'v1' }
    const loadForm = (instance: Instance) => instance.cache.getOrSet('form_schema', 'f', async () => ({ ...form }), { tags: ['form:1'] })
    const loadResponse = (instance: Instance) => instance.cache.getOrSet('api_response', 'r',
      async () => ({ built_from: (await loadForm(instance)).title }), { tags: ['form:1'] })
    await loadForm(b)
    for (let i = 0; i < others; i += 500) {
      await Promise.all(Array.from({ length: Math.min(500, others - i) }, (_, j) => b.cache.lookup('query_result', `other-${i + j}`, [`other:${i + j}`], { count: false })))
    }
    // B's message is delayed (it does not notice yet); meanwhile A writes
    b.subscriber.stream.pause()
    t.teardown(() => b.subscriber.stream.resume())
    form.title = 'v2'
    await a.cache.invalidateTags(['form:1'])
    await loadResponse(b)
    await new Promise((resolve) => setTimeout(resolve, 100))
    t.same(await loadResponse(a), { built_from: 'v2' }, 'what B built from its old form is not served to anyone else')
  })
}

t.test('a hung Redis is noticed by an instance that only serves L1 hits: its entries stop being served', async (t) => {
  const server = await ownRedis(t)
  const { a, b } = await pair(t, { port: server.port, env: { CACHE_OP_TIMEOUT_MS: '100' }, settings: { degradedL1TtlMs: 300 } })
  const source = { title: 'v1' }
  const load = async () => ({ ...source })
  const tags = ['form:1']
  for (const instance of [a, b]) await instance.cache.getOrSet('form_schema', 'changing', load, { tags })
  await server.pause(4000)
  source.title = 'v2'
  t.match(await a.cache.invalidateTags(tags), { delivered: false }, 'the write cannot reach B through Redis')
  // B sends nothing of its own: only in-process hits
  await until(async () => (await b.cache.getOrSet('form_schema', 'changing', load, { tags })).title === 'v2', 3000, 'B stops serving its entry')
})

t.test('L1 holds CACHE_L1_MAX_BYTES across kinds; a value over CACHE_MAX_ENTRY_BYTES is served, not cached, and counted', async (t) => {
  const { a } = await pair(t, { env: { CACHE_L1_MAX_BYTES: String(1024 * 1024), CACHE_MAX_ENTRY_BYTES: String(400 * 1024) } })
  const text = 'x'.repeat(300 * 1024)
  for (let i = 0; i < 5; i++) await a.cache.getOrSet('form_schema', `f${i}`, async () => ({ text }))
  for (let i = 0; i < 5; i++) await a.cache.getOrSet('api_response', `r${i}`, async () => ({ text }))
  let stats = await a.cache.stats()
  t.ok(stats.tiers.l1.bytes <= 1024 * 1024, `L1 holds ${stats.tiers.l1.bytes} bytes`)
  t.ok(stats.kinds.form_schema.evictions_l1 + stats.kinds.api_response.evictions_l1 >= 7, 'what did not fit was evicted (counted)')
  t.equal(stats.kinds.api_response.entries_l1 + stats.kinds.form_schema.entries_l1, 3)

  const huge = { text: 'y'.repeat(500 * 1024) }
  const loader = counter(() => huge)
  t.same(await a.cache.getOrSet('query_result', 'huge', loader), huge, 'served')
  t.same(await a.cache.getOrSet('query_result', 'huge', loader), huge)
  t.equal(loader.calls, 2, 'not cached')
  await new Promise((resolve) => setTimeout(resolve, 50))
  t.notOk(await inRedis(a, 'query_result', 'huge'), 'not in Redis either')
  stats = await a.cache.stats()
  t.equal(stats.kinds.query_result.oversized, 2, 'and counted')
})

t.test('keys spread over the cluster slots: no hash tag is shared by all of them; an entry, its names and its lock share one', async (t) => {
  const { a } = await pair(t)
  const slots = new Set<number>()
  for (let i = 0; i < 300; i++) {
    const key = `f${i}`
    const name = a.cache.keys.stored(a.cache.keys.entry('form_schema', key), `v${i} w`)
    t.equal(calculateSlot(name), calculateSlot(a.cache.keys.entry('form_schema', key)))
    t.equal(calculateSlot(name), calculateSlot(a.cache.keys.lockOf(name)))
    slots.add(calculateSlot(name))
  }
  t.ok(slots.size > 250, `300 entries over ${slots.size} slots`)
  const versionSlots = new Set(Array.from({ length: 100 }, (_, i) => calculateSlot(a.cache.keys.tagVersion(`form:${i}`))))
  t.ok(versionSlots.size > 80, 'tag versions spread too')
})

// (the periodic epoch check is held off in the tests that count commands: it would be counted too)
const quietEpoch = { epochCheckMs: 600_000 }

t.test('invalidating a tag touches one key whatever it covers: nothing is enumerated or deleted', async (t) => {
  const server = await ownRedis(t)
  const { a } = await pair(t, { port: server.port, settings: quietEpoch })
  for (let i = 0; i < 2000; i += 200) {
    await Promise.all(Array.from({ length: 200 }, (_, j) => a.cache.set('query_result', `q${i + j}`, { i: i + j }, { tags: ['big'] })))
  }
  const admin = new Redis({ port: server.port, maxRetriesPerRequest: 0 })
  t.teardown(() => admin.disconnect())
  await admin.config('RESETSTAT')
  await a.cache.invalidateTags(['big'])
  const stats = await admin.info('commandstats')
  const calls = (command: string) => Number(new RegExp(`cmdstat_${command}:calls=(\\d+)`).exec(stats)?.[1] ?? 0)
  t.equal(calls('set'), 1, 'one new version')
  t.equal(calls('smembers') + calls('unlink') + calls('del') + calls('sscan'), 0, 'no entry enumerated or deleted')
  t.ok(await a.cache.lookup('query_result', 'q7', ['big']).then(({ hit }) => hit === undefined), 'and the entries are gone all the same')
})

t.test('a miss costs at most 6 commands in Redis', async (t) => {
  const { a, admin } = await pairOnOwnRedis(t, { settings: quietEpoch })
  await a.cache.getOrSet('query_result', 'warm', async () => ({ n: 0 }), { tags: ['forms'] })
  await new Promise((resolve) => setTimeout(resolve, 50))
  await admin.config('RESETSTAT')
  await a.cache.getOrSet('query_result', 'cold', async () => ({ n: 1 }), { tags: ['forms'] })
  await until(() => inRedis(a, 'query_result', 'cold', ['forms']), 2000, 'stored')
  const stats = await admin.info('commandstats')
  const counted = [...stats.matchAll(/cmdstat_(\w+):calls=(\d+)/g)]
    .filter(([, command]) => !['config', 'info', 'publish', 'exists'].includes(command!))
  const total = counted.reduce((sum, [, , calls]) => sum + Number(calls), 0)
  t.ok(total <= 6, `${total} commands: ${counted.map(([, command, calls]) => `${command} ${calls}`).join(', ')}`)
})

t.test('per-kind entry limits hold in Redis within 10 % with two instances storing', async (t) => {
  const { a, b } = await pair(t, { env: { CACHE_MAX_ENTRIES_QUERY_RESULT: '500' } })
  for (let i = 0; i < 1000; i += 100) {
    await Promise.all(Array.from({ length: 100 }, (_, j) => (j % 2 === 0 ? a : b).cache.set('query_result', `q${i + j}`, { i: i + j })))
  }
  await new Promise((resolve) => setTimeout(resolve, 200))
  const { entries_l2: held, evictions_l2: evicted } = (await a.cache.stats()).kinds.query_result
  t.ok(held <= 550 && held >= 450, `${held} entries held`)
  t.ok(evicted + (await b.cache.stats()).kinds.query_result.evictions_l2 >= 450, 'the rest were evicted (counted)')
})

t.test('after an invalidation, the next read is one command on either instance: the new versions come with the message, none is read back', async (t) => {
  const { a, b, admin } = await pairOnOwnRedis(t, { settings: quietEpoch })
  const tags = ['form:1']
  for (const instance of [a, b]) await instance.cache.getOrSet('form_schema', 'f', async () => ({ v: 1 }), { tags })
  const calls = async (command: string) => Number(new RegExp(`cmdstat_${command}:calls=(\\d+)`).exec(await admin.info('commandstats'))?.[1] ?? 0)
  await b.cache.invalidateTags(tags)
  await until(async () => (await a.cache.stats()).kinds.form_schema.entries_l1 === 0, 2000, 'A heard of it')
  for (const [reader, name] of [[a, 'the other instance'], [b, 'the writer']] as const) {
    await admin.config('RESETSTAT')
    t.same(await reader.cache.getOrSet('form_schema', 'f', async () => ({ v: 2 }), { tags }), { v: 2 })
    // the other instance missed (then stored: a SET and a ZADD); the writer found what it stored
    if (reader === a) await until(async () => await calls('zadd') === 1, 2000, 'stored')
    t.equal(await calls('set'), reader === a ? 2 : 1, `${name}: one read, SET NX GET (and the store's SET)`)
    t.equal(await calls('get') + await calls('evalsha'), 0, `${name}: no version read back, no script`)
  }
})

import t from 'tap'
import { uniquePrefix } from './support/app.js'
import { cacheInstance, inRedis, ownRedis } from './support/cache.js'
import { until } from './support/wait.js'

// A deadline of 100 ms per Redis operation; a call may take at most one
// deadline plus this margin (scheduling, the loader, reconnect bookkeeping).
const DEADLINE = 100
const MARGIN = 300

async function timed<T> (run: () => Promise<T>): Promise<{ value: T, ms: number }> {
  const started = performance.now()
  const value = await run()
  return { value, ms: performance.now() - started }
}

t.test('starts with Redis unreachable (memory backend) and switches to Redis when it appears', async (t) => {
  const server = await ownRedis(t, { started: false })
  const { cache } = await cacheInstance(t, { port: server.port })
  t.match(await cache.health(), { status: 'degraded', backend: 'memory', connected: false })
  t.same(await cache.getOrSet('form_schema', 'f1', async () => ({ v: 1 })), { v: 1 }, 'serves from the in-process tier')

  await server.start()
  await until(async () => (await cache.health()).backend === 'redis', 10_000, 'switch to redis')
  t.match(await cache.health(), { status: 'healthy', connected: true, breaker: 'closed' })
  await cache.getOrSet('form_schema', 'f2', async () => ({ v: 2 }))
  t.match((await cache.stats()), { backend: 'redis' })
  await until(async () => (await cache.stats()).kinds.form_schema.entries_l2 === 1, 2000, 'stored in redis')
})

t.test('Redis killed mid-run: every call still answers, within one deadline plus a margin', async (t) => {
  const server = await ownRedis(t)
  const { cache } = await cacheInstance(t, { port: server.port, env: { CACHE_OP_TIMEOUT_MS: String(DEADLINE) } })
  for (let i = 0; i < 5; i++) await cache.getOrSet('query_result', `q${i}`, async () => ({ i }))
  await server.stop()
  const durations: number[] = []
  for (let i = 0; i < 20; i++) {
    const { value, ms } = await timed(() => cache.getOrSet('query_result', `q${i % 8}`, async () => ({ i: i % 8 }), { tags: ['forms'] }))
    t.same(value, { i: i % 8 })
    durations.push(ms)
  }
  const slowest = Math.max(...durations)
  t.ok(slowest < DEADLINE + MARGIN, `slowest call ${slowest.toFixed(1)} ms`)
  t.match(await cache.health(), { status: 'degraded', backend: 'memory' })
  t.match(await cache.invalidateTags(['forms']), { delivered: false }, 'invalidation still works locally, and says Redis did not take it')
})

t.test('Redis paused (CLIENT PAUSE): no call waits longer than one deadline plus a margin, and Redis is used again after', async (t) => {
  const server = await ownRedis(t)
  const { cache } = await cacheInstance(t, { port: server.port, env: { CACHE_OP_TIMEOUT_MS: String(DEADLINE) } })
  await cache.getOrSet('form_schema', 'warm', async () => ({ v: 0 }))
  await server.pause(1500)
  const calls = await Promise.all(Array.from({ length: 30 }, (_, i) =>
    timed(() => cache.getOrSet('form_schema', `p${i}`, async () => ({ v: i })))))
  const sequential = []
  for (let i = 0; i < 10; i++) sequential.push(await timed(() => cache.getOrSet('form_schema', `s${i}`, async () => ({ v: i }))))
  const slowest = Math.max(...[...calls, ...sequential].map((c) => c.ms))
  t.ok(calls.every((c, i) => (c.value as { v: number }).v === i), 'every call answered with its value')
  t.ok(slowest < DEADLINE + MARGIN, `slowest call ${slowest.toFixed(1)} ms`)
  t.equal((await cache.health()).backend, 'memory', 'the breaker opened')
  await until(async () => (await cache.health()).backend === 'redis', 10_000, 'back on redis after the pause')
})

t.test('recovery without stale data: a value changed while Redis was down is never served after it returns', async (t) => {
  // append-only with fsync on every write: the restarted Redis still holds the old entry
  const server = await ownRedis(t, { appendOnly: true })
  const prefix = uniquePrefix()
  const a = await cacheInstance(t, { port: server.port, prefix })
  const b = await cacheInstance(t, { port: server.port, prefix })
  const source = { title: 'v1' }
  const load = async () => ({ ...source })
  t.same(await a.cache.getOrSet('form_schema', 'f1', load, { tags: ['form:f1'] }), { title: 'v1' })
  t.same(await b.cache.getOrSet('form_schema', 'f1', load, { tags: ['form:f1'] }), { title: 'v1' }, 'B has it too (L2, then L1)')
  await until(() => inRedis(a, 'form_schema', 'f1', ['form:f1']), 2000, 'stored')
  const stored = (await a.cache.nameOf('form_schema', 'f1', ['form:f1']))!

  await server.stop()
  await until(async () => (await a.cache.health()).backend === 'memory', 5000, 'A notices')
  source.title = 'v2'
  await a.cache.invalidateTags(['form:f1'])
  t.same(await a.cache.getOrSet('form_schema', 'f1', load, { tags: ['form:f1'] }), { title: 'v2' }, 'during the outage')

  await server.start()
  await until(async () => (await a.cache.health()).backend === 'redis' && (await b.cache.health()).backend === 'redis', 10_000, 'both back on redis')
  t.ok(await a.commands.exists(stored), 'the old entry came back with the append-only file')
  t.same(await b.cache.getOrSet('form_schema', 'f1', load, { tags: ['form:f1'] }), { title: 'v2' }, 'B does not serve it')
  t.same(await a.cache.getOrSet('form_schema', 'f1', load, { tags: ['form:f1'] }), { title: 'v2' }, 'nor does A')
})

t.test('a pause costs no entry; an invalidation that failed during it is replayed on both instances', async (t) => {
  const server = await ownRedis(t)
  const prefix = uniquePrefix()
  const env = { CACHE_OP_TIMEOUT_MS: String(DEADLINE) }
  const a = await cacheInstance(t, { port: server.port, prefix, env })
  const b = await cacheInstance(t, { port: server.port, prefix, env })
  const source = { title: 'v1' }
  let otherLoads = 0
  const changing = async () => ({ ...source })
  const other = async () => { otherLoads++; return { title: 'unchanged' } }
  for (const instance of [a, b]) {
    await instance.cache.getOrSet('form_schema', 'changed', changing, { tags: ['form:1'] })
    await instance.cache.getOrSet('form_schema', 'untouched', other, { tags: ['form:2'] })
  }
  t.equal(otherLoads, 1)

  await server.pause(1000)
  source.title = 'v2'
  await a.cache.invalidateTags(['form:1'])
  t.equal((await a.cache.health()).pending_invalidations, 1, 'the invalidation waits for Redis')

  await until(async () => (await a.cache.health()).backend === 'redis' && (await b.cache.health()).backend === 'redis', 10_000, 'back on redis')
  t.match(await a.cache.health(), { pending_invalidations: 0, epochs: 0 }, 'replayed, no new epoch')
  t.same(await a.cache.getOrSet('form_schema', 'changed', changing, { tags: ['form:1'] }), { title: 'v2' })
  await until(async () => (await b.cache.getOrSet('form_schema', 'changed', changing, { tags: ['form:1'] })).title === 'v2', 2000, 'B sees v2')
  for (const instance of [a, b]) await instance.cache.getOrSet('form_schema', 'untouched', other, { tags: ['form:2'] })
  t.equal(otherLoads, 1, 'the other entry survived on both instances')
})

t.test('while Redis does not answer, L1 entries live at most degradedL1TtlMs, even with the subscription still open', async (t) => {
  const server = await ownRedis(t)
  const prefix = uniquePrefix()
  const env = { CACHE_OP_TIMEOUT_MS: String(DEADLINE) }
  const settings = { degradedL1TtlMs: 300 }
  const a = await cacheInstance(t, { port: server.port, prefix, env, settings })
  const b = await cacheInstance(t, { port: server.port, prefix, env, settings })
  const source = { title: 'v1' }
  const load = async () => ({ ...source })
  for (const instance of [a, b]) await instance.cache.getOrSet('form_schema', 'changing', load, { tags: ['form:1'] })

  const pausedAt = performance.now()
  await server.pause(3000)
  source.title = 'v2'
  await a.cache.invalidateTags(['form:1']) // cannot reach B: Redis holds the message
  // B finds out that Redis does not answer through its own misses
  await Promise.all([1, 2, 3].map((i) => b.cache.getOrSet('form_schema', `other-${i}`, load)))
  t.equal((await b.cache.health()).breaker, 'open')
  await new Promise((resolve) => setTimeout(resolve, settings.degradedL1TtlMs + 50))
  t.same(await b.cache.getOrSet('form_schema', 'changing', load, { tags: ['form:1'] }), { title: 'v2' }, 'B reloads instead of serving its old entry')
  t.ok(performance.now() - pausedAt < 3000, 'still within the pause')
})

t.test('an invalidation goes past an open breaker: other instances hear of a write whenever Redis answers at all', async (t) => {
  const server = await ownRedis(t)
  const prefix = uniquePrefix()
  const env = { CACHE_OP_TIMEOUT_MS: String(DEADLINE) }
  // A's breaker opens on one failure and stays open (no probe) for the rest of the test
  const a = await cacheInstance(t, { port: server.port, prefix, env, settings: { breaker: { failureThreshold: 1, cooldownMs: 60_000, maxCooldownMs: 60_000 } } })
  const b = await cacheInstance(t, { port: server.port, prefix, env })
  const source = { title: 'v1' }
  const load = async () => ({ ...source })
  await b.cache.getOrSet('form_schema', 'changing', load, { tags: ['form:1'] })

  await server.pause(300)
  await a.cache.getOrSet('form_schema', 'other', load) // times out: A's breaker opens
  t.equal((await a.cache.health()).breaker, 'open')
  await new Promise((resolve) => setTimeout(resolve, 400)) // Redis answers again; A's breaker stays open

  source.title = 'v2'
  await a.cache.invalidateTags(['form:1'])
  t.equal((await a.cache.health()).pending_invalidations, 0, 'delivered, nothing left to replay')
  await until(async () => (await b.cache.getOrSet('form_schema', 'changing', load, { tags: ['form:1'] })).title === 'v2', 2000, 'B dropped its entry')
  t.equal((await a.cache.health()).breaker, 'open', 'the breaker is still open')
})

t.test('this process standing still past the deadline (a synchronous call holding the event loop) does not open the breaker: Redis answered in time', async (t) => {
  const server = await ownRedis(t)
  const { cache } = await cacheInstance(t, { port: server.port, env: { CACHE_OP_TIMEOUT_MS: String(DEADLINE) } })
  await cache.getOrSet('form_schema', 'warm', async () => ({ v: 0 }))
  const standStill = (ms: number) => { const until = performance.now() + ms; while (performance.now() < until); }

  // a read in flight (Redis holds its answer a little, well within the deadline) while the process stands still
  await server.pause(DEADLINE / 2)
  const read = cache.getOrSet('form_schema', 'during-the-stall', async () => ({ v: 1 }))
  await new Promise((resolve) => setTimeout(resolve, 10))
  // from a check-phase callback, so the next turn of the event loop runs its timers before it reads the answer
  await new Promise((resolve) => setImmediate(() => resolve(standStill(DEADLINE * 4))))
  t.same(await read, { v: 1 }, 'the read is answered')
  t.match(await cache.health(), { backend: 'redis', breaker: 'closed' }, 'Redis stays in use')

  // Redis itself slower than the deadline still opens it
  await server.pause(DEADLINE * 3)
  await cache.getOrSet('form_schema', 'while-redis-is-slow', async () => ({ v: 2 }))
  t.equal((await cache.health()).breaker, 'open')
})

import t from 'tap'
import { admin, build, createForm } from './support/app.js'
import { ownRedis } from './support/cache.js'
import { until } from './support/wait.js'
import { lockDatabase } from './database-lock.js'

// The database made unavailable from outside the process (another process holds
// its locks), while the cache keeps answering what it can (fail-safe).

const shortTtls = { CACHE_TTL_API_RESPONSE: '1', CACHE_TTL_USER_SESSION: '1', CACHE_EAGER_REFRESH: '0' }

t.test('while the database is locked by another process: cached keys answer STALE, others 503, readiness says down; then it recovers', async (t) => {
  const app = await build(t, shortTtls)
  const root = await admin(app)
  const form = await createForm(app, root)
  const never = await createForm(app, root, { title: 'Never read' })
  const url = `/api/v1/forms/${form.id}`
  const get = (path: string) => app.inject({ url: path, headers: root.headers })
  t.equal((await get(url)).headers['x-cache'], 'MISS')
  await new Promise((resolve) => setTimeout(resolve, 1100)) // past the TTL: only grace entries are left

  const { release } = await lockDatabase(t, app.config.database.sqlitePath)
  const stale = await get(url)
  t.equal(stale.statusCode, 200, 'the cached form is served')
  t.equal(stale.headers['x-cache'], 'STALE')
  t.match(stale.headers['cache-status'], /^forms-api; hit; ttl=-\d+$/, 'Cache-Status says it is past its TTL')
  t.equal(JSON.parse(stale.body).id, form.id)

  const uncached = await get(`/api/v1/forms/${never.id}`)
  t.equal(uncached.statusCode, 503, 'a key never cached cannot be answered')
  t.match(uncached.json(), { statusCode: 503, code: 'DATABASE_UNAVAILABLE' })

  const ready = await app.inject({ url: '/health/ready' })
  t.equal(ready.statusCode, 503)
  t.match(ready.json(), { status: 'unavailable', checks: { database: { status: 'down' } } })

  const reads = app.repositories.counts.reads
  const started = performance.now()
  for (let i = 0; i < 20; i++) t.equal((await get(url)).headers['x-cache'], 'STALE')
  t.ok(app.repositories.counts.reads - reads <= 1, 'the failed load is not retried on every request')
  t.ok(performance.now() - started < 2000, 'and nothing waits on the database meanwhile')

  await release()
  await until(async () => (await app.inject({ url: '/health/ready' })).statusCode === 200, 10_000, 'the database is back')
  await until(async () => ['MISS', 'HIT'].includes(String((await get(url)).headers['x-cache'])), 5000, 'fresh answers again')
  t.equal((await get(`/api/v1/forms/${never.id}`)).statusCode, 200)
})

t.test('a call that waits on the locked database (the event loop waits with it) does not take Redis out of use', async (t) => {
  const redis = await ownRedis(t)
  const app = await build(t, { ...shortTtls, REDIS_PORT: String(redis.port), CACHE_OP_TIMEOUT_MS: '100' })
  const root = await admin(app)
  const form = await createForm(app, root)
  const url = `/api/v1/forms/${form.id}`
  t.equal((await app.inject({ url, headers: root.headers })).headers['x-cache'], 'MISS')
  await new Promise((resolve) => setTimeout(resolve, 1100))

  await lockDatabase(t, app.config.database.sqlitePath)
  // a cache read on its way (Redis answers it within its deadline) when SQLite starts waiting
  await redis.pause(50)
  const read = app.cache.getOrSet('query_result', 'in-flight', async () => ({ v: 1 }))
  await new Promise((resolve) => setTimeout(resolve, 10))
  await new Promise((resolve) => setImmediate(() => resolve(app.repositories.ping().catch(() => {}))))
  t.same(await read, { v: 1 })
  t.match(await app.cache.health(), { backend: 'redis', breaker: 'closed' }, 'Redis stays in use')
  t.equal((await app.inject({ url, headers: root.headers })).headers['x-cache'], 'STALE', 'and the grace entry is served')
})

t.test('an invalidated entry is never served as a grace entry', async (t) => {
  const app = await build(t, shortTtls)
  const root = await admin(app)
  const form = await createForm(app, root)
  const url = `/api/v1/forms/${form.id}`
  await app.inject({ url, headers: root.headers })
  // a write (and its invalidation) after which nothing read the form again
  t.equal((await app.inject({ method: 'PATCH', url, headers: root.headers, payload: { title: 'Changed' } })).statusCode, 200)
  await app.inject({ url: '/api/v1/users/me', headers: root.headers }) // the session stays cached
  await new Promise((resolve) => setTimeout(resolve, 1100))
  await app.inject({ url: '/api/v1/users/me', headers: root.headers })
  await lockDatabase(t, app.config.database.sqlitePath)
  const res = await app.inject({ url, headers: root.headers })
  t.equal(res.statusCode, 503, 'the old version of the form is not served')
  t.notMatch(res.body, 'Customer survey')
})

t.test('a session lookup during the outage is answered from its grace entry (the user stays signed in)', async (t) => {
  const app = await build(t, shortTtls)
  const root = await admin(app)
  const form = await createForm(app, root)
  await app.inject({ url: `/api/v1/forms/${form.id}`, headers: root.headers })
  await new Promise((resolve) => setTimeout(resolve, 1100))
  await lockDatabase(t, app.config.database.sqlitePath)
  const me = await app.inject({ url: `/api/v1/forms/${form.id}`, headers: root.headers })
  t.equal(me.statusCode, 200, 'authenticated from the grace entry of the session')
  t.ok(app.cache.counters.kinds.user_session.stale >= 1, 'counted as a stale session served')
})

t.test('a draft\'s schema, read by a signed-in user before the database went away, is still answered (its response is private, the form is cached)', async (t) => {
  const app = await build(t)
  const root = await admin(app)
  const draft = await createForm(app, root, { title: 'A draft', status: 'draft' })
  const url = `/api/v1/forms/${draft.id}/schema`
  const before = await app.inject({ url, headers: root.headers })
  t.equal(before.statusCode, 200)
  t.match(before.headers['cache-control'], /private/, 'a draft\'s schema is not stored as a response')

  await lockDatabase(t, app.config.database.sqlitePath)
  const during = await app.inject({ url, headers: root.headers })
  t.equal(during.statusCode, 200, 'answered from the cached form')
  t.same(during.json(), before.json())
})

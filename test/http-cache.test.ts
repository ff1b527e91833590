import t, { type Test } from 'tap'
import type { FastifyInstance } from 'fastify'
import { admin, build, createForm, createUser, uniquePrefix, type TestUser } from './support/app.js'
import { until } from './support/wait.js'

const get = (app: FastifyInstance, url: string, user?: TestUser, headers: Record<string, string> = {}) =>
  app.inject({ url, headers: { ...user?.headers, ...headers } })

/** Two instances of the service on one database and one Redis prefix. */
async function twoInstances (t: Test) {
  const { tempDir } = await import('./support/app.js')
  const shared = { SQLITE_PATH: `${tempDir(t)}/forms.db`, REDIS_KEY_PREFIX: uniquePrefix() }
  const one = await build(t, shared)
  const two = await build(t, shared)
  return { one, two }
}

t.test('MISS, then HIT with the same body and ETag, an Age, and revalidate-only Cache-Control', async (t) => {
  const app = await build(t)
  const root = await admin(app)
  const form = await createForm(app, root)
  const url = `/api/v1/forms/${form.id}`
  const miss = await get(app, url, root)
  t.equal(miss.headers['x-cache'], 'MISS')
  const hit = await get(app, url, root)
  t.equal(hit.headers['x-cache'], 'HIT')
  t.equal(hit.body, miss.body)
  t.equal(hit.headers.etag, miss.headers.etag)
  t.equal(hit.headers.etag, `"${form.id}-1"`)
  t.match(hit.headers['content-type'], /^application\/json/)
  t.match(hit.headers.age, /^\d+$/)
  for (const res of [miss, hit]) {
    t.equal(res.headers['cache-control'], 'no-cache', 'clients revalidate: never a max-age')
  }
  const anonymous = await get(app, url)
  t.equal(anonymous.statusCode, 401, 'a cached response still needs a token')
  t.equal(anonymous.headers['x-cache'], undefined)
})

t.test('If-None-Match: exact, weak, list and * give 304 with the ETag and no body, on hits and on misses', async (t) => {
  const app = await build(t)
  const root = await admin(app)
  const form = await createForm(app, root)
  const url = `/api/v1/forms/${form.id}`
  const etag = `"${form.id}-1"`

  const onMiss = await get(app, url, root, { 'if-none-match': etag })
  t.equal(onMiss.statusCode, 304, 'on a miss')
  t.equal(onMiss.headers['x-cache'], 'MISS')
  t.equal(onMiss.body, '')
  t.equal((await get(app, url, root)).headers['x-cache'], 'HIT', 'and the miss filled the cache')

  for (const header of [etag, `W/${etag}`, `"other", ${etag}`, `"a",W/${etag} , "b"`, '*']) {
    const res = await get(app, url, root, { 'if-none-match': header })
    t.equal(res.statusCode, 304, header)
    t.equal(res.headers.etag, etag)
    t.equal(res.headers['x-cache'], 'HIT')
    t.equal(res.body, '')
  }
  for (const header of ['"other"', `"${form.id}-2"`, 'W/"nope", "also-not"']) {
    const res = await get(app, url, root, { 'if-none-match': header })
    t.equal(res.statusCode, 200, header)
    t.equal(JSON.parse(res.body).id, form.id)
  }
})

t.test('no-cache, max-age=0 and Pragma: no-cache run the handler and replace the entry (BYPASS)', async (t) => {
  const app = await build(t)
  const root = await admin(app)
  const form = await createForm(app, root)
  const url = `/api/v1/forms/${form.id}`
  await get(app, url, root)
  let version = 1
  for (const headers of [{ 'cache-control': 'no-cache' }, { 'cache-control': 'max-age=0' }, { pragma: 'no-cache' }] as Array<Record<string, string>>) {
    // changed behind the cache's back (no invalidation): the cache still has the old state
    await app.repositories.forms.update(form.id, { title: `Title ${++version}` }, version - 1)
    t.equal(JSON.parse((await get(app, url, root)).body).version, version - 1, 'the cached state')
    const fresh = await get(app, url, root, headers)
    t.equal(fresh.headers['x-cache'], 'BYPASS', JSON.stringify(headers))
    t.equal(JSON.parse(fresh.body).title, `Title ${version}`, 'fresh data')
    await new Promise((resolve) => setTimeout(resolve, 20))
    const after = await get(app, url, root)
    t.equal(after.headers['x-cache'], 'HIT')
    t.equal(JSON.parse(after.body).title, `Title ${version}`, 'which replaced the cached entry')
  }
})

t.test('no-store: the cache is neither read nor written', async (t) => {
  const app = await build(t)
  const root = await admin(app)
  const form = await createForm(app, root)
  const url = `/api/v1/forms/${form.id}`
  const res = await get(app, url, root, { 'cache-control': 'no-store' })
  t.equal(res.statusCode, 200)
  t.equal(res.headers['x-cache'], 'BYPASS')
  t.equal((await app.cache.stats()).kinds.api_response.writes, 0, 'nothing written')
  t.equal((await get(app, url, root)).headers['x-cache'], 'MISS', 'nothing to hit')
  t.equal((await get(app, url, root, { 'cache-control': 'no-store' })).headers['x-cache'], 'BYPASS', 'an entry is not read either')
})

t.test('HEAD is served from the GET entry', async (t) => {
  const app = await build(t)
  const root = await admin(app)
  const form = await createForm(app, root)
  const url = `/api/v1/forms/${form.id}`
  const first = await app.inject({ method: 'HEAD', url, headers: root.headers })
  t.equal(first.headers['x-cache'], 'MISS', 'a HEAD miss (it has no body to store)')
  t.equal(first.body, '')
  const getMiss = await get(app, url, root)
  t.equal(getMiss.headers['x-cache'], 'MISS')
  const head = await app.inject({ method: 'HEAD', url, headers: root.headers })
  t.equal(head.headers['x-cache'], 'HIT', 'the GET entry serves HEAD')
  t.equal(head.headers.etag, getMiss.headers.etag)
  t.equal(head.headers['content-length'], getMiss.headers['content-length'])
  t.equal(head.body, '')
})

t.test('user-scoped responses are private: user A\'s entry is never served to user B', async (t) => {
  const app = await build(t)
  const root = await admin(app)
  const alice = await createUser(app, 'editor', root)
  const bob = await createUser(app, 'editor', root)
  await createForm(app, alice, { title: 'Alice only' })
  const url = '/api/v1/dashboard/widgets/responses_per_form'
  const aliceMiss = await get(app, url, alice)
  const aliceHit = await get(app, url, alice)
  t.equal(aliceHit.headers['x-cache'], 'HIT')
  t.equal(aliceHit.headers['cache-control'], 'private, no-cache')
  t.equal(aliceHit.headers.vary, 'Authorization')
  t.equal(JSON.parse(aliceMiss.body).data.length, 1)
  const bobs = await get(app, url, bob)
  t.equal(bobs.headers['x-cache'], 'MISS', 'B\'s request is not a hit of A\'s entry')
  t.same(JSON.parse(bobs.body).data, [], 'and B sees only B\'s data')
  t.notMatch(bobs.body, 'Alice only')
  t.equal((await get(app, url, bob)).headers['x-cache'], 'HIT', 'B gets an entry of B\'s own')
})

t.test('after a PUT, PATCH or DELETE, the next GET has the new state on both instances', async (t) => {
  const { one, two } = await twoInstances(t)
  const root = await admin(one)
  const form = await createForm(one, root)
  const url = `/api/v1/forms/${form.id}`
  for (const app of [one, two]) {
    await get(app, url, root)
    t.equal((await get(app, url, root)).headers['x-cache'], 'HIT')
  }
  const writes = [
    { method: 'PUT' as const, payload: { title: 'Replaced', status: 'published', fields: [] } },
    { method: 'PATCH' as const, payload: { title: 'Patched' } }
  ]
  for (const { method, payload } of writes) {
    const changed = await one.inject({ method, url, headers: root.headers, payload })
    t.equal(changed.statusCode, 200, method)
    const onSame = await get(one, url, root)
    t.equal(onSame.headers['x-cache'], 'MISS', `${method}: a miss on the writing instance`)
    t.equal(JSON.parse(onSame.body).title, payload.title)
    t.equal(onSame.headers.etag, changed.headers.etag, 'with the new ETag')
    await until(async () => JSON.parse((await get(two, url, root)).body).title === payload.title, 2000, `${method} on the other instance`)
    t.pass(`${method}: the other instance serves the new state`)
  }
  t.equal((await one.inject({ method: 'DELETE', url, headers: root.headers })).statusCode, 204)
  t.equal((await get(one, url, root)).statusCode, 404)
  await until(async () => (await get(two, url, root)).statusCode === 404, 2000, 'DELETE on the other instance')
  t.pass('DELETE: 404 on both')
})

t.test('a new, changed or deleted form shows in the next list on both instances', async (t) => {
  const { one, two } = await twoInstances(t)
  const root = await admin(one)
  const titles = async (app: FastifyInstance) => JSON.parse((await get(app, '/api/v1/forms', root)).body).items.map((f: { title: string }) => f.title)
  t.same(await titles(one), [])
  t.same(await titles(two), [])
  const form = await createForm(one, root, { title: 'First' })
  t.same(await titles(one), ['First'])
  await until(async () => (await titles(two)).length === 1, 2000, 'listed on two')
  await one.inject({ method: 'PATCH', url: `/api/v1/forms/${form.id}`, headers: root.headers, payload: { title: 'Renamed' } })
  t.same(await titles(one), ['Renamed'])
  await until(async () => (await titles(two))[0] === 'Renamed', 2000, 'renamed on two')
  await one.inject({ method: 'DELETE', url: `/api/v1/forms/${form.id}`, headers: root.headers })
  t.same(await titles(one), [])
  await until(async () => (await titles(two)).length === 0, 2000, 'gone on two')
  t.pass()
})

t.test('a submitted response shows in the analytics and dashboard reads on both instances', async (t) => {
  const { one, two } = await twoInstances(t)
  const root = await admin(one)
  const form = await createForm(one, root)
  const analytics = `/api/v1/forms/${form.id}/analytics`
  const widget = '/api/v1/dashboard/widgets/recent_responses'
  const totals = async (app: FastifyInstance) => ({
    analytics: JSON.parse((await get(app, analytics, root)).body).total_responses,
    widget: JSON.parse((await get(app, widget, root)).body).data.length
  })
  for (const app of [one, two]) {
    t.same(await totals(app), { analytics: 0, widget: 0 })
    t.equal((await get(app, analytics, root)).headers['x-cache'], 'HIT')
  }
  const submit = await one.inject({ method: 'POST', url: `/api/v1/forms/${form.id}/responses`, payload: { answers: { full_name: 'Ada' } } })
  t.equal(submit.statusCode, 201)
  t.same(await totals(one), { analytics: 1, widget: 1 }, 'on the instance that took it')
  await until(async () => (await totals(two)).analytics === 1 && (await totals(two)).widget === 1, 2000, 'on the other')
  t.pass('on the other instance')
})

t.test('concurrent misses of one response run its handler once', async (t) => {
  const app = await build(t)
  const root = await admin(app)
  const form = await createForm(app, root)
  await get(app, '/api/v1/users/me', root)
  const before = app.repositories.counts.reads
  const responses = await Promise.all(Array.from({ length: 50 }, () => get(app, `/api/v1/forms/${form.id}`, root)))
  t.equal(app.repositories.counts.reads - before, 1, 'one database read for 50 requests')
  t.ok(responses.every((res) => res.statusCode === 200 && JSON.parse(res.body).id === form.id))
  t.equal(responses.filter((res) => res.headers['x-cache'] === 'MISS').length, 1, 'one ran the handler')
  t.equal(responses.filter((res) => res.headers['x-cache'] === 'HIT').length, 49, 'the others got its response')
})

t.test('a draft\'s schema, shown to a signed-in user, is never served from the shared cache', async (t) => {
  const app = await build(t)
  const root = await admin(app)
  const draft = await createForm(app, root, { status: 'draft' })
  const url = `/api/v1/forms/${draft.id}/schema`
  const signedIn = await get(app, url, root)
  t.equal(signedIn.statusCode, 200)
  t.equal(signedIn.headers['cache-control'], 'private, no-cache')
  t.equal((await get(app, url)).statusCode, 404, 'anonymous')
  const published = await createForm(app, root, { status: 'published' })
  await get(app, `/api/v1/forms/${published.id}/schema`)
  t.equal((await get(app, `/api/v1/forms/${published.id}/schema`)).headers['x-cache'], 'HIT', 'published schemas are cached')
})

t.test('cache keys carry no personal data', async (t) => {
  const app = await build(t)
  const root = await admin(app)
  const secret = 'someone@example.com'
  await get(app, `/api/v1/forms?q=${encodeURIComponent(secret)}`, root)
  await get(app, '/api/v1/dashboard', root)
  const redis = app.redisConnections!.commands
  await until(async () => (await redis.scan('0', 'MATCH', `${app.cache.keys.prefix}api:response:*`, 'COUNT', 1000))[1].length > 0, 2000, 'stored')
  const [, keys] = await redis.scan('0', 'MATCH', `${app.cache.keys.prefix}*`, 'COUNT', 1000)
  t.ok(keys.length > 0)
  t.notOk(keys.some((key) => key.includes(secret) || key.includes('example')), 'no search text in any key')
  t.notOk(keys.filter((key) => key.includes(':response:') || key.includes(':result:')).some((key) => key.includes(root.id)), 'no user id in response keys')
})

t.test('routes that did not opt in are untouched', async (t) => {
  const app = await build(t)
  const root = await admin(app)
  for (const url of ['/health', '/health/ready', '/docs/json', '/api/v1/users/me', '/api/v1/users']) {
    const res = await get(app, url, root)
    t.equal(res.headers['x-cache'], undefined, url)
  }
  const post = await app.inject({ method: 'POST', url: '/api/v1/forms', headers: root.headers, payload: { title: 'x' } })
  t.equal(post.headers['x-cache'], undefined, 'writes')
  // (a route whose body does not change between two requests: /health's uptime may)
  const me = await get(app, '/api/v1/users/me', root)
  t.ok(me.headers.etag, 'other GETs still get an ETag')
  t.equal((await get(app, '/api/v1/users/me', root, { 'if-none-match': me.headers.etag as string })).statusCode, 304, 'and 304s')
})

t.test('Cache-Status says the same as X-Cache, RFC 9211 style', async (t) => {
  const app = await build(t)
  const root = await admin(app)
  const form = await createForm(app, root)
  const url = `/api/v1/forms/${form.id}`
  const miss = await get(app, url, root)
  t.equal(miss.headers['cache-status'], 'forms-api; fwd=miss')
  const hit = await get(app, url, root)
  t.match(hit.headers['cache-status'], /^forms-api; hit; ttl=(\d+)$/)
  const ttl = Number(/ttl=(\d+)/.exec(String(hit.headers['cache-status']))![1])
  t.ok(ttl > 0 && ttl <= 60, `ttl=${ttl}: the seconds left of api_response's minute`)
  t.equal((await get(app, url, root, { 'cache-control': 'no-cache' })).headers['cache-status'], 'forms-api; fwd=bypass')
  t.equal((await get(app, url, root, { 'cache-control': 'no-store' })).headers['cache-status'], 'forms-api; fwd=bypass')
  const other = await createForm(app, root)
  const together = await Promise.all(Array.from({ length: 5 }, () => get(app, `/api/v1/forms/${other.id}`, root)))
  t.equal(together.filter((res) => res.headers['cache-status'] === 'forms-api; fwd=miss').length, 1)
  t.equal(together.filter((res) => /^forms-api; hit; ttl=\d+; collapsed$/.test(String(res.headers['cache-status']))).length, 4,
    'the requests that waited on its load say so')
})

t.test('equivalent URLs share one entry: the key is built from the validated query, defaults applied', async (t) => {
  const app = await build(t)
  const root = await admin(app)
  await createForm(app, root)
  t.equal((await get(app, '/api/v1/forms', root)).headers['x-cache'], 'MISS')
  for (const query of ['?page=1', '?page=01', '?per_page=20&page=1', '?page=1&per_page=20']) {
    t.equal((await get(app, `/api/v1/forms${query}`, root)).headers['x-cache'], 'HIT', query)
  }
  t.equal((await get(app, '/api/v1/forms?page=2', root)).headers['x-cache'], 'MISS', 'another page is another entry')
  t.equal((await app.cache.stats()).kinds.query_result.writes, 2)
})

t.test('a HEAD miss never leads a coalesced load: one HEAD and five concurrent GETs run the handler at most twice', async (t) => {
  const app = await build(t)
  const root = await admin(app)
  const form = await createForm(app, root)
  const url = `/api/v1/forms/${form.id}`
  // slow the handler down so the six requests overlap, and count its runs
  const read = app.forms.get
  let runs = 0
  app.forms.get = async (id) => {
    runs++
    await new Promise((resolve) => setTimeout(resolve, 100))
    return read(id)
  }
  t.teardown(() => { app.forms.get = read })
  const head = app.inject({ method: 'HEAD', url, headers: root.headers })
  await new Promise((resolve) => setTimeout(resolve, 10))
  const gets = await Promise.all(Array.from({ length: 5 }, () => get(app, url, root)))
  t.equal((await head).statusCode, 200)
  t.ok(gets.every((res) => res.statusCode === 200 && JSON.parse(res.body).id === form.id), 'every GET has the form')
  t.ok(runs <= 2, `${runs} handler runs`)
  t.equal((await get(app, url, root)).headers['x-cache'], 'HIT', 'and the GET filled the entry')
})

t.test('an anonymous read of an unknown id leaves no key in Redis', async (t) => {
  const app = await build(t)
  const redis = app.redisConnections!.commands
  const keysNow = async () => (await redis.scan('0', 'MATCH', `${app.cache.keys.prefix}*`, 'COUNT', 10_000))[1].sort()
  const before = await keysNow()
  for (let i = 0; i < 5; i++) {
    const unknown = `${'0'.repeat(20)}${String(i).padStart(4, '0')}`
    t.equal((await get(app, `/api/v1/forms/${unknown}/schema`)).statusCode, 404)
  }
  await new Promise((resolve) => setTimeout(resolve, 100))
  t.same(await keysNow(), before, 'no key created (locks taken for the loads are gone)')
})

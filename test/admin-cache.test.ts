import t, { type Test } from 'tap'
import { Redis } from 'ioredis'
import type { FastifyInstance, InjectOptions } from 'fastify'
import { CACHE_KINDS } from '../services/cache/kinds.js'
import { newObjectId } from '../services/repositories/ids.js'
import { admin, bearer, build, createForm, createUser, type TestUser } from './support/app.js'
import { freePort } from './support/ports.js'
import { until } from './support/wait.js'

const BASE = '/api/v1/admin/cache'

const ORIGINAL_STATS_FIELDS = ['backend', 'connected', 'total_keys', 'hits', 'misses', 'hit_ratio', 'memory_used', 'memory_human',
  'evictions', 'writes', 'errors', 'cache_enabled']

const COUNT_FIELDS = ['form_schemas_invalidated', 'query_results_invalidated', 'dashboard_widgets_invalidated',
  'api_responses_invalidated', 'user_sessions_invalidated']

/** Every admin endpoint, with a request an admin may make. */
const ENDPOINTS: Array<Pick<InjectOptions, 'method' | 'url' | 'payload'>> = [
  { method: 'GET', url: `${BASE}/stats` },
  { method: 'DELETE', url: `${BASE}/all` },
  { method: 'DELETE', url: `${BASE}/pattern/${encodeURIComponent('form:schema:*')}` },
  { method: 'POST', url: `${BASE}/warmup`, payload: {} },
  { method: 'DELETE', url: `${BASE}/form/${newObjectId()}` },
  { method: 'DELETE', url: `${BASE}/user/${newObjectId()}` },
  { method: 'GET', url: `${BASE}/health` },
  { method: 'GET', url: `${BASE}/config` },
  { method: 'GET', url: `${BASE}/invalidations?limit=5` }
]

/** A Redis client of the test's own, for keys the service must not touch; removes them when the test ends. */
async function rawRedis (t: Test, keys: string[]) {
  const redis = new Redis({ host: '127.0.0.1', port: 6379 })
  t.teardown(async () => {
    await redis.del(...keys)
    redis.disconnect()
  })
  return redis
}

/** Keys under the app's prefix, straight from Redis. */
async function keysUnder (redis: Redis, prefix: string) {
  return redis.keys(`${prefix.replace(/[*?[\]\\]/g, '\\$&')}*`)
}

async function cached (app: FastifyInstance, formIds: string[]) {
  for (const id of formIds) await app.forms.loadForm(id)
}

t.test('every admin endpoint: 401 without a valid token, 403 for editors and viewers, 200 for admins', async (t) => {
  const app = await build(t)
  const root = await admin(app)
  const editor = await createUser(app, 'editor', root)
  const viewer = await createUser(app, 'viewer', root)
  // issued two hours ago, with the one-hour lifetime
  const expired = app.jwt.sign({ sub: root.id, iat: Math.floor(Date.now() / 1000) - 7200 } as { sub: string })

  for (const endpoint of ENDPOINTS) {
    const name = `${endpoint.method} ${endpoint.url}`
    const as = (headers: Record<string, string>) => app.inject({ ...endpoint, headers })
    t.equal((await as({})).statusCode, 401, `${name}: no token`)
    t.equal((await as({ authorization: 'Bearer not.a.token' })).statusCode, 401, `${name}: invalid token`)
    const late = await as(bearer(expired))
    t.equal(late.statusCode, 401, `${name}: expired token`)
    t.match(late.json(), { statusCode: 401, error: 'Unauthorized', message: /expired/i })
    for (const user of [editor, viewer]) {
      const res = await as(user.headers)
      t.equal(res.statusCode, 403, `${name}: ${user.role}`)
      t.match(res.json(), { statusCode: 403, error: 'Forbidden', code: 'FORBIDDEN' })
    }
    const ok = await as(root.headers)
    t.equal(ok.statusCode, 200, `${name}: admin`)
    t.equal(ok.headers['cache-control'], 'no-store', `${name}: never stored by a cache`)
  }
})

t.test('roles are checked before the input: a viewer\'s malformed request is a 403, not a 400', async (t) => {
  const app = await build(t)
  const viewer = await createUser(app, 'viewer')
  const bad = [
    { method: 'DELETE' as const, url: `${BASE}/pattern/%01` },
    { method: 'DELETE' as const, url: `${BASE}/form/not-an-id` },
    { method: 'POST' as const, url: `${BASE}/warmup`, payload: { forms: 'nope' } },
    { method: 'GET' as const, url: `${BASE}/invalidations?limit=0` }
  ]
  for (const request of bad) t.equal((await app.inject({ ...request, headers: viewer.headers })).statusCode, 403, request.url)
})

t.test('GET stats: the original fields, per tier and per kind', async (t) => {
  const app = await build(t)
  const root = await admin(app)
  const res = await app.inject({ url: `${BASE}/stats`, headers: root.headers })
  t.equal(res.statusCode, 200)
  const stats = res.json()
  for (const field of ORIGINAL_STATS_FIELDS) t.ok(field in stats, `has ${field}`)
  t.match(stats, {
    backend: 'redis',
    connected: true,
    cache_enabled: true,
    memory_human: String,
    errors: 0,
    breaker: 'closed',
    tiers: { l1: { enabled: true, hits: Number, entries: Number, bytes: Number }, l2: { hits: Number, entries: Number, used_memory: Number } }
  })
  t.same(Object.keys(stats.kinds).sort(), [...CACHE_KINDS].sort())
  t.match(stats.kinds.form_schema, { hits: 0, misses: 0, evictions: 0, ttl: 3600, max_entries: 1000 })
})

t.test('stats move as hits, misses and evictions happen', async (t) => {
  const app = await build(t, { CACHE_MAX_ENTRIES_FORM_SCHEMA: '2' })
  const root = await admin(app)
  const editor = await createUser(app, 'editor', root)
  const [f1, f2, f3] = [await createForm(app, editor), await createForm(app, editor), await createForm(app, editor)]
  const stats = async () => (await app.inject({ url: `${BASE}/stats`, headers: root.headers })).json()
  const before = await stats()

  // the form_schema read path (schema route, answer validation); the third form pushes the first out
  await cached(app, [f1.id, f1.id, f2.id, f3.id])
  // Redis is written after the value is returned: wait for the last write (and its eviction)
  await until(async () => (await stats()).kinds.form_schema.evictions_l2 === 1, 2000, 'the eviction in Redis')
  const after = await stats()
  t.match(after.kinds.form_schema, { hits: 1, hits_l1: 1, misses: 3, writes: 3, evictions_l1: 1, evictions_l2: 1, evictions: 2, entries_l1: 2, entries_l2: 2 })
  t.equal(after.kinds.form_schema.hit_ratio, 0.25)
  t.equal(after.misses - before.misses, 3, 'misses, all kinds')
  t.ok(after.hits - before.hits >= 1, 'hits, all kinds (the admin\'s own session lookups count too)')
  t.equal(after.evictions - before.evictions, 2, 'evictions, both tiers')
  t.equal(after.writes - before.writes, 3)
  t.ok(after.total_keys >= 2, 'total_keys counts the entries in Redis')
})

t.test('DELETE pattern/:pattern drops the matching keys below the prefix, nothing else', async (t) => {
  const app = await build(t)
  const root = await admin(app)
  const editor = await createUser(app, 'editor', root)
  const form = await createForm(app, editor)
  await cached(app, [form.id])
  const prefix = app.config.redis.keyPrefix
  // what the glob matches outside the prefix: never ours to delete
  const outside = [`form:schema:${form.id}`, `${prefix.slice(0, -1)}-sibling:form:schema:${form.id}`]
  const redis = await rawRedis(t, outside)
  for (const key of outside) await redis.set(key, 'not the service\'s')
  // Redis holds an entry under its key and a digest of its versions
  const [schemaKey] = await keysUnder(redis, `${app.cache.keys.entry('form_schema', form.id)}:`)
  const [sessionKey] = await keysUnder(redis, `${app.cache.keys.entry('user_session', root.id)}:`)
  t.equal(await redis.exists(schemaKey!, sessionKey!), 2)

  const res = await app.inject({ method: 'DELETE', url: `${BASE}/pattern/${encodeURIComponent('form:schema:*')}`, headers: root.headers })
  t.equal(res.statusCode, 200)
  t.same(res.json(), { pattern: 'form:schema:*', keys_deleted: 1 })
  t.equal(await redis.exists(schemaKey!), 0, 'the form schema is gone from Redis')
  t.equal((await app.cache.lookup('form_schema', form.id, [], { count: false })).hit, undefined, 'and from L1')
  t.equal(await redis.exists(sessionKey!), 1, 'a session does not match')

  const all = await app.inject({ method: 'DELETE', url: `${BASE}/pattern/*`, headers: root.headers })
  t.equal(all.statusCode, 200)
  t.ok(all.json().keys_deleted > 1, 'entries and their bookkeeping keys')
  const kindVersions = ['form_schema', 'user_session', 'query_result', 'dashboard_widget', 'api_response'].map((kind) => app.cache.keys.tagVersion(`#${kind}`))
  const left = await keysUnder(redis, prefix)
  t.same(left.filter((key) => !key.startsWith(`${prefix}ratelimit:`)).sort(), [app.cache.keys.epochServer, app.cache.keys.epochVersion, ...kindVersions].sort(),
    'nothing of the cache left under the prefix but the epoch and the kinds\' new versions (so no load in flight writes back)')
  t.ok(left.some((key) => key.startsWith(`${prefix}ratelimit:`)), 'the rate limits (not the cache\'s keys) stay')
  for (const key of outside) t.equal(await redis.get(key), 'not the service\'s', `${key} untouched`)
})

t.test('DELETE all empties the cache under the prefix and leaves every other key alone', async (t) => {
  const app = await build(t)
  const root = await admin(app)
  const editor = await createUser(app, 'editor', root)
  const form = await createForm(app, editor)
  await cached(app, [form.id])
  const prefix = app.config.redis.keyPrefix
  const outside = [`outside:${newObjectId()}`, `${prefix.slice(0, -1)}-sibling:anything`]
  const redis = await rawRedis(t, outside)
  for (const key of outside) await redis.set(key, 'kept')

  const res = await app.inject({ method: 'DELETE', url: `${BASE}/all`, headers: root.headers })
  t.equal(res.statusCode, 200)
  t.ok(res.json().keys_deleted >= 2, `${res.json().keys_deleted} keys deleted`)
  // the admin's request itself caches their session again: only that may be back
  const left = await keysUnder(redis, prefix)
  t.notOk(left.some((key) => key.startsWith(app.cache.keys.entry('form_schema', form.id))), 'the form schema is gone')
  t.equal((await app.cache.lookup('form_schema', form.id, [], { count: false })).hit, undefined, 'in both tiers')
  for (const key of outside) t.equal(await redis.get(key), 'kept', `${key} untouched`)
})

t.test('DELETE pattern/:pattern refuses empty, long, control-character and malformed patterns', async (t) => {
  const app = await build(t)
  const root = await admin(app)
  const cases = {
    empty: '',
    'too long': 'a'.repeat(201),
    'a control character': encodeURIComponent('form:\u0001*'),
    'a newline': encodeURIComponent('form:\n*'),
    DEL: encodeURIComponent('form:\u007f'),
    'a class out of order': encodeURIComponent('form:[z-a]'),
    // what Redis would read differently from what it seems to say
    'an unclosed class': encodeURIComponent('form:[ab*'),
    'a dash before ]': encodeURIComponent('form:[a-]*'),
    'a trailing backslash': encodeURIComponent('form:\\')
  }
  for (const [name, pattern] of Object.entries(cases)) {
    const res = await app.inject({ method: 'DELETE', url: `${BASE}/pattern/${pattern}`, headers: root.headers })
    t.equal(res.statusCode, 400, name)
    t.match(res.json(), { statusCode: 400, error: 'Bad Request', message: /pattern/ }, name)
  }
  const longest = await app.inject({ method: 'DELETE', url: `${BASE}/pattern/${'a'.repeat(200)}`, headers: root.headers })
  t.equal(longest.statusCode, 200, '200 characters are fine')
})

t.test('POST warmup with ids: reads them from the database, skips and reports unknown ones', async (t) => {
  const app = await build(t)
  const root = await admin(app)
  const editor = await createUser(app, 'editor', root)
  const published = await createForm(app, editor, { title: 'Published' })
  const draft = await createForm(app, editor, { title: 'Draft', status: 'draft' })
  await app.cache.clearAll()
  const [unknownForm, unknownUser] = [newObjectId(), newObjectId()]

  const res = await app.inject({
    method: 'POST',
    url: `${BASE}/warmup`,
    headers: root.headers,
    payload: {
      // as the original API sent them: objects with an id (and content that must not be cached)
      forms: [{ id: published.id, title: 'Injected', schema: { fields: [] } }, draft.id, unknownForm, published.id],
      users: [{ id: editor.id, email: 'injected@example.test' }, unknownUser]
    }
  })
  t.equal(res.statusCode, 200)
  t.match(res.json(), {
    source: 'request', forms_warmed: 2, users_warmed: 1, forms_not_found: [unknownForm], users_not_found: [unknownUser], duration_ms: Number
  })

  const reads = app.repositories.counts.reads
  const form = await app.forms.loadForm(published.id)
  t.equal(form.title, 'Published', 'the database\'s content, never the request\'s')
  t.same(form, published)
  t.equal((await app.forms.loadForm(draft.id)).title, 'Draft')
  t.match(await app.users.lookup(editor.id), { id: editor.id, email: editor.email })
  t.equal(app.repositories.counts.reads, reads, 'the read paths hit the warmed entries: no database read')
})

t.test('POST warmup without a body warms the most recently updated published forms and the users', async (t) => {
  const app = await build(t)
  const root = await admin(app)
  const editor = await createUser(app, 'editor', root)
  const published = [await createForm(app, editor), await createForm(app, editor)]
  const draft = await createForm(app, editor, { status: 'draft' })

  for (const payload of [undefined, {}]) {
    await app.cache.clearAll()
    const res = await app.inject({ method: 'POST', url: `${BASE}/warmup`, headers: root.headers, ...(payload === undefined ? {} : { payload }) })
    t.equal(res.statusCode, 200, payload === undefined ? 'no body' : 'an empty object')
    t.match(res.json(), { source: 'database', forms_warmed: 2, users_warmed: 2, forms_not_found: [], users_not_found: [] })
  }

  const reads = app.repositories.counts.reads
  for (const form of published) await app.forms.loadForm(form.id)
  await app.users.lookup(editor.id)
  t.equal(app.repositories.counts.reads, reads, 'published forms and users are cached')
  await app.forms.loadForm(draft.id)
  t.equal(app.repositories.counts.reads, reads + 1, 'drafts are not warmed from the database')
})

t.test('POST warmup refuses malformed bodies', async (t) => {
  const app = await build(t)
  const root = await admin(app)
  for (const payload of [{ forms: ['not-an-id'] }, { forms: [{ title: 'no id' }] }, { forms: 'x' }, { everything: true }]) {
    const res = await app.inject({ method: 'POST', url: `${BASE}/warmup`, headers: root.headers, payload })
    t.equal(res.statusCode, 400, JSON.stringify(payload))
  }
})

t.test('DELETE form/:form_id and user/:user_id return the counts per kind and are logged', async (t) => {
  const app = await build(t)
  const root = await admin(app)
  const editor = await createUser(app, 'editor', root)
  const form = await createForm(app, editor)
  await cached(app, [form.id])
  await app.users.lookup(editor.id)

  const formRes = await app.inject({ method: 'DELETE', url: `${BASE}/form/${form.id}`, headers: root.headers })
  t.equal(formRes.statusCode, 200)
  t.same(Object.keys(formRes.json()).sort(), [...COUNT_FIELDS].sort())
  t.match(formRes.json(), { form_schemas_invalidated: 1, user_sessions_invalidated: 0 })

  const userRes = await app.inject({ method: 'DELETE', url: `${BASE}/user/${editor.id}`, headers: root.headers })
  t.equal(userRes.statusCode, 200)
  t.match(userRes.json(), { user_sessions_invalidated: 1, form_schemas_invalidated: 0 })

  const log = await app.inject({ url: `${BASE}/invalidations?limit=2`, headers: root.headers })
  t.match(log.json().items, [
    { event: 'invalidate_user', args: { user_id: editor.id }, counts: { user_sessions_invalidated: 1 }, instance: app.cache.instanceId },
    { event: 'invalidate_form', args: { form_id: form.id }, counts: { form_schemas_invalidated: 1 } }
  ])

  for (const url of [`${BASE}/form/not-an-id`, `${BASE}/user/${'A'.repeat(24)}`]) {
    t.equal((await app.inject({ method: 'DELETE', url, headers: root.headers })).statusCode, 400, url)
  }
})

t.test('DELETE all and DELETE pattern go through the invalidation service: logged, counted in the metric', async (t) => {
  const app = await build(t)
  const root = await admin(app)
  const editor = await createUser(app, 'editor', root)
  const form = await createForm(app, editor)
  await cached(app, [form.id])

  const pattern = 'form:schema:*'
  const byPattern = await app.inject({ method: 'DELETE', url: `${BASE}/pattern/${encodeURIComponent(pattern)}`, headers: root.headers })
  t.equal(byPattern.statusCode, 200)
  await cached(app, [form.id])
  t.equal((await app.inject({ method: 'DELETE', url: `${BASE}/all`, headers: root.headers })).statusCode, 200)

  const log = await app.inject({ url: `${BASE}/invalidations?limit=2`, headers: root.headers })
  t.match(log.json().items, [
    { event: 'clear_all', args: {}, counts: { form_schemas_invalidated: 1 }, instance: app.cache.instanceId },
    { event: 'invalidate_pattern', args: { pattern }, counts: { form_schemas_invalidated: 1 } }
  ])
  const scrape = (await app.inject({ url: '/metrics' })).body
  t.match(scrape, /^cache_invalidations_total\{event="clear_all"\} 1$/m, 'clear_all counted')
  t.match(scrape, /^cache_invalidations_total\{event="invalidate_pattern"\} 1$/m, 'invalidate_pattern counted')
})

t.test('GET invalidations: newest first, limited, the limit validated', async (t) => {
  const app = await build(t)
  const root = await admin(app)
  const ids = [newObjectId(), newObjectId(), newObjectId()]
  for (const id of ids) await app.invalidation.onDashboardUpdated(id)
  const res = await app.inject({ url: `${BASE}/invalidations?limit=2`, headers: root.headers })
  t.equal(res.statusCode, 200)
  t.same(res.json().items.map((r: { args: { user_id: string } }) => r.args.user_id), [ids[2], ids[1]])
  t.match(res.json().items[0], { event: 'on_dashboard_updated', at: String, counts: { api_responses_invalidated: 0 } })
  t.ok((await app.inject({ url: `${BASE}/invalidations`, headers: root.headers })).json().items.length >= 3, 'a default limit')
  for (const limit of ['0', '1001', 'many']) {
    t.equal((await app.inject({ url: `${BASE}/invalidations?limit=${limit}`, headers: root.headers })).statusCode, 400, `limit=${limit}`)
  }
})

t.test('GET health and GET config on Redis', async (t) => {
  const app = await build(t)
  const root = await admin(app)
  const health = await app.inject({ url: `${BASE}/health`, headers: root.headers })
  t.equal(health.statusCode, 200)
  t.match(health.json(), { status: 'healthy', backend: 'redis', connected: true, ping_ms: Number, breaker: 'closed', subscribed: true, last_error: null })

  const config = await app.inject({ url: `${BASE}/config`, headers: root.headers })
  t.equal(config.statusCode, 200)
  t.match(config.json(), {
    enabled: true,
    op_timeout_ms: 1000,
    l1_enabled: true,
    warmup_on_start: false,
    key_prefix: app.config.redis.keyPrefix,
    kinds: {
      form_schema: { ttl: 3600, max_entries: 1000, key_prefix: 'form:schema:' },
      api_response: { ttl: 60, max_entries: 10000, key_prefix: 'api:response:' }
    },
    redis: { port: 6379, db: 0, password_set: false, max_memory: '256mb', max_connections: 50 }
  })
  t.notOk('password' in config.json().redis)
})

t.test('GET config never shows the Redis password; without Redis the service runs degraded on memory', async (t) => {
  const password = 'correct-horse-battery-staple-9f3k'
  const app = await build(t, { REDIS_PASSWORD: password, REDIS_HOST: '127.0.0.1', REDIS_PORT: String(await freePort()) })
  const root: TestUser = await admin(app)

  const config = await app.inject({ url: `${BASE}/config`, headers: root.headers })
  t.equal(config.statusCode, 200)
  t.equal(config.json().redis.password_set, true)
  t.notOk(config.body.includes(password), 'the password appears nowhere in the body')
  t.notOk(config.body.includes(password.slice(0, 8)), 'not even in part')

  const health = await app.inject({ url: `${BASE}/health`, headers: root.headers })
  t.match(health.json(), { status: 'degraded', backend: 'memory', connected: false, ping_ms: null, breaker: /open/, last_error: String })
  const stats = await app.inject({ url: `${BASE}/stats`, headers: root.headers })
  t.match(stats.json(), { backend: 'memory', connected: false, tiers: { l2: { used_memory: null } } })
  for (const res of [health, stats]) t.notOk(res.body.includes(password), 'nor in health or stats')
})

import { join } from 'node:path'
import t, { type Test } from 'tap'
import type { FastifyInstance } from 'fastify'
import { cacheEntries, type CacheEntry } from '../services/caching/cache-entries.js'
import type { CacheKind } from '../services/cache/kinds.js'
import { createInvalidationService, type InvalidationCounts } from '../services/caching/invalidation.js'
import { newObjectId } from '../services/repositories/ids.js'
import { responseTags, tags } from '../services/caching/tags.js'
import { admin, build, createForm, createUser, tempDir, uniquePrefix } from './support/app.js'
import { ownRedis } from './support/cache.js'
import { until } from './support/wait.js'

/** Two app instances on one Redis key prefix (and one database), as two service processes. */
async function pair (t: Test) {
  const env = { REDIS_KEY_PREFIX: uniquePrefix(), SQLITE_PATH: join(tempDir(t), 'forms.db') }
  const a = await build(t, env)
  const b = await build(t, env)
  await until(async () => (await b.cache.health()).subscribed && (await a.cache.health()).subscribed, 10_000, 'subscriptions')
  return { a, b }
}

interface Entry { name: string, kind: CacheKind, key: string, tags: readonly string[] }

/**
 * A known cache state: entries of every kind for two forms (F owned by O, G
 * owned by P), their owners and an admin A, tagged exactly as the read paths
 * tag them (services/caching/cache-entries.ts, and services/caching/tags.ts `responseTags`
 * for the HTTP response cache).
 */
function knownState () {
  const [F, G, O, P, A] = [newObjectId(), newObjectId(), newObjectId(), newObjectId(), newObjectId()]
  const entry = (name: string, kind: CacheKind, key: string, entryTags: readonly string[]): Entry => ({ name, kind, key, tags: entryTags })
  const readPath = (name: string, cached: CacheEntry) => entry(name, cached.kind, cached.key, cached.tags)
  const on = (formId: string) => ({ params: { form_id: formId } })
  const as = (id: string, role: string) => ({ params: {}, user: { id, role } })
  const entries = [
    readPath('schema F', cacheEntries.form(F)),
    readPath('schema G', cacheEntries.form(G)),
    entry('GET schema F', 'form_schema', `GET /forms/${F}/schema`, responseTags.form(on(F))),
    readPath('session O', cacheEntries.userSession(O)),
    readPath('session P', cacheEntries.userSession(P)),
    entry('form list', 'query_result', 'GET /forms', responseTags.formLists()),
    entry('analytics F', 'query_result', `GET /forms/${F}/analytics`, responseTags.formResponses(on(F))),
    entry('responses F', 'query_result', `GET /forms/${F}/responses`, responseTags.formResponses(on(F))),
    entry('analytics G', 'query_result', `GET /forms/${G}/analytics`, responseTags.formResponses(on(G))),
    entry('widgets O', 'dashboard_widget', `GET /dashboard/widgets/forms_by_status ${O}`, responseTags.widgets(as(O, 'editor'))),
    entry('widgets P', 'dashboard_widget', `GET /dashboard/widgets/forms_by_status ${P}`, responseTags.widgets(as(P, 'editor'))),
    entry('widgets A', 'dashboard_widget', `GET /dashboard/widgets/forms_by_status ${A}`, responseTags.widgets(as(A, 'admin'))),
    entry('GET form F', 'api_response', `GET /forms/${F}`, responseTags.form(on(F))),
    entry('GET webhooks F by O', 'api_response', `GET /forms/${F}/webhooks ${O}`, [tags.formWebhooks(F), tags.form(F), tags.user(O)]),
    entry('GET dashboard O', 'api_response', `GET /dashboard ${O}`, responseTags.dashboard(as(O, 'editor')))
  ]
  return { F, G, O, P, entries }
}

type State = ReturnType<typeof knownState>

const counts = (c: Partial<InvalidationCounts>): InvalidationCounts => ({
  form_schemas_invalidated: 0,
  query_results_invalidated: 0,
  dashboard_widgets_invalidated: 0,
  api_responses_invalidated: 0,
  user_sessions_invalidated: 0,
  ...c
})

const FORM_F = ['schema F', 'GET schema F', 'analytics F', 'responses F', 'GET form F', 'GET webhooks F by O']

/** Each handler, called on the known state: the counts it must return and the entries it must drop. */
const CASES: Array<{ title: string, call: (app: FastifyInstance, s: State) => Promise<InvalidationCounts>, counts: InvalidationCounts, dropped: string[] }> = [
  {
    title: 'on_form_created drops the form lists and the widgets over the owner\'s and everyone\'s forms',
    call: (app, s) => app.invalidation.onFormCreated({ id: newObjectId(), owner_id: s.O }),
    counts: counts({ query_results_invalidated: 1, dashboard_widgets_invalidated: 2 }),
    dropped: ['form list', 'widgets O', 'widgets A']
  },
  {
    title: 'on_form_updated drops everything showing the form, the lists and its owner\'s widgets',
    call: (app, s) => app.invalidation.onFormUpdated({ id: s.F, owner_id: s.O }),
    counts: counts({ form_schemas_invalidated: 2, query_results_invalidated: 3, dashboard_widgets_invalidated: 2, api_responses_invalidated: 2 }),
    dropped: [...FORM_F, 'form list', 'widgets O', 'widgets A']
  },
  {
    title: 'on_form_updated with a new owner drops the widgets of both owners',
    call: (app, s) => app.invalidation.onFormUpdated({ id: s.F, owner_id: s.P }, s.O),
    counts: counts({ form_schemas_invalidated: 2, query_results_invalidated: 3, dashboard_widgets_invalidated: 3, api_responses_invalidated: 2 }),
    dropped: [...FORM_F, 'form list', 'widgets O', 'widgets P', 'widgets A']
  },
  {
    title: 'on_form_deleted drops everything about the form, its responses and webhooks',
    call: (app, s) => app.invalidation.onFormDeleted({ id: s.F, owner_id: s.O }),
    counts: counts({ form_schemas_invalidated: 2, query_results_invalidated: 3, dashboard_widgets_invalidated: 2, api_responses_invalidated: 2 }),
    dropped: [...FORM_F, 'form list', 'widgets O', 'widgets A']
  },
  {
    title: 'on_response_submitted drops what is computed from the responses, never the schema',
    call: (app, s) => app.invalidation.onResponseSubmitted({ id: s.F, owner_id: s.O }, newObjectId()),
    counts: counts({ query_results_invalidated: 2, dashboard_widgets_invalidated: 2 }),
    dropped: ['analytics F', 'responses F', 'widgets O', 'widgets A']
  },
  {
    title: 'on_response_updated drops what is computed from the responses, never the schema',
    call: (app, s) => app.invalidation.onResponseUpdated({ id: s.F, owner_id: s.O }, newObjectId()),
    counts: counts({ query_results_invalidated: 2, dashboard_widgets_invalidated: 2 }),
    dropped: ['analytics F', 'responses F', 'widgets O', 'widgets A']
  },
  {
    title: 'on_user_permission_changed drops the user\'s session and everything cached for them',
    call: (app, s) => app.invalidation.onUserPermissionChanged(s.O),
    counts: counts({ user_sessions_invalidated: 1, dashboard_widgets_invalidated: 1, api_responses_invalidated: 2 }),
    dropped: ['session O', 'widgets O', 'GET webhooks F by O', 'GET dashboard O']
  },
  {
    title: 'on_user_updated drops the user\'s session and everything cached for them',
    call: (app, s) => app.invalidation.onUserUpdated(s.O),
    counts: counts({ user_sessions_invalidated: 1, dashboard_widgets_invalidated: 1, api_responses_invalidated: 2 }),
    dropped: ['session O', 'widgets O', 'GET webhooks F by O', 'GET dashboard O']
  },
  {
    title: 'on_webhook_config_changed drops the form\'s webhook listings only',
    call: (app, s) => app.invalidation.onWebhookConfigChanged(newObjectId(), s.F),
    counts: counts({ api_responses_invalidated: 1 }),
    dropped: ['GET webhooks F by O']
  },
  {
    title: 'on_dashboard_updated drops the user\'s dashboard layout only',
    call: (app, s) => app.invalidation.onDashboardUpdated(s.O),
    counts: counts({ api_responses_invalidated: 1 }),
    dropped: ['GET dashboard O']
  },
  {
    title: 'invalidate_form (admin) drops everything cached for the form',
    call: (app, s) => app.invalidation.invalidateForm(s.F),
    counts: counts({ form_schemas_invalidated: 2, query_results_invalidated: 2, api_responses_invalidated: 2 }),
    dropped: FORM_F
  },
  {
    title: 'invalidate_user (admin) drops everything cached for the user',
    call: (app, s) => app.invalidation.invalidateUser(s.O),
    counts: counts({ user_sessions_invalidated: 1, dashboard_widgets_invalidated: 1, api_responses_invalidated: 2 }),
    dropped: ['session O', 'widgets O', 'GET webhooks F by O', 'GET dashboard O']
  }
]

/** The entry as `app` sees it: undefined when neither tier has it, else the tier it came from. */
async function tierOf (app: FastifyInstance, e: Entry) {
  const { hit } = await app.cache.lookup(e.kind, e.key, e.tags, { count: false })
  return hit?.tier
}

for (const c of CASES) {
  t.test(`${c.title}; on every instance`, async (t) => {
    const { a, b } = await pair(t)
    const state = knownState()
    for (const e of state.entries) t.ok(await a.cache.set(e.kind, e.key, { name: e.name }, { tags: e.tags }), `stored ${e.name}`)
    // B reads everything once: from Redis, then from its own L1
    for (const e of state.entries) t.equal(await tierOf(b, e), 'l2', `${e.name} read by B from Redis`)
    for (const e of state.entries) t.equal(await tierOf(b, e), 'l1', `${e.name} now in B's L1`)

    t.same(await c.call(a, state), c.counts, 'the counts per kind')

    const dropped = state.entries.filter((e) => c.dropped.includes(e.name))
    const kept = state.entries.filter((e) => !c.dropped.includes(e.name))
    t.equal(dropped.length, c.dropped.length, 'every dropped name is in the state')
    for (const e of dropped) t.equal(await tierOf(a, e), undefined, `${e.name} gone on A`)
    // B's L1 is told on pub/sub: poll until the message arrived
    await until(async () => (await Promise.all(dropped.map((e) => tierOf(b, e)))).every((tier) => tier === undefined), 2000, 'drops on B')
    t.pass('dropped entries are gone on B, its L1 included')
    for (const e of kept) t.equal(await tierOf(b, e), 'l1', `${e.name} kept in B's L1`)
    for (const e of kept) t.equal(await tierOf(a, e), 'l1', `${e.name} kept on A`)
  })
}

t.test('the invalidation log is bounded, newest first, and counts calls per event', async (t) => {
  const zero = { form_schema: 0, user_session: 0, query_result: 0, dashboard_widget: 0, api_response: 0 }
  const calls: string[][] = []
  const service = createInvalidationService({
    cache: {
      instanceId: 'instance-1',
      invalidateTags: async (list) => { calls.push([...list]); return { counts: { ...zero, user_session: 1 }, delivered: true } },
      deleteMatching: async () => { throw new Error('not called') },
      deleteAll: async () => { throw new Error('not called') }
    },
    logSize: 3
  })
  const users = ['u1', 'u2', 'u3', 'u4', 'u5']
  for (const id of users) await service.onUserUpdated(id)
  await service.onDashboardUpdated('u1')

  const log = service.recent(10)
  t.equal(log.length, 3, 'only the last 3 calls are kept')
  t.same(log.map((r) => r.event), ['on_dashboard_updated', 'on_user_updated', 'on_user_updated'])
  t.same(log.map((r) => r.args), [{ user_id: 'u1' }, { user_id: 'u5' }, { user_id: 'u4' }], 'newest first')
  t.match(log[1], { counts: counts({ user_sessions_invalidated: 1 }), instance: 'instance-1' })
  t.ok(log.every((r) => !Number.isNaN(Date.parse(r.at))), 'each record has its time')
  t.same(service.recent(1).map((r) => r.event), ['on_dashboard_updated'], 'limit')
  t.same([...service.totals()], [['on_user_updated', 5], ['on_dashboard_updated', 1]], 'totals are not bounded by the log')
  t.same(calls[0], [tags.user('u1')])
})

t.test('write routes call their handler after the write succeeded', async (t) => {
  const app = await build(t)
  const root = await admin(app)
  const editor = await createUser(app, 'editor', root)
  const form = await createForm(app, editor)
  const latest = () => app.invalidation.recent(1)[0]

  t.match(latest(), { event: 'on_form_created', args: { form_id: form.id } }, 'POST /forms')

  const patched = await app.inject({ method: 'PATCH', url: `/api/v1/forms/${form.id}`, headers: editor.headers, payload: { title: 'Renamed' } })
  t.equal(patched.statusCode, 200)
  t.match(latest(), { event: 'on_form_updated', args: { form_id: form.id } }, 'PATCH /forms/:id')

  const refused = await app.inject({
    method: 'PATCH', url: `/api/v1/forms/${form.id}`, headers: { ...editor.headers, 'if-match': '"stale"' }, payload: { title: 'Nope' }
  })
  t.equal(refused.statusCode, 412)
  t.match(latest(), { event: 'on_form_updated' }, 'a refused write invalidates nothing')
  t.equal(app.invalidation.totals().get('on_form_updated'), 1)

  const submitted = await app.inject({ method: 'POST', url: `/api/v1/forms/${form.id}/responses`, payload: { answers: { full_name: 'Ada' } } })
  t.equal(submitted.statusCode, 201)
  t.match(latest(), { event: 'on_response_submitted', args: { form_id: form.id, response_id: submitted.json().id } }, 'POST responses')

  const promoted = await app.inject({ method: 'PATCH', url: `/api/v1/users/${editor.id}`, headers: root.headers, payload: { role: 'admin' } })
  t.equal(promoted.statusCode, 200)
  t.match(latest(), { event: 'on_user_permission_changed', args: { user_id: editor.id } }, 'a role change')

  const renamed = await app.inject({ method: 'PATCH', url: `/api/v1/users/${editor.id}`, headers: root.headers, payload: { name: 'Ada L.' } })
  t.equal(renamed.statusCode, 200)
  t.match(latest(), { event: 'on_user_updated', args: { user_id: editor.id } }, 'another change to a user')

  const dashboard = await app.inject({ method: 'PUT', url: '/api/v1/dashboard', headers: root.headers, payload: { widgets: [] } })
  t.equal(dashboard.statusCode, 200)
  t.match(latest(), { event: 'on_dashboard_updated', args: { user_id: root.id } }, 'PUT /dashboard')
})

t.test('a form changed on one instance is served fresh by the other as soon as the invalidation arrives', async (t) => {
  const { a, b } = await pair(t)
  const editor = await createUser(a, 'editor')
  const form = await createForm(a, editor, { title: 'Before' })
  const schema = () => b.inject({ url: `/api/v1/forms/${form.id}/schema` })
  t.equal((await schema()).json().title, 'Before')
  t.equal((await schema()).json().title, 'Before', 'now cached on B')
  const patched = await a.inject({ method: 'PATCH', url: `/api/v1/forms/${form.id}`, headers: editor.headers, payload: { title: 'After' } })
  t.equal(patched.statusCode, 200)
  await until(async () => (await schema()).json().title === 'After', 1000, 'B serves the new title')
  t.pass('B serves the new title')
})

t.test('a write\'s invalidation is recorded in the outbox: done once Redis took it, relayed once Redis is back when it did not', async (t) => {
  const redis = await ownRedis(t)
  const app = await build(t, { REDIS_HOST: '127.0.0.1', REDIS_PORT: String(redis.port), CACHE_OP_TIMEOUT_MS: '200', OUTBOX_POLL_MS: '50' })
  const editor = await createUser(app, 'editor')
  const form = await createForm(app, editor)
  // on a loaded machine a 200 ms deadline can be missed: then the relay delivers it shortly
  await until(async () => await app.repositories.outbox.pending() === 0, 15_000, 'nothing pending while Redis answers')

  await redis.stop()
  const patched = await app.inject({ method: 'PATCH', url: `/api/v1/forms/${form.id}`, headers: editor.headers, payload: { title: 'Offline' } })
  t.equal(patched.statusCode, 200, 'the write is answered without Redis')
  t.ok(await app.repositories.outbox.pending() >= 1, 'its invalidation waits in the outbox')
  await redis.start()
  await until(async () => await app.repositories.outbox.pending() === 0, 15_000, 'the relay to deliver it')
  t.ok(app.invalidation.recent(50).some((record) => record.event === 'outbox_relay'), 'relayed, logged as outbox_relay')
})

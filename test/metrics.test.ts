import t from 'tap'
import type { FastifyInstance } from 'fastify'
import { admin, build, createForm, createUser } from './support/app.js'
import { freePort } from './support/ports.js'
import { until } from './support/wait.js'

/** Scrapes GET /metrics: series (`name{labels}`, as exposed) → value. */
async function scrape (app: FastifyInstance) {
  const res = await app.inject({ url: '/metrics' })
  if (res.statusCode !== 200) throw new Error(`GET /metrics: ${res.statusCode}`)
  const series = new Map<string, number>()
  for (const line of res.body.split('\n')) {
    if (line === '' || line.startsWith('#')) continue
    const at = line.lastIndexOf(' ')
    series.set(line.slice(0, at), Number(line.slice(at + 1)))
  }
  return { text: res.body, res, value: (name: string) => series.get(name) ?? 0, series }
}

const METRICS = ['cache_hits_total', 'cache_misses_total', 'cache_writes_total', 'cache_evictions_total', 'cache_entries', 'cache_errors_total',
  'cache_backend_up', 'cache_breaker_state', 'cache_invalidations_total', 'db_reads_total', 'db_writes_total', 'http_request_duration_seconds',
  // process defaults
  'process_cpu_user_seconds_total', 'process_resident_memory_bytes', 'nodejs_eventloop_lag_seconds', 'nodejs_heap_size_used_bytes']

t.test('GET /metrics is public Prometheus text with every metric documented', async (t) => {
  const app = await build(t)
  const { res, text, value } = await scrape(app)
  t.equal(res.headers['content-type'], 'text/plain; version=0.0.4; charset=utf-8')
  for (const name of METRICS) t.match(text, new RegExp(`^# HELP ${name} .+\\n# TYPE ${name} \\w+$`, 'm'), name)
  t.match(text, /^# TYPE cache_hits_total counter$/m)
  t.match(text, /^# TYPE cache_backend_up gauge$/m)
  t.match(text, /^# TYPE http_request_duration_seconds histogram$/m)
  t.match(text, /^# HELP cache_breaker_state .*0 closed.*1 half_open.*2 open/m, 'the breaker\'s numbers are explained')
  for (const kind of ['form_schema', 'user_session', 'query_result', 'dashboard_widget', 'api_response']) {
    for (const tier of ['l1', 'l2']) t.ok(text.includes(`cache_hits_total{kind="${kind}",tier="${tier}"}`), `hits of ${kind} in ${tier}`)
    for (const name of ['cache_misses_total', 'cache_writes_total', 'cache_evictions_total']) t.ok(text.includes(`${name}{kind="${kind}"}`), `${name} of ${kind}`)
  }
  t.equal(value('cache_backend_up'), 1, 'Redis serves the cache')
  t.equal(value('cache_breaker_state'), 0, 'closed')
  t.equal(value('cache_errors_total'), 0)
})

t.test('the cache and database figures move with hits, misses, evictions, invalidations, reads and writes', async (t) => {
  const app = await build(t, { CACHE_MAX_ENTRIES_FORM_SCHEMA: '2' })
  const editor = await createUser(app, 'editor')
  const forms = [await createForm(app, editor), await createForm(app, editor), await createForm(app, editor)]
  const hits = 'cache_hits_total{kind="form_schema",tier="l1"}'
  const misses = 'cache_misses_total{kind="form_schema"}'
  const writes = 'cache_writes_total{kind="form_schema"}'
  const evictions = 'cache_evictions_total{kind="form_schema"}'

  const before = await scrape(app)
  // the form_schema read path: a miss, a hit, then two misses (the third form pushes the first out of both tiers)
  for (const id of [forms[0].id, forms[0].id, forms[1].id, forms[2].id]) await app.forms.loadForm(id)
  await until(async () => (await scrape(app)).value(evictions) === 2, 2000, 'the eviction in Redis')
  const after = await scrape(app)
  t.equal(after.value(hits) - before.value(hits), 1, 'hits')
  t.equal(after.value(misses) - before.value(misses), 3, 'misses')
  t.equal(after.value(writes) - before.value(writes), 3, 'writes')
  t.equal(after.value(evictions) - before.value(evictions), 2, 'evictions, L1 and Redis')
  t.equal(after.value('cache_entries{kind="form_schema",tier="l1"}'), 2)
  t.equal(after.value('db_reads_total') - before.value('db_reads_total'), 3, 'one database read per miss')
  t.equal(after.value('db_writes_total'), before.value('db_writes_total'), 'no write')

  const patched = await app.inject({ method: 'PATCH', url: `/api/v1/forms/${forms[0].id}`, headers: editor.headers, payload: { title: 'New' } })
  t.equal(patched.statusCode, 200)
  const last = await scrape(app)
  t.equal(last.value('cache_invalidations_total{event="on_form_updated"}'), 1, 'the handler call')
  t.equal(last.value('cache_invalidations_total{event="on_form_created"}'), 3)
  t.equal(last.value('db_writes_total') - after.value('db_writes_total'), 1, 'the update')
})

t.test('request durations are labelled by route pattern and status, never by raw URL', async (t) => {
  const app = await build(t)
  const root = await admin(app)
  const form = await createForm(app, root)
  t.equal((await app.inject({ url: `/api/v1/forms/${form.id}`, headers: root.headers })).statusCode, 200)
  t.equal((await app.inject({ url: '/api/v1/forms/ffffffffffffffffffffffff', headers: root.headers })).statusCode, 404)
  t.equal((await app.inject({ url: `/no/such/${form.id}` })).statusCode, 404)

  const { text, value } = await scrape(app)
  const series = (route: string, status: number) => `http_request_duration_seconds_count{method="GET",route="${route}",status_code="${status}"}`
  t.equal(value(series('/api/v1/forms/:form_id', 200)), 1)
  t.equal(value(series('/api/v1/forms/:form_id', 404)), 1)
  t.equal(value(series('unmatched', 404)), 1, 'requests no route matched share one label')
  t.ok(text.includes('http_request_duration_seconds_bucket{le="0.005",method="GET",route="/api/v1/forms/:form_id",status_code="200"}'))
  t.notOk(text.includes(form.id), 'no id in any label')
})

t.test('each app instance has its own registry', async (t) => {
  const a = await build(t)
  const b = await build(t)
  const editor = await createUser(a, 'editor')
  const form = await createForm(a, editor)
  await a.forms.loadForm(form.id)
  t.equal((await scrape(a)).value('cache_misses_total{kind="form_schema"}'), 1)
  t.equal((await scrape(b)).value('cache_misses_total{kind="form_schema"}'), 0, 'B counts only its own')
})

t.test('without Redis: the backend is down and the breaker open', async (t) => {
  const app = await build(t, { REDIS_HOST: '127.0.0.1', REDIS_PORT: String(await freePort()) })
  const { value } = await scrape(app)
  t.equal(value('cache_backend_up'), 0)
  t.ok(value('cache_breaker_state') >= 1, 'open (or half_open while a probe runs)')
})

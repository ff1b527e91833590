import t from 'tap'
import { admin, build, createForm } from './support/app.js'

const ID = 'f'.repeat(24)
const PARAMS: Record<string, string> = { form_id: ID, user_id: ID, response_id: ID, webhook_id: ID, widget_id: 'forms_by_status', pattern: 'form:*' }

// A valid body for every route that takes one: Fastify checks the body before the query string.
const BODIES: Record<string, unknown> = {
  'POST /api/v1/auth/login': { email: 'who@example.test', password: 'whatever' },
  'POST /api/v1/forms': { title: 'T' },
  'PUT /api/v1/forms/{form_id}': { title: 'T', status: 'draft', fields: [] },
  'PATCH /api/v1/forms/{form_id}': { title: 'T' },
  'POST /api/v1/forms/{form_id}/responses': { answers: {} },
  'PUT /api/v1/forms/{form_id}/responses/{response_id}': { answers: {} },
  'POST /api/v1/forms/{form_id}/webhooks': { url: 'https://example.com/hook', events: ['response.submitted'] },
  'PATCH /api/v1/forms/{form_id}/webhooks/{webhook_id}': { active: false },
  'PUT /api/v1/dashboard': { widgets: [] },
  'POST /api/v1/users': { email: 'new@example.test', name: 'N', password: 'a-long-password' },
  'PATCH /api/v1/users/me': { name: 'N' },
  'PATCH /api/v1/users/{user_id}': { name: 'N' },
  'POST /api/v1/admin/cache/warmup': {}
}

interface Operation { requestBody?: unknown }

t.test('every route refuses a query parameter it does not declare (400 naming it)', async (t) => {
  const app = await build(t)
  const root = await admin(app)
  const document = (await app.inject({ url: '/docs/json' })).json() as { paths: Record<string, Record<string, Operation>> }
  let checked = 0
  for (const [path, operations] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      const name = `${method.toUpperCase()} ${path}`
      const url = path.replace(/\{(\w+)\}/g, (_, param: string) => encodeURIComponent(PARAMS[param] ?? `unknown param ${param}`))
      if (operation.requestBody !== undefined && !(name in BODIES)) {
        t.fail(`${name}: add a valid body to BODIES`)
        continue
      }
      const res = await app.inject({ method: method.toUpperCase() as 'GET', url: `${url}?junk=1`, headers: root.headers, payload: BODIES[name] as object })
      t.equal(res.statusCode, 400, name)
      t.match(res.json(), { statusCode: 400, code: 'BAD_REQUEST', message: /^querystring .*"junk"/ }, name)
      checked++
    }
  }
  t.ok(checked >= 40, `${checked} operations`)
  // undocumented routes too: the API documentation and its assets, HEAD
  for (const url of ['/docs/json', '/docs/yaml', '/docs', '/docs/static/swagger-initializer.js', '/docs/static/swagger-ui.css']) {
    t.equal((await app.inject({ url: `${url}?cb=1` })).statusCode, 400, url)
    t.equal((await app.inject({ url })).statusCode, 200, `${url} without one`)
  }
  t.equal((await app.inject({ method: 'HEAD', url: '/health?x=1' })).statusCode, 400, 'HEAD')
  t.equal((await app.inject({ url: `/api/v1/forms/${ID}?junk=1`, headers: root.headers })).statusCode, 400, 'a cached route, before its cache')
})

t.test('declared parameters keep working, and unknown ones change nothing', async (t) => {
  const app = await build(t)
  const root = await admin(app)
  const form = await createForm(app, root)
  t.equal((await app.inject({ url: `/api/v1/forms/${form.id}/schema?cb=1` })).statusCode, 400, 'anonymous, public route')
  t.equal((await app.inject({ url: `/api/v1/forms/${form.id}/schema` })).statusCode, 200)
  t.equal((await app.inject({ url: '/api/v1/forms?status=published&q=survey&page=1&per_page=5', headers: root.headers })).json().total, 1)
})

t.test('page is at most 10,000 and per_page at most 100 on every list', async (t) => {
  const app = await build(t)
  const root = await admin(app)
  const form = await createForm(app, root)
  const lists = ['/api/v1/forms', '/api/v1/users', `/api/v1/forms/${form.id}/responses`, `/api/v1/forms/${form.id}/webhooks`]
  for (const list of lists) {
    const get = async (query: string) => (await app.inject({ url: `${list}?${query}`, headers: root.headers })).statusCode
    t.equal(await get('page=1e20'), 400, `${list}: page=1e20 (was a database error)`)
    t.equal(await get('page=10001'), 400, `${list}: page=10001`)
    t.equal(await get('page=0'), 400, `${list}: page=0`)
    t.equal(await get('page=1.5'), 400, `${list}: page=1.5`)
    t.equal(await get('per_page=101'), 400, `${list}: per_page=101`)
    t.equal(await get('page=10000&per_page=100'), 200, `${list}: the largest page`)
  }
  const last = await app.inject({ url: '/api/v1/forms?page=10000&per_page=100', headers: root.headers })
  t.match(last.json(), { items: [], page: 10000, per_page: 100, total: 1 })
})

import t from 'tap'
import { admin, bearer, build, createForm } from './support/app.js'
import { missingHeaders, needsToken, operations, servedDocument } from './support/openapi.js'

// one app for the GET and body checks (the rate-limit check starts its own, with a limit of 1)
const app = await build(t)

t.test('every GET answers as documented: its headers, no X-Cache where none is documented, 304 for its own ETag', async (t) => {
  const root = await admin(app)
  const form = await createForm(app, root)
  const response = await app.inject({ method: 'POST', url: `/api/v1/forms/${form.id}/responses`, payload: { answers: { full_name: 'Ada' } } })
  const webhook = await app.inject({
    method: 'POST',
    url: `/api/v1/forms/${form.id}/webhooks`,
    headers: root.headers,
    // an event this test never causes: nothing is delivered to this address
    payload: { url: 'https://hooks.example.com/conformance', events: ['response.updated'] }
  })
  const ids: Record<string, string> = {
    form_id: form.id, response_id: response.json().id, webhook_id: webhook.json().id, user_id: root.id, widget_id: 'forms_by_status'
  }
  const gets = operations(await servedDocument(app)).filter(({ method }) => method === 'get')
  t.ok(gets.length >= 20, `${gets.length} GET operations`)
  let notModified = 0
  for (const { path, op, name } of gets) {
    const url = path.replace(/\{(\w+)\}/g, (_, id: string) => ids[id]!)
    const headers = needsToken(op) ? bearer(root.token) : {}
    const first = await app.inject({ url, headers })
    t.equal(first.statusCode, 200, `${name} → 200`)
    t.same(missingHeaders(op, 200, first.headers), [], `${name}: the documented headers are sent`)
    const cached = op.responses['200']?.headers?.['X-Cache'] !== undefined
    t.equal(first.headers['x-cache'] !== undefined, cached, `${name}: X-Cache exactly where documented`)
    if (cached) {
      const hit = await app.inject({ url, headers })
      t.equal(hit.headers['x-cache'], 'HIT', `${name}: a hit`)
      t.type(hit.headers.age, 'string', `${name}: Age on a hit`)
    }
    const again = await app.inject({ url, headers: { ...headers, 'if-none-match': String(first.headers.etag) } })
    if (again.statusCode === 304) {
      notModified++
      t.equal(again.body, '', `${name}: no body`)
      t.same(missingHeaders(op, 304, again.headers), [], `${name}: the documented 304 headers are sent`)
    } else {
      // figures of the moment (stats, health): a new representation, with its own ETag
      t.not(again.headers.etag, first.headers.etag, `${name}: 304 unless it changed`)
    }
  }
  t.ok(notModified >= gets.length - 4, `${notModified} of ${gets.length} answered If-None-Match with 304`)
})

t.test('a body over 1 MiB is a 413, a body that is not JSON a 415, as documented', async (t) => {
  const root = await admin(app)
  const large = await app.inject({ method: 'POST', url: '/api/v1/forms', headers: { ...root.headers, 'content-type': 'application/json' }, payload: JSON.stringify({ title: 'x'.repeat(1024 * 1024) }) })
  t.match(large.json(), { statusCode: 413, code: 'PAYLOAD_TOO_LARGE' })
  const xml = await app.inject({ method: 'POST', url: '/api/v1/forms', headers: { ...root.headers, 'content-type': 'application/xml' }, payload: '<form/>' })
  t.match(xml.json(), { statusCode: 415, code: 'UNSUPPORTED_MEDIA_TYPE' })
})

t.test('a rate-limited route sends the documented rate-limit headers, and Retry-After with its 429', async (t) => {
  const limitedApp = await build(t, { RATE_LIMIT_LOGIN: '1' })
  const login = operations(await servedDocument(limitedApp)).find(({ op }) => op.operationId === 'login')!.op
  const wrong = { method: 'POST' as const, url: '/api/v1/auth/login', payload: { email: 'nobody@example.test', password: 'wrong-password' } }
  const first = await limitedApp.inject(wrong)
  t.equal(first.statusCode, 401)
  t.match(first.headers, { 'x-ratelimit-limit': '1', 'x-ratelimit-remaining': '0' })
  const limited = await limitedApp.inject(wrong)
  t.equal(limited.statusCode, 429)
  t.same(missingHeaders(login, 429, limited.headers), [], 'Retry-After and the X-RateLimit headers')
})

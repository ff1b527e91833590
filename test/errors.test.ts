import t from 'tap'
import { connect } from 'node:net'
import type { InjectOptions } from 'fastify'
import { ERROR_CODES } from '../services/infra/errors.js'
import { ADMIN, admin, bearer, build, createForm } from './support/app.js'

const ERROR_SHAPE = { statusCode: Number, error: String, message: String, code: String }

t.test('bad input gets a 4xx JSON error without a stack trace, and changes nothing', async (t) => {
  const app = await build(t)
  const root = await admin(app)
  const json = { ...root.headers, 'content-type': 'application/json' }
  const cases: Array<[string, InjectOptions, number]> = [
    ['malformed JSON', { method: 'POST', url: '/api/v1/forms', headers: json, payload: '{"title": ' }, 400],
    ['empty JSON body', { method: 'POST', url: '/api/v1/forms', headers: json, payload: '' }, 400],
    ['wrong type', { method: 'POST', url: '/api/v1/forms', headers: root.headers, payload: { title: 42 } }, 400],
    ['unknown field', { method: 'POST', url: '/api/v1/forms', headers: root.headers, payload: { title: 'x', colour: 'red' } }, 400],
    ['bad id', { method: 'GET', url: '/api/v1/forms/123', headers: root.headers }, 400],
    ['bad id (24 chars, not hex)', { method: 'GET', url: `/api/v1/forms/${'z'.repeat(24)}`, headers: root.headers }, 400],
    ['oversized body', { method: 'POST', url: '/api/v1/forms', headers: json, payload: JSON.stringify({ title: 'x', description: 'y'.repeat(2 * 1024 * 1024) }) }, 413],
    ['unsupported media type', { method: 'POST', url: '/api/v1/forms', headers: { ...root.headers, 'content-type': 'text/csv' }, payload: 'a,b' }, 415],
    ['a text/plain body', { method: 'POST', url: '/api/v1/forms', headers: { ...root.headers, 'content-type': 'text/plain' }, payload: '{"title":"x"}' }, 415],
    ['unknown route', { method: 'GET', url: '/api/v1/nope', headers: root.headers }, 404],
    ['unknown form', { method: 'GET', url: `/api/v1/forms/${'a'.repeat(24)}`, headers: root.headers }, 404],
    ['a parameter over 512 characters', { method: 'GET', url: `/api/v1/forms/${'a'.repeat(600)}`, headers: root.headers }, 414],
    ['a malformed URL', { method: 'GET', url: '/api/v1/forms/%zz', headers: root.headers }, 400],
    ['an unknown query parameter', { method: 'GET', url: '/api/v1/forms?junk=1', headers: root.headers }, 400]
  ]
  for (const [name, request, status] of cases) {
    const res = await app.inject(request)
    t.equal(res.statusCode, status, name)
    t.match(res.headers['content-type'], /^application\/json/, `${name}: JSON`)
    const body = res.json()
    t.match(body, { ...ERROR_SHAPE, statusCode: status }, `${name}: error shape`)
    t.ok(Object.hasOwn(ERROR_CODES, body.code), `${name}: ${body.code} is a documented code`)
    t.notMatch(res.body, /\bat .*\.(ts|js):\d+/, `${name}: no stack trace`)
  }
  const list = await app.inject({ url: '/api/v1/forms', headers: root.headers })
  t.equal(list.json().total, 0, 'no form was created by any of them')
})

t.test('a real fault is a 500 that hides its details', async (t) => {
  const app = await build(t)
  const root = await admin(app)
  await createForm(app, root)
  // the database goes away under the service
  await app.repositories.close()
  const res = await app.inject({ url: '/api/v1/forms', headers: root.headers })
  t.equal(res.statusCode, 500)
  t.same(res.json(), { statusCode: 500, error: 'Internal Server Error', message: 'Internal Server Error', code: 'INTERNAL_ERROR' })
  const ready = await app.inject({ url: '/health/ready' })
  t.equal(ready.statusCode, 503, 'readiness reports the database down')
  t.match(ready.json(), { status: 'unavailable', checks: { database: { status: 'down', detail: 'the database did not answer' } } })
  t.notMatch(ready.body, /connection|not open|sqlite/i, 'a state and a short reason, never the driver\'s error')
  t.equal((await app.inject({ url: '/health' })).statusCode, 200, 'liveness does not call dependencies')
})

t.test('readiness reports the cache: ready on Redis, degraded without it', async (t) => {
  const { freePort } = await import('./support/ports.js')
  const up = await build(t)
  const ready = await up.inject({ url: '/health/ready' })
  t.equal(ready.statusCode, 200)
  t.match(ready.json(), { status: 'ready', checks: { database: { status: 'up' }, cache: { status: 'up' } } })
  const down = await build(t, { REDIS_HOST: '127.0.0.1', REDIS_PORT: String(await freePort()) })
  const degraded = await down.inject({ url: '/health/ready' })
  t.equal(degraded.statusCode, 200, 'still serving')
  t.match(degraded.json(), { status: 'degraded', checks: { database: { status: 'up' }, cache: { status: 'degraded', detail: 'backend memory: Redis unavailable, serving from the in-process cache' } } })
  t.notMatch(degraded.body, /ECONNREFUSED|127\.0\.0\.1|connect/, 'not the Redis error, which names the address')
})

t.test('every code is documented once, and each status maps to one', async (t) => {
  const { codeOf } = await import('../services/infra/errors.js')
  for (const [code, { meaning }] of Object.entries(ERROR_CODES)) t.ok(meaning.length > 20, `${code} says what it means`)
  t.equal(codeOf(400, 'FST_ERR_VALIDATION'), 'BAD_REQUEST', 'a framework code becomes its status\' code')
  t.equal(codeOf(415, 'FST_ERR_CTP_INVALID_MEDIA_TYPE'), 'UNSUPPORTED_MEDIA_TYPE')
  t.equal(codeOf(409, 'DUPLICATE'), 'DUPLICATE', 'ours are kept')
  t.equal(codeOf(418), 'BAD_REQUEST')
  t.equal(codeOf(502), 'INTERNAL_ERROR')
  t.equal(codeOf(400, 'toString'), 'BAD_REQUEST', 'no inherited member passes for a code')
})

t.test('a 401 carries WWW-Authenticate: Bearer, with the RFC 6750 error for a bad token', async (t) => {
  const app = await build(t)
  const root = await admin(app)
  const none = await app.inject({ url: '/api/v1/users/me' })
  t.equal(none.statusCode, 401)
  t.equal(none.headers['www-authenticate'], 'Bearer realm="forms-api"', 'no token: the bare challenge')
  t.match(none.json(), { code: 'UNAUTHORIZED' })
  const invalid = await app.inject({ url: '/api/v1/users/me', headers: { authorization: 'Bearer not.a.token' } })
  t.equal(invalid.headers['www-authenticate'], 'Bearer realm="forms-api", error="invalid_token", error_description="The access token is not valid"')
  t.match(invalid.json(), { code: 'INVALID_TOKEN' })
  const expired = app.jwt.sign({ sub: root.id, iat: Math.floor(Date.now() / 1000) - 7200 } as { sub: string })
  const late = await app.inject({ url: '/api/v1/users/me', headers: bearer(expired) })
  t.equal(late.headers['www-authenticate'], 'Bearer realm="forms-api", error="invalid_token", error_description="The access token has expired"')
  const wrong = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: ADMIN.email, password: 'wrong-password' } })
  t.equal(wrong.headers['www-authenticate'], 'Bearer realm="forms-api"', 'a failed login too')
})

t.test('the login response, granted or refused, is never stored by a cache', async (t) => {
  const app = await build(t)
  const ok = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: ADMIN })
  const refused = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { ...ADMIN, password: 'wrong-password' } })
  for (const [name, res] of [['granted', ok], ['refused', refused]] as const) {
    t.equal(res.headers['cache-control'], 'no-store', name)
    t.equal(res.headers.pragma, 'no-cache', name)
  }
})

t.test('a request that arrives while the instance drains is a 503 in the same shape', async (t) => {
  const app = await build(t)
  await app.listen({ port: 0, host: '127.0.0.1' })
  const { port } = app.server.address() as { port: number }
  const socket = connect(port, '127.0.0.1')
  t.teardown(() => socket.destroy())
  await new Promise((resolve) => socket.once('connect', resolve))
  let received = ''
  socket.on('data', (chunk) => { received += chunk.toString() })
  // a request in flight (its body half sent) keeps the server draining; a second one follows on the same connection
  const body = JSON.stringify(ADMIN)
  socket.write(`POST /api/v1/auth/login HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: ${body.length}\r\n\r\n${body.slice(0, 5)}`)
  await new Promise((resolve) => setTimeout(resolve, 50))
  const closed = app.close()
  while (app.server.listening) await new Promise((resolve) => setTimeout(resolve, 5))
  socket.write(`${body.slice(5)}GET /health HTTP/1.1\r\nhost: x\r\n\r\n`)
  await closed
  while (!received.includes('SERVICE_UNAVAILABLE') && !socket.destroyed) await new Promise((resolve) => setTimeout(resolve, 5))
  const [, second] = received.split(/(?=HTTP\/1\.1 )/)
  t.match(received, /^HTTP\/1\.1 200 /, 'the request in flight was answered')
  t.match(second, /^HTTP\/1\.1 503 /)
  t.match(second, /connection: close/i)
  t.same(JSON.parse(second!.slice(second!.indexOf('\r\n\r\n') + 4)), {
    statusCode: 503, error: 'Service Unavailable', message: 'The service is shutting down: retry on another instance', code: 'SERVICE_UNAVAILABLE'
  })
})

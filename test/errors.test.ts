import t from 'tap'
import type { InjectOptions } from 'fastify'
import { admin, build, createForm } from './helper.js'

const ERROR_SHAPE = { statusCode: Number, error: String, message: String }

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
    ['unknown route', { method: 'GET', url: '/api/v1/nope', headers: root.headers }, 404],
    ['unknown form', { method: 'GET', url: `/api/v1/forms/${'a'.repeat(24)}`, headers: root.headers }, 404]
  ]
  for (const [name, request, status] of cases) {
    const res = await app.inject(request)
    t.equal(res.statusCode, status, name)
    t.match(res.headers['content-type'], /^application\/json/, `${name}: JSON`)
    const body = res.json()
    t.match(body, { ...ERROR_SHAPE, statusCode: status }, `${name}: error shape`)
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
  t.match(ready.json(), { status: 'unavailable', checks: { database: { status: 'down' } } })
  t.equal((await app.inject({ url: '/health' })).statusCode, 200, 'liveness does not call dependencies')
})

t.test('readiness reports the cache: ready on Redis, degraded without it', async (t) => {
  const { freePort } = await import('./cache-helper.js')
  const up = await build(t)
  const ready = await up.inject({ url: '/health/ready' })
  t.equal(ready.statusCode, 200)
  t.match(ready.json(), { status: 'ready', checks: { database: { status: 'up' }, cache: { status: 'up' } } })
  const down = await build(t, { REDIS_HOST: '127.0.0.1', REDIS_PORT: String(await freePort()) })
  const degraded = await down.inject({ url: '/health/ready' })
  t.equal(degraded.statusCode, 200, 'still serving')
  t.match(degraded.json(), { status: 'degraded', checks: { database: { status: 'up' }, cache: { status: 'degraded', detail: /memory/ } } })
})

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import t from 'tap'
import { build } from './helper.js'

const PUBLIC = new Set(['/health', '/health/ready', '/metrics', '/api/v1/auth/login', '/api/v1/forms/{form_id}/schema', '/api/v1/forms/{form_id}/responses'])

t.test('openapi.yaml is what the app serves (run `npm run openapi` after changing routes or schemas)', async (t) => {
  const app = await build(t)
  const served = await app.inject({ url: '/docs/yaml' })
  t.equal(served.statusCode, 200)
  const committed = readFileSync(join(import.meta.dirname, '..', 'openapi.yaml'), 'utf8')
  t.equal(served.body, committed)
})

t.test('Swagger UI is served at /docs', async (t) => {
  const app = await build(t)
  const ui = await app.inject({ url: '/docs/' })
  t.equal(ui.statusCode, 200)
  t.match(ui.headers['content-type'], /text\/html/)
  t.match(ui.body, /swagger/i)
})

t.test('every operation is tagged, documents its responses, and protected ones declare bearer auth', async (t) => {
  const app = await build(t)
  const doc = (await app.inject({ url: '/docs/json' })).json()
  t.equal(doc.openapi, '3.0.3')
  t.ok(doc.components.securitySchemes.bearerAuth)
  const operations = Object.entries(doc.paths as Record<string, Record<string, { tags?: string[], responses: Record<string, unknown>, security?: unknown[] }>>)
    .flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ path, method, op })))
  t.ok(operations.length >= 15, `${operations.length} operations`)
  for (const { path, method, op } of operations) {
    const name = `${method.toUpperCase()} ${path}`
    t.ok(op.tags !== undefined && op.tags.length > 0, `${name} is tagged`)
    const codes = Object.keys(op.responses)
    t.ok(codes.some((c) => c.startsWith('2')), `${name} documents its success`)
    if (!path.startsWith('/health') && path !== '/metrics') t.ok(codes.some((c) => c.startsWith('4')), `${name} documents its errors`)
    if (!PUBLIC.has(path)) {
      t.same(op.security, [{ bearerAuth: [] }], `${name} requires a bearer token`)
      t.ok(codes.includes('401'), `${name} documents 401`)
    }
  }
})

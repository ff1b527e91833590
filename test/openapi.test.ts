import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import t from 'tap'
import { ERROR_CODES } from '../services/infra/errors.js'
import { WIDGET_IDS } from '../schemas/dashboards.js'
import * as domainErrors from '../services/infra/errors.js'
import { lintOpenapi } from '../scripts/lint-openapi.js'
import { CLIENT_TYPES, DOCUMENT, clientTypes } from '../scripts/client.js'
import { build } from './support/app.js'
import { operations, servedDocument, type Json } from './support/openapi.js'

const ROOT = join(import.meta.dirname, '..')
// one app for the whole file: these tests only read what it serves
const app = await build(t)
const doc = await servedDocument(app)
const PUBLIC = new Set(['/health', '/health/ready', '/metrics', '/api/v1/auth/login', '/api/v1/forms/{form_id}/schema', '/api/v1/forms/{form_id}/responses'])

t.test('openapi.yaml is what the app serves (run `npm run openapi` after changing routes or schemas)', async (t) => {
  const served = await app.inject({ url: '/docs/yaml' })
  t.equal(served.statusCode, 200)
  const committed = readFileSync(join(ROOT, 'openapi.yaml'), 'utf8')
  t.equal(served.body, committed)
})

t.test('clients/typescript/schema.d.ts is what openapi-typescript makes of openapi.yaml (run `npm run client` after `npm run openapi`)', async (t) => {
  t.equal(readFileSync(CLIENT_TYPES, 'utf8'), await clientTypes(readFileSync(DOCUMENT, 'utf8')))
})

t.test('openapi.yaml has no problem under Redocly\'s recommended rules: 0 errors, 0 warnings', async (t) => {
  const { totals, problems } = await lintOpenapi(join(ROOT, 'openapi.yaml'))
  t.same(problems.map((p) => `${p.ruleId} at ${p.location[0]?.pointer}`), [])
  t.same(totals, { errors: 0, warnings: 0, ignored: 0 })
})

t.test('Swagger UI is served at /docs', async (t) => {
  const ui = await app.inject({ url: '/docs/' })
  t.equal(ui.statusCode, 200)
  t.match(ui.headers['content-type'], /text\/html/)
  t.match(ui.body, /swagger/i)
})

t.test('every operation is tagged, named, documents its responses, and protected ones declare bearer auth', async (t) => {
  t.equal(doc.openapi, '3.1.0')
  t.ok(doc.components.securitySchemes.bearerAuth)
  t.ok(doc.servers !== undefined && doc.servers.length > 0, 'servers')
  t.match(doc.info.license, { name: 'MIT', identifier: 'MIT' })
  const ops = operations(doc)
  t.ok(ops.length >= 40, `${ops.length} operations`)
  const ids = ops.map(({ op }) => op.operationId)
  t.equal(new Set(ids).size, ids.length, 'operationIds are unique')
  for (const { path, op, name } of ops) {
    t.ok(op.tags !== undefined && op.tags.length > 0, `${name} is tagged`)
    t.match(op.operationId, /^[a-z][a-zA-Z0-9]*$/, `${name} has a camelCase operationId`)
    const codes = Object.keys(op.responses)
    t.ok(codes.some((c) => c.startsWith('2')), `${name} documents its success`)
    t.ok(codes.some((c) => c.startsWith('4')), `${name} documents its errors`)
    for (const [code, response] of Object.entries(op.responses)) {
      t.ok(response.description.length > 0 && response.description !== 'Default Response', `${name} ${code} says what it is`)
    }
    if (PUBLIC.has(path)) {
      t.ok(op.security !== undefined, `${name} declares its security (public)`)
    } else {
      t.same(op.security, [{ bearerAuth: [] }], `${name} requires a bearer token`)
      t.ok(codes.includes('401'), `${name} documents 401`)
    }
  }
})

/** Every schema object in the document, with where it is. */
function * schemaNodes (node: unknown, at = '#'): Generator<[string, Json]> {
  if (typeof node !== 'object' || node === null) return
  if (!Array.isArray(node)) yield [at, node as Json]
  for (const [key, child] of Object.entries(node)) if (key !== 'example' && key !== 'examples') yield * schemaNodes(child, `${at}/${key}`)
}

t.test('what the server defaults, a client may leave out: defaulted query parameters and properties are optional', async (t) => {
  let defaulted = 0
  for (const { name, op } of operations(doc)) {
    for (const parameter of op.parameters ?? []) {
      if (parameter.schema?.default === undefined) continue
      defaulted++
      t.equal(parameter.required, false, `${name} ${parameter.name}`)
    }
  }
  for (const [at, node] of schemaNodes(doc)) {
    const properties = (node.properties ?? {}) as Record<string, Json>
    for (const [property, schema] of Object.entries(properties)) {
      if (typeof schema !== 'object' || schema.default === undefined) continue
      defaulted++
      t.notOk(Array.isArray(node.required) && node.required.includes(property), `${at} ${property}`)
    }
  }
  t.ok(defaulted >= 10, `${defaulted} defaulted parameters and properties`)
  const listForms = operations(doc).find(({ op }) => op.operationId === 'listForms')!.op
  t.same(listForms.parameters!.filter((p) => p.required === true), [], 'GET /api/v1/forms needs no parameter')
  t.notOk((doc.components.schemas.FormField!.required as string[]).includes('required'), 'FormField.required')
})

t.test('conditional requests, caching, creation, body and rate-limit answers are documented with their headers', async (t) => {
  for (const { path, method, op, name } of operations(doc)) {
    const headerParams = (op.parameters ?? []).filter((p) => p.in === 'header').map((p) => p.name)
    const success = Object.entries(op.responses).filter(([code]) => code.startsWith('2'))
    if (method === 'get') {
      t.ok(headerParams.includes('If-None-Match'), `${name} takes If-None-Match`)
      t.ok(op.responses['304']?.headers?.ETag !== undefined, `${name} documents 304 with its ETag`)
    }
    if (op.requestBody !== undefined) t.ok(op.responses['413'] !== undefined && op.responses['415'] !== undefined, `${name} documents 413 and 415`)
    for (const [code, response] of success) {
      if (code !== '204') t.ok(response.headers?.ETag !== undefined, `${name} ${code} ETag`)
      if (code === '201') t.ok(response.headers?.Location !== undefined, `${name} 201 Location`)
    }
    if (op.responses['429'] !== undefined) {
      const limited = ['/api/v1/auth/login', '/api/v1/forms/{form_id}/responses'].some((path) => name === `POST ${path}`)
      t.match(Object.keys(op.responses['429'].headers ?? {}), limited ? ['Retry-After', 'X-RateLimit-Limit', 'X-RateLimit-Remaining', 'X-RateLimit-Reset'] : ['Retry-After'], `${name} 429 headers`)
    }
    if (['put', 'patch', 'delete'].includes(method) && path === '/api/v1/forms/{form_id}') {
      t.ok(headerParams.includes('If-Match') && op.responses['412'] !== undefined, `${name} takes If-Match and documents 412`)
    }
  }
  const cached = doc.paths['/api/v1/forms/{form_id}']!.get!.responses['200']!.headers!
  t.match(Object.keys(cached), ['ETag', 'X-Cache', 'Cache-Status', 'Age', 'Cache-Control'])
  t.match(cached['X-Cache'], { schema: { enum: ['HIT', 'MISS', 'BYPASS', 'STALE'] } })
  t.match(JSON.stringify(cached['Cache-Status']), /forms-api; hit; ttl=.*fwd=miss.*fwd=bypass.*negative.*collapsed/)
  t.ok(doc.paths['/api/v1/auth/login']!.post!.responses['429'], 'login is rate limited')
  t.ok(doc.paths['/api/v1/forms/{form_id}/responses']!.post!.responses['429'], 'submissions are rate limited')
})

t.test('one error schema, whose code property lists every code; every error the services throw is listed with its status', async (t) => {
  const code = (doc.components.schemas.ErrorResponse!.properties as Record<string, { description: string }>).code!
  for (const name of Object.keys(ERROR_CODES)) t.match(code.description, `\`${name}\``, name)
  // every error class services/infra/errors.ts exports (they are the functions ending in Error)
  for (const [exported, ErrorClass] of Object.entries(domainErrors)) {
    if (!exported.endsWith('Error') || typeof ErrorClass !== 'function') continue
    const err = new (ErrorClass as new (message: string) => { code: keyof typeof ERROR_CODES, statusCode: number })('example')
    t.equal(ERROR_CODES[err.code]?.status, err.statusCode, `${exported} (${err.code}) is in services/infra/errors.ts ERROR_CODES with status ${err.statusCode}`)
  }
  for (const { name, op } of operations(doc)) {
    for (const [status, response] of Object.entries(op.responses)) {
      // readiness reports its checks, also when it is unavailable
      if (Number(status) < 400 || response.content === undefined || (op.operationId === 'getReadiness' && status === '503')) continue
      t.same(Object.values(response.content).map((media) => media.schema), [{ $ref: '#/components/schemas/ErrorResponse' }], `${name} ${status}`)
    }
  }
})

t.test('a widget\'s data is told apart by its widget_id: a oneOf with a discriminator over every widget', async (t) => {
  const widget = doc.components.schemas.Widget as { oneOf: unknown[], discriminator: { propertyName: string, mapping: Record<string, string> } }
  t.equal(widget.discriminator.propertyName, 'widget_id')
  t.same(Object.keys(widget.discriminator.mapping).sort(), [...WIDGET_IDS].sort())
  t.same(widget.oneOf, Object.values(widget.discriminator.mapping).map(($ref) => ({ $ref })))
})

import t from 'tap'
import { Ajv2020 } from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import { loginExample } from '../schemas/examples.js'
import { build, bearer } from './support/app.js'
import { missingHeaders, needsToken, operations, servedDocument, type Json, type OpenapiDocument } from './support/openapi.js'

const DOC_ID = 'https://forms-api.invalid/openapi.json'

// one app for the whole file, started with the bootstrap admin the login example names (as the README does)
const app = await build(t, { ADMIN_EMAIL: loginExample.email, ADMIN_PASSWORD: loginExample.password })
const doc = await servedDocument(app)

interface Example { pointer: string, schemaPointer: string, value: unknown }

const escape = (segment: string) => encodeURIComponent(segment.replaceAll('~', '~0').replaceAll('/', '~1'))

/**
 * Every example in the document with the schema it illustrates: schema
 * `examples` (and `example`), and the `example`/`examples` of media types,
 * parameters and headers, which illustrate their `schema`.
 */
function examplesIn (node: unknown, path: string[] = []): Example[] {
  if (typeof node !== 'object' || node === null) return []
  if (Array.isArray(node)) return node.flatMap((item, i) => examplesIn(item, [...path, String(i)]))
  const object = node as Json
  const pointer = '#/' + path.map(escape).join('/')
  const found: Example[] = []
  if ('schema' in object) {
    const schemaPointer = '#/' + [...path, 'schema'].map(escape).join('/')
    if ('example' in object) found.push({ pointer: `${pointer}/example`, schemaPointer, value: object.example })
    for (const [name, example] of Object.entries((object.examples ?? {}) as Record<string, { value: unknown }>)) {
      found.push({ pointer: `${pointer}/examples/${name}`, schemaPointer, value: example.value })
    }
  } else {
    if (Array.isArray(object.examples)) object.examples.forEach((value, i) => found.push({ pointer: `${pointer}/examples/${i}`, schemaPointer: pointer, value }))
    if ('example' in object) found.push({ pointer: `${pointer}/example`, schemaPointer: pointer, value: object.example })
  }
  for (const [key, child] of Object.entries(object)) {
    if (key !== 'example' && key !== 'examples') found.push(...examplesIn(child, [...path, key]))
  }
  return found
}

function validator (doc: OpenapiDocument) {
  // the document's schemas are JSON Schema 2020-12 (OpenAPI 3.1); `discriminator` and `example` are OpenAPI annotations
  const ajv = new Ajv2020({ strict: false, allErrors: true })
  addFormats.default(ajv)
  ajv.addSchema({ ...doc, $id: DOC_ID })
  return (schemaPointer: string, value: unknown) => {
    const validate = ajv.compile({ $ref: DOC_ID + schemaPointer })
    return validate(value) ? null : ajv.errorsText(validate.errors)
  }
}

t.test('every example in the document is valid against the schema it illustrates', async (t) => {
  const examples = examplesIn(doc)
  t.ok(examples.length >= 20, `${examples.length} examples`)
  const check = validator(doc)
  for (const { pointer, schemaPointer, value } of examples) t.equal(check(schemaPointer, value), null, pointer)
})

t.test('the example check finds an invalid example', async (t) => {
  const broken = structuredClone(doc)
  const media = broken.paths['/api/v1/forms']!.post!.requestBody!.content['application/json']!
  media.example = { title: '' }
  const example = examplesIn(broken).find(({ pointer }) => pointer === '#/paths/~1api~1v1~1forms/post/requestBody/content/application~1json/example')!
  t.match(validator(broken)(example.schemaPointer, example.value), /title/)
})

t.test('every request body is documented with an example', async (t) => {
  for (const { name, op } of operations(doc)) {
    if (op.requestBody === undefined) continue
    t.ok(Object.values(op.requestBody.content).every((media) => media.example !== undefined), name)
  }
})

/**
 * The request examples in the order a person trying the API would send them:
 * each later one may use the ids the earlier ones created. A new example must
 * be added here, where it can succeed.
 */
const ORDER = [
  'login', 'updateMe', 'createUser', 'updateUser', 'createForm', 'replaceForm', 'updateForm', 'submitResponse', 'replaceResponse',
  'saveDashboard', 'warmCache',
  // last, so no event reaches the example's receiver (which does not exist), and left inactive
  'createWebhook', 'updateWebhook'
]
/** Which operation's answer gives a path parameter its value. */
const CREATES: Record<string, string> = { createUser: 'user_id', createForm: 'form_id', submitResponse: 'response_id', createWebhook: 'webhook_id' }

t.test('every request example, sent to the service as it is, succeeds', async (t) => {
  // the login example is the bootstrap admin this app (and the README) starts with
  t.same(doc.paths['/api/v1/auth/login']!.post!.requestBody!.content['application/json']!.example, loginExample)
  const withExamples = operations(doc).filter(({ op }) => op.requestBody?.content['application/json']?.example !== undefined)
  t.same(withExamples.map(({ op }) => op.operationId).sort(), [...ORDER].sort(), 'every request example has its place in ORDER')

  const ids: Record<string, string> = {}
  let token = ''
  for (const operationId of ORDER) {
    const { path, method, op } = withExamples.find(({ op }) => op.operationId === operationId)!
    const url = path.replace(/\{(\w+)\}/g, (_, name: string) => ids[name] ?? `<no ${name} yet>`)
    const res = await app.inject({
      method: method.toUpperCase() as 'POST',
      url,
      headers: needsToken(op) ? bearer(token) : {},
      payload: op.requestBody!.content['application/json']!.example as Json
    })
    const documented = Object.keys(op.responses).filter((status) => status.startsWith('2'))
    t.ok(documented.includes(String(res.statusCode)), `${operationId}: ${method.toUpperCase()} ${url} → ${res.statusCode} ${res.statusCode >= 300 ? res.body : ''}`)
    t.same(missingHeaders(op, res.statusCode, res.headers), [], `${operationId}: the documented headers are sent`)
    if (operationId === 'login') token = res.json().access_token
    if (CREATES[operationId] !== undefined) ids[CREATES[operationId]] = res.json().id
  }
})

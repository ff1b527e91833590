import t, { type Test } from 'tap'
import type { FastifyInstance } from 'fastify'
import { admin, build, createForm, createUser, type Env, type TestUser } from './support/app.js'

const fields = [
  { name: 'full_name', label: 'Name', type: 'text', required: true },
  { name: 'bio', label: 'Bio', type: 'textarea', required: false },
  { name: 'age', label: 'Age', type: 'number', required: false },
  { name: 'email', label: 'Email', type: 'email', required: false },
  { name: 'born', label: 'Born', type: 'date', required: false },
  { name: 'color', label: 'Colour', type: 'select', required: false, options: ['red', 'green', 'blue'] },
  { name: 'toppings', label: 'Toppings', type: 'checkbox', required: false, options: ['cheese', 'ham'] }
]

async function setup (t: Test, env: Env = {}) {
  const app = await build(t, env)
  const root = await admin(app)
  const owner = await createUser(app, 'editor', root)
  const form = await createForm(app, owner, { fields })
  return { app, root, owner, form }
}

const submit = (app: FastifyInstance, formId: string, answers: unknown, remoteAddress?: string) =>
  app.inject({ method: 'POST', url: `/api/v1/forms/${formId}/responses`, payload: { answers }, ...(remoteAddress === undefined ? {} : { remoteAddress }) })

const list = async (app: FastifyInstance, user: TestUser, formId: string, query = '') =>
  (await app.inject({ url: `/api/v1/forms/${formId}/responses${query}`, headers: user.headers })).json()

t.test('anyone may answer a published form; the response records the form version', async (t) => {
  const { app, owner, form } = await setup(t)
  const answers = { full_name: 'Ada', bio: '', age: 36, email: 'ada@example.com', born: '1815-12-10', color: 'blue', toppings: ['ham', 'cheese'] }
  const res = await submit(app, form.id, answers)
  t.equal(res.statusCode, 201)
  const response = res.json()
  t.match(response, { form_id: form.id, form_version: 1, answers })
  t.match(response.id, /^[0-9a-f]{24}$/)
  t.equal(response.updated_at, response.submitted_at)
  t.equal(res.headers.location, `/api/v1/forms/${form.id}/responses/${response.id}`)

  const read = await app.inject({ url: res.headers.location as string, headers: owner.headers })
  t.equal(read.statusCode, 200)
  t.same(read.json(), response)

  await app.inject({ method: 'PATCH', url: `/api/v1/forms/${form.id}`, headers: owner.headers, payload: { title: 'Renamed' } })
  t.equal((await submit(app, form.id, { full_name: 'Grace' })).json().form_version, 2, 'the version at submission time')
})

t.test('each answer rule is a 400 naming the field, and stores nothing', async (t) => {
  const { app, owner, form } = await setup(t)
  const ok = { full_name: 'Ada' }
  const cases: Array<[string, unknown, RegExp]> = [
    ['required field missing', { age: 3 }, /^answers\.full_name: is required$/],
    ['required field blank', { full_name: ' ' }, /^answers\.full_name: is required$/],
    ['unknown field', { ...ok, nickname: 'x' }, /^answers\.nickname: not a field of this form$/],
    ['text as a number', { full_name: 7 }, /^answers\.full_name: must be a string$/],
    ['textarea as an array', { ...ok, bio: ['x'] }, /^answers\.bio: must be a string$/],
    ['number as a string', { ...ok, age: '36' }, /^answers\.age: must be a number$/],
    ['number as a boolean', { ...ok, age: true }, /^answers\.age: must be a number$/],
    ['bad email', { ...ok, email: 'ada.example.com' }, /^answers\.email: must be an email address$/],
    ['date not ISO', { ...ok, born: '12/10/1815' }, /^answers\.born: must be an ISO date/],
    ['date not on the calendar', { ...ok, born: '2023-02-30' }, /^answers\.born: must be an ISO date/],
    ['select value not an option', { ...ok, color: 'purple' }, /^answers\.color: must be one of the field's options$/],
    ['checkbox not an array', { ...ok, toppings: 'ham' }, /^answers\.toppings: must be an array of the field's options$/],
    ['checkbox value not an option', { ...ok, toppings: ['ham', 'olives'] }, /^answers\.toppings\[1\]: must be one of the field's options$/],
    ['checkbox option twice', { ...ok, toppings: ['ham', 'ham'] }, /^answers\.toppings\[1\]: is a duplicate option$/],
    // caught by the JSON schema, still naming the field
    ['an object as a value', { ...ok, age: { n: 1 } }, /answers\/age/],
    ['null as a value', { ...ok, color: null }, /answers\/color/],
    ['answers not an object', ['Ada'], /answers/]
  ]
  for (const [name, answers, message] of cases) {
    const res = await submit(app, form.id, answers)
    t.equal(res.statusCode, 400, name)
    t.match(res.json(), { statusCode: 400, error: 'Bad Request', message }, name)
  }
  const noAnswers = await app.inject({ method: 'POST', url: `/api/v1/forms/${form.id}/responses`, payload: { full_name: 'Ada' } })
  t.equal(noAnswers.statusCode, 400, 'answers must be wrapped in { answers }')
  t.equal((await list(app, owner, form.id)).total, 0, 'nothing was stored')
})

t.test('a draft or archived form is, to an anonymous client, exactly an unknown id (404); signed-in users are told why (409)', async (t) => {
  const { app, owner, form } = await setup(t)
  const draft = await createForm(app, owner, { fields, status: 'draft' })
  const archived = await createForm(app, owner, { fields, status: 'archived' })
  const unknown = await submit(app, 'ffffffffffffffffffffffff', { full_name: 'Ada' })
  t.equal(unknown.statusCode, 404, 'unknown form')
  for (const [name, target] of [['draft', draft], ['archived', archived]] as const) {
    const res = await submit(app, target.id, { full_name: 'Ada' })
    t.equal(res.statusCode, 404, `${name}, anonymously`)
    t.same(res.json(), unknown.json(), `${name}: the same answer as an unknown id`)
    const signedIn = await app.inject({ method: 'POST', url: `/api/v1/forms/${target.id}/responses`, headers: owner.headers, payload: { answers: { full_name: 'Ada' } } })
    t.equal(signedIn.statusCode, 409, `${name}, signed in`)
    t.match(signedIn.json().message, new RegExp(`The form is ${name}: only published forms accept responses`))
    t.equal((await list(app, owner, target.id)).total, 0)
  }
  await app.inject({ method: 'PATCH', url: `/api/v1/forms/${form.id}`, headers: owner.headers, payload: { status: 'archived' } })
  t.equal((await submit(app, form.id, { full_name: 'Ada' })).statusCode, 404, 'archiving closes a form')
  t.equal((await submit(app, 'nope', { full_name: 'Ada' })).statusCode, 400, 'malformed id')
  const badToken = await app.inject({ method: 'POST', url: `/api/v1/forms/${form.id}/responses`, headers: { authorization: 'Bearer nope' }, payload: { answers: { full_name: 'Ada' } } })
  t.equal(badToken.statusCode, 401, 'a token, when sent, must be valid')
})

t.test('responses are listed newest first, paged, to the form\'s owner and admins', async (t) => {
  const { app, root, owner, form } = await setup(t)
  const ids = []
  for (const name of ['a', 'b', 'c']) ids.push((await submit(app, form.id, { full_name: name })).json().id)

  for (const reader of [owner, root]) {
    const all = await list(app, reader, form.id)
    t.match(all, { page: 1, per_page: 20, total: 3 })
    t.same(all.items.map((r: { id: string }) => r.id), [...ids].reverse(), 'newest first')
  }
  const second = await list(app, owner, form.id, '?page=2&per_page=2')
  t.match(second, { page: 2, per_page: 2, total: 3 })
  t.same(second.items.map((r: { id: string }) => r.id), [ids[0]])
  t.equal((await app.inject({ url: `/api/v1/forms/${form.id}/responses?per_page=101`, headers: owner.headers })).statusCode, 400)
  t.equal((await app.inject({ url: `/api/v1/forms/${form.id}/responses` })).statusCode, 401, 'anonymous')
  t.equal((await app.inject({ url: `/api/v1/forms/${form.id}/responses/${ids[0]}` })).statusCode, 401, 'anonymous')
  t.equal((await app.inject({ url: `/api/v1/forms/${form.id}/responses/${'f'.repeat(24)}`, headers: owner.headers })).statusCode, 404)
  t.equal((await app.inject({ url: `/api/v1/forms/${'f'.repeat(24)}/responses`, headers: owner.headers })).statusCode, 404, 'unknown form')
  const other = await createForm(app, root)
  t.equal((await app.inject({ url: `/api/v1/forms/${other.id}/responses/${ids[0]}`, headers: root.headers })).statusCode, 404, 'not through another form')
})

t.test('answers are personal data: another editor or a viewer gets a 403 for the list, a response and the analytics', async (t) => {
  const { app, root, owner, form } = await setup(t)
  const response = (await submit(app, form.id, { full_name: 'Ada', color: 'red' })).json()
  const otherEditor = await createUser(app, 'editor', root)
  const viewer = await createUser(app, 'viewer', root)
  const urls = [`/api/v1/forms/${form.id}/responses`, `/api/v1/forms/${form.id}/responses/${response.id}`, `/api/v1/forms/${form.id}/analytics`]
  for (const url of urls) {
    // the owner reads first: a cached copy must not reach anyone else
    t.equal((await app.inject({ url, headers: owner.headers })).statusCode, 200, `${url}: the owner`)
    t.equal((await app.inject({ url, headers: owner.headers })).headers['x-cache'], 'HIT', `${url}: cached`)
    for (const [name, user] of [['another editor', otherEditor], ['a viewer', viewer]] as const) {
      const res = await app.inject({ url, headers: user.headers })
      t.equal(res.statusCode, 403, `${url}: ${name}`)
      t.match(res.json(), { statusCode: 403, code: 'FORBIDDEN' })
      t.notOk(res.body.includes('Ada'), 'no answer in the refusal')
    }
    t.equal((await app.inject({ url, headers: root.headers })).statusCode, 200, `${url}: an admin`)
  }
  // the owner hands the form over: their cached copies go with it
  const reassign = await app.inject({ method: 'PATCH', url: `/api/v1/forms/${form.id}`, headers: root.headers, payload: { owner_id: otherEditor.id } })
  t.equal(reassign.statusCode, 200)
  for (const url of urls) {
    t.equal((await app.inject({ url, headers: owner.headers })).statusCode, 403, `${url}: the former owner`)
    t.equal((await app.inject({ url, headers: otherEditor.headers })).statusCode, 200, `${url}: the new owner`)
  }
})

t.test('PUT: the owner or an admin replaces answers, re-validated against the current fields', async (t) => {
  const { app, root, owner, form } = await setup(t)
  const response = (await submit(app, form.id, { full_name: 'Ada', color: 'red' })).json()
  const url = `/api/v1/forms/${form.id}/responses/${response.id}`
  const put = (user: TestUser | null, answers: unknown) =>
    app.inject({ method: 'PUT', url, headers: user?.headers ?? {}, payload: { answers } })

  const otherEditor = await createUser(app, 'editor', root)
  const viewer = await createUser(app, 'viewer', root)
  t.equal((await put(otherEditor, { full_name: 'X' })).statusCode, 403, 'another editor')
  t.equal((await put(viewer, { full_name: 'X' })).statusCode, 403, 'a viewer')
  t.equal((await put(null, { full_name: 'X' })).statusCode, 401, 'anonymous')

  // the form gains a required field: the old answers no longer pass
  const changed = await app.inject({
    method: 'PUT',
    url: `/api/v1/forms/${form.id}`,
    headers: owner.headers,
    payload: { title: 'v2', status: 'published', fields: [...fields, { name: 'consent', label: 'OK?', type: 'checkbox', required: true, options: ['yes'] }] }
  })
  t.equal(changed.statusCode, 200)
  const stale = await put(owner, { full_name: 'Ada', color: 'red' })
  t.equal(stale.statusCode, 400)
  t.equal(stale.json().message, 'answers.consent: is required')
  t.equal((await put(owner, { full_name: 'Ada', color: 'mauve', consent: ['yes'] })).json().message, 'answers.color: must be one of the field\'s options')
  t.same((await app.inject({ url, headers: owner.headers })).json(), response, 'rejected PUTs changed nothing')

  const byOwner = await put(owner, { full_name: 'Ada L.', consent: ['yes'] })
  t.equal(byOwner.statusCode, 200)
  t.match(byOwner.json(), { id: response.id, form_version: 2, answers: { full_name: 'Ada L.', consent: ['yes'] }, submitted_at: response.submitted_at })
  t.notOk('color' in byOwner.json().answers, 'PUT replaces all answers')
  t.ok(byOwner.json().updated_at >= response.updated_at)
  const byAdmin = await put(root, { full_name: 'Ada King', consent: ['yes'] })
  t.equal(byAdmin.statusCode, 200)
  t.same((await app.inject({ url, headers: owner.headers })).json(), byAdmin.json())

  const missing = await app.inject({ method: 'PUT', url: `/api/v1/forms/${form.id}/responses/${'f'.repeat(24)}`, headers: owner.headers, payload: { answers: { full_name: 'x', consent: ['yes'] } } })
  t.equal(missing.statusCode, 404)
})

t.test('a field named like an Object member (constructor) is a field like any other', async (t) => {
  const { app, owner } = await setup(t)
  const form = await createForm(app, owner, {
    fields: [
      { name: 'full_name', label: 'Name', type: 'text', required: true },
      { name: 'constructor', label: 'Builder', type: 'text', required: false },
      { name: 'valueof', label: 'Value', type: 'number', required: true }
    ]
  })
  t.equal((await submit(app, form.id, { full_name: 'Ada', valueof: 1 })).statusCode, 201, 'left out')
  t.equal((await submit(app, form.id, { full_name: 'Ada', constructor: 'Bob', valueof: 2 })).statusCode, 201, 'answered')
  t.equal((await submit(app, form.id, { full_name: 'Ada' })).json().message, 'answers.valueof: is required')
  t.equal((await submit(app, form.id, { full_name: 'Ada', valueof: 3, hasownproperty: 'x' })).json().message,
    'answers.hasownproperty: not a field of this form')
  t.equal((await list(app, owner, form.id)).total, 2)
})

t.test('submissions are rate limited per client', async (t) => {
  const { app, owner, form } = await setup(t, { RATE_LIMIT_RESPONSES: '2' })
  t.equal((await submit(app, form.id, { full_name: 'a' }, '203.0.113.1')).statusCode, 201)
  t.equal((await submit(app, form.id, { full_name: 'b' }, '203.0.113.1')).statusCode, 201)
  const limited = await submit(app, form.id, { full_name: 'c' }, '203.0.113.1')
  t.equal(limited.statusCode, 429)
  t.match(limited.json(), { statusCode: 429, error: 'Too Many Requests', message: String })
  t.equal((await submit(app, form.id, { full_name: 'd' }, '203.0.113.2')).statusCode, 201, 'another client is not limited')
  t.equal((await list(app, owner, form.id)).total, 3)
})

t.test('deleting a form deletes its responses', async (t) => {
  const { app, owner, form } = await setup(t)
  const other = await createForm(app, owner, { fields })
  await submit(app, form.id, { full_name: 'a' })
  await submit(app, other.id, { full_name: 'b' })
  t.equal((await app.inject({ method: 'DELETE', url: `/api/v1/forms/${form.id}`, headers: owner.headers })).statusCode, 204)
  t.equal((await app.repositories.responses.list(form.id, { page: 1, per_page: 10 })).total, 0, 'gone from the database')
  t.equal((await list(app, owner, other.id)).total, 1, 'other forms keep theirs')
})

t.test('a submission to a form deleted while its schema was still cached here is a 404, not a fault', async (t) => {
  const { app, form } = await setup(t)
  t.equal((await submit(app, form.id, { full_name: 'a' })).statusCode, 201, 'the schema is now cached')
  // deleted by another instance whose invalidation message has not arrived yet
  t.equal(await app.repositories.forms.delete(form.id), true)
  const res = await submit(app, form.id, { full_name: 'b' })
  t.equal(res.statusCode, 404)
  t.match(res.json(), { statusCode: 404, error: 'Not Found', message: 'Form not found' })
  t.equal((await app.repositories.responses.list(form.id, { page: 1, per_page: 10 })).total, 0, 'nothing stored')
})

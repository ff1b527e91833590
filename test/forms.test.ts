import t, { type Test } from 'tap'
import { admin, build, createForm, createUser, sampleFields, type TestUser } from './support/app.js'
import type { FastifyInstance } from 'fastify'

async function setup (t: Test) {
  const app = await build(t)
  const root = await admin(app)
  const editor = await createUser(app, 'editor', root)
  const viewer = await createUser(app, 'viewer', root)
  return { app, root, editor, viewer }
}

const get = (app: FastifyInstance, user: TestUser, url: string) => app.inject({ url, headers: user.headers })

t.test('create, read, replace, patch and delete a form', async (t) => {
  const { app, editor } = await setup(t)
  const created = await app.inject({
    method: 'POST',
    url: '/api/v1/forms',
    headers: editor.headers,
    payload: { title: 'Survey', fields: sampleFields }
  })
  t.equal(created.statusCode, 201)
  const form = created.json()
  t.match(form, { title: 'Survey', description: '', status: 'draft', owner_id: editor.id, version: 1 })
  t.match(form.id, /^[0-9a-f]{24}$/)
  t.equal(created.headers.location, `/api/v1/forms/${form.id}`)
  t.equal(created.headers.etag, `"${form.id}-1"`)

  const read = await get(app, editor, `/api/v1/forms/${form.id}`)
  t.equal(read.statusCode, 200)
  t.same(read.json(), form)
  t.equal(read.headers.etag, created.headers.etag)

  const replaced = await app.inject({
    method: 'PUT',
    url: `/api/v1/forms/${form.id}`,
    headers: editor.headers,
    payload: { title: 'Survey 2', status: 'published', fields: [] }
  })
  t.equal(replaced.statusCode, 200)
  t.match(replaced.json(), { title: 'Survey 2', description: '', status: 'published', fields: [], version: 2 })
  t.equal(replaced.headers.etag, `"${form.id}-2"`)
  t.ok(replaced.json().updated_at >= form.updated_at)

  const patched = await app.inject({ method: 'PATCH', url: `/api/v1/forms/${form.id}`, headers: editor.headers, payload: { description: 'Tell us' } })
  t.match(patched.json(), { title: 'Survey 2', description: 'Tell us', version: 3 })

  const deleted = await app.inject({ method: 'DELETE', url: `/api/v1/forms/${form.id}`, headers: editor.headers })
  t.equal(deleted.statusCode, 204)
  t.equal(deleted.body, '')
  t.equal((await get(app, editor, `/api/v1/forms/${form.id}`)).statusCode, 404)
  t.equal((await app.inject({ method: 'DELETE', url: `/api/v1/forms/${form.id}`, headers: editor.headers })).statusCode, 404)
})

t.test('only the owner or an admin may change or delete; viewers may read', async (t) => {
  const { app, root, editor, viewer } = await setup(t)
  const other = await createUser(app, 'editor', root)
  const form = await createForm(app, editor)
  const url = `/api/v1/forms/${form.id}`

  t.equal((await get(app, viewer, url)).statusCode, 200, 'viewer reads')
  t.equal((await get(app, viewer, '/api/v1/forms')).json().total, 1, 'viewer lists')
  for (const user of [viewer, other]) {
    t.equal((await app.inject({ method: 'PATCH', url, headers: user.headers, payload: { title: 'Mine' } })).statusCode, 403)
    t.equal((await app.inject({ method: 'PUT', url, headers: user.headers, payload: { title: 'Mine', status: 'draft', fields: [] } })).statusCode, 403)
    t.equal((await app.inject({ method: 'DELETE', url, headers: user.headers })).statusCode, 403)
  }
  const viewerCreate = await app.inject({ method: 'POST', url: '/api/v1/forms', headers: viewer.headers, payload: { title: 'x' } })
  t.equal(viewerCreate.statusCode, 403)
  const unchanged = (await get(app, editor, url)).json()
  t.equal(unchanged.version, 1, 'nothing changed')
  t.equal(unchanged.title, form.title)

  t.equal((await app.inject({ method: 'PATCH', url, headers: root.headers, payload: { title: 'Admin edit' } })).statusCode, 200, 'admin changes')
  t.equal((await app.inject({ method: 'PATCH', url, headers: editor.headers, payload: { owner_id: other.id } })).statusCode, 403, 'only admins reassign')
  t.equal((await app.inject({ method: 'PATCH', url, headers: root.headers, payload: { owner_id: 'ffffffffffffffffffffffff' } })).statusCode, 400, 'reassign to an unknown user')
  t.equal((await app.inject({ method: 'DELETE', url, headers: root.headers })).statusCode, 204, 'admin deletes')
  t.equal((await app.inject({ url })).statusCode, 401, 'anonymous reads nothing')
})

t.test('field definitions are validated, each error naming the field', async (t) => {
  const { app, editor } = await setup(t)
  const field = (extra: object) => ({ name: 'f', label: 'F', type: 'text', ...extra })
  const cases: Array<[unknown[], RegExp]> = [
    [[field({}), field({})], /fields\[1\] "f": duplicate field name/],
    [[field({ type: 'select' })], /fields\[0\] "f": options are required for select fields/],
    [[field({ type: 'checkbox' })], /options are required for checkbox fields/],
    [[field({ type: 'number', options: ['a'] })], /fields\[0\] "f": options are only allowed for select and checkbox fields/],
    [[field({ type: 'select', options: ['a', 'a'] })], /duplicate option/],
    [[field({ name: 'Bad Name' })], /fields\/0\/name/],
    [[field({ name: '1abc' })], /fields\/0\/name/],
    [[field({ name: 'a'.repeat(65) })], /fields\/0\/name/],
    [[field({ type: 'color' })], /fields\/0\/type/],
    [[field({ label: '' })], /fields\/0\/label/],
    [[field({ required: 'yes' })], /fields\/0\/required/],
    [[field({ unknown: 1 })], /fields\/0/],
    [Array.from({ length: 201 }, (_, i) => field({ name: `f${i}` })), /fields/]
  ]
  for (const [fields, message] of cases) {
    const res = await app.inject({ method: 'POST', url: '/api/v1/forms', headers: editor.headers, payload: { title: 'x', fields } })
    t.equal(res.statusCode, 400, String(message))
    t.match(res.json().message, message)
  }
  const ok = await app.inject({
    method: 'POST',
    url: '/api/v1/forms',
    headers: editor.headers,
    payload: { title: 'x', fields: Array.from({ length: 200 }, (_, i) => field({ name: `f_${i}` })) }
  })
  t.equal(ok.statusCode, 201, '200 fields are fine')
  const patch = await app.inject({ method: 'PATCH', url: `/api/v1/forms/${ok.json().id}`, headers: editor.headers, payload: { fields: [field({}), field({})] } })
  t.equal(patch.statusCode, 400, 'also on PATCH')
  t.equal((await get(app, editor, `/api/v1/forms/${ok.json().id}`)).json().version, 1, 'and nothing changed')
  t.equal((await get(app, editor, '/api/v1/forms')).json().total, 1, 'no invalid form was stored')
})

t.test('If-Match: the current ETag passes, a stale one gets 412 and changes nothing', async (t) => {
  const { app, editor } = await setup(t)
  const form = await createForm(app, editor)
  const url = `/api/v1/forms/${form.id}`
  const etag = `"${form.id}-1"`

  const first = await app.inject({ method: 'PATCH', url, headers: { ...editor.headers, 'if-match': etag }, payload: { title: 'One' } })
  t.equal(first.statusCode, 200)
  const stale = await app.inject({ method: 'PATCH', url, headers: { ...editor.headers, 'if-match': etag }, payload: { title: 'Two' } })
  t.equal(stale.statusCode, 412)
  t.match(stale.json(), { statusCode: 412, error: 'Precondition Failed' })
  const put = await app.inject({ method: 'PUT', url, headers: { ...editor.headers, 'if-match': etag }, payload: { title: 'Two', status: 'draft', fields: [] } })
  t.equal(put.statusCode, 412)
  t.equal((await app.inject({ method: 'DELETE', url, headers: { ...editor.headers, 'if-match': etag } })).statusCode, 412)
  const current = await get(app, editor, url)
  t.match(current.json(), { title: 'One', version: 2 })

  const list = await app.inject({ method: 'PATCH', url, headers: { ...editor.headers, 'if-match': `"nope", ${current.headers.etag}` }, payload: { title: 'Three' } })
  t.equal(list.statusCode, 200, 'a list containing the current ETag')
  t.equal((await app.inject({ method: 'PATCH', url, headers: { ...editor.headers, 'if-match': '*' }, payload: { title: 'Four' } })).statusCode, 200, '*')
  t.equal((await app.inject({ method: 'PATCH', url, headers: { ...editor.headers, 'if-match': `W/"${form.id}-4"` }, payload: { title: 'Five' } })).statusCode, 412, 'weak tags never match If-Match')
})

t.test('concurrent PATCHes without If-Match all apply, one version each', async (t) => {
  const { app, editor } = await setup(t)
  const form = await createForm(app, editor)
  const results = await Promise.all(Array.from({ length: 3 }, (_, i) =>
    app.inject({ method: 'PATCH', url: `/api/v1/forms/${form.id}`, headers: editor.headers, payload: { description: `d${i}` } })))
  t.same(results.map((r) => r.statusCode), [200, 200, 200])
  t.equal((await get(app, editor, `/api/v1/forms/${form.id}`)).json().version, 4)
})

t.test('listing: status filter, literal case-insensitive q, paging', async (t) => {
  const { app, editor } = await setup(t)
  await createForm(app, editor, { title: 'Alpha (beta)', description: 'first', status: 'draft' })
  await createForm(app, editor, { title: 'Gamma', description: 'Has a.c and ÄRGER', status: 'published' })
  await createForm(app, editor, { title: 'abc', description: 'third', status: 'archived' })
  const titles = async (query: string) => (await get(app, editor, `/api/v1/forms?${query}`)).json().items.map((f: { title: string }) => f.title)

  t.same(await titles(''), ['abc', 'Gamma', 'Alpha (beta)'], 'most recently updated first')
  t.same(await titles('status=published'), ['Gamma'])
  t.same(await titles('q=ALPHA'), ['Alpha (beta)'], 'case-insensitive')
  t.same(await titles(`q=${encodeURIComponent('(beta)')}`), ['Alpha (beta)'], 'parentheses are literal')
  t.same(await titles('q=a.c'), ['Gamma'], 'the dot is literal: abc does not match')
  t.same(await titles(`q=${encodeURIComponent('.*')}`), [], '.* matches nothing literally')
  t.same(await titles('q=ärger'), ['Gamma'], 'unicode case folding')
  t.same(await titles('q=third&status=archived'), ['abc'])
  const page = (await get(app, editor, '/api/v1/forms?per_page=2&page=2')).json()
  t.match(page, { page: 2, per_page: 2, total: 3 })
  t.same(page.items.map((f: { title: string }) => f.title), ['Alpha (beta)'])
  t.equal((await get(app, editor, '/api/v1/forms?per_page=101')).statusCode, 400)
  t.equal((await get(app, editor, '/api/v1/forms?page=0')).statusCode, 400)
  t.equal((await get(app, editor, '/api/v1/forms?status=gone')).statusCode, 400)
  t.equal((await get(app, editor, '/api/v1/forms?color=red')).statusCode, 400, 'unknown query parameter')
})

t.test('the schema is public for published forms only', async (t) => {
  const { app, editor, viewer } = await setup(t)
  const published = await createForm(app, editor, { status: 'published' })
  const draft = await createForm(app, editor, { status: 'draft' })
  const anonymous = await app.inject({ url: `/api/v1/forms/${published.id}/schema` })
  t.equal(anonymous.statusCode, 200)
  t.same(anonymous.json(), {
    form_id: published.id, title: published.title, description: published.description, status: 'published', version: 1, fields: published.fields
  })
  t.equal((await app.inject({ url: `/api/v1/forms/${draft.id}/schema` })).statusCode, 404, 'a draft is hidden from anonymous users')
  t.equal((await get(app, viewer, `/api/v1/forms/${draft.id}/schema`)).statusCode, 200, 'but visible when signed in')
  t.equal((await app.inject({ url: `/api/v1/forms/${draft.id}/schema`, headers: { authorization: 'Bearer bad' } })).statusCode, 401, 'a bad token is still a 401')
})

t.test('a form survives a restart of the service', async (t) => {
  const { tempDir } = await import('./support/app.js')
  const path = `${tempDir(t)}/forms.db`
  const first = await build(t, { SQLITE_PATH: path })
  const form = await createForm(first, await admin(first))
  await first.close()
  const second = await build(t, { SQLITE_PATH: path })
  const res = await get(second, await admin(second), `/api/v1/forms/${form.id}`)
  t.equal(res.statusCode, 200)
  t.same(res.json(), form)
})

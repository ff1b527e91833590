import t from 'tap'
import { admin, build, createForm, createUser } from './support/app.js'

t.test('admins create, list, read, change and delete users', async (t) => {
  const app = await build(t)
  const root = await admin(app)
  const created = await app.inject({
    method: 'POST',
    url: '/api/v1/users',
    headers: root.headers,
    payload: { email: 'Ann@Example.test', name: 'Ann', password: 'ann-password' }
  })
  t.equal(created.statusCode, 201)
  const ann = created.json()
  t.match(ann, { email: 'Ann@Example.test', name: 'Ann', role: 'viewer' })
  t.match(ann.id, /^[0-9a-f]{24}$/)
  t.equal(created.headers.location, `/api/v1/users/${ann.id}`)
  t.notOk('password' in ann || 'password_hash' in ann)

  const list = await app.inject({ url: '/api/v1/users?per_page=1&page=2', headers: root.headers })
  t.match(list.json(), { page: 2, per_page: 1, total: 2 })
  t.equal(list.json().items[0].id, ann.id)

  t.equal((await app.inject({ url: `/api/v1/users/${ann.id}`, headers: root.headers })).json().name, 'Ann')

  const patched = await app.inject({ method: 'PATCH', url: `/api/v1/users/${ann.id}`, headers: root.headers, payload: { name: 'Ann B', role: 'editor' } })
  t.equal(patched.statusCode, 200)
  t.match(patched.json(), { name: 'Ann B', role: 'editor' })

  const changedPassword = await app.inject({ method: 'PATCH', url: `/api/v1/users/${ann.id}`, headers: root.headers, payload: { password: 'new-password' } })
  t.equal(changedPassword.statusCode, 200)
  const relogin = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'ann@example.test', password: 'new-password' } })
  t.equal(relogin.statusCode, 200, 'the new password works')

  t.equal((await app.inject({ method: 'DELETE', url: `/api/v1/users/${ann.id}`, headers: root.headers })).statusCode, 204)
  t.equal((await app.inject({ url: `/api/v1/users/${ann.id}`, headers: root.headers })).statusCode, 404)
  t.equal((await app.inject({ method: 'DELETE', url: `/api/v1/users/${ann.id}`, headers: root.headers })).statusCode, 404)
})

t.test('editors and viewers get 403 on the admin routes, and change nothing', async (t) => {
  const app = await build(t)
  const root = await admin(app)
  for (const role of ['editor', 'viewer'] as const) {
    const user = await createUser(app, role, root)
    t.equal((await app.inject({ url: '/api/v1/users', headers: user.headers })).statusCode, 403, `${role} list`)
    const create = await app.inject({ method: 'POST', url: '/api/v1/users', headers: user.headers, payload: { email: `x-${role}@e.test`, name: 'x', password: 'password-long-x' } })
    t.equal(create.statusCode, 403, `${role} create`)
    t.equal((await app.inject({ method: 'PATCH', url: `/api/v1/users/${root.id}`, headers: user.headers, payload: { role: 'viewer' } })).statusCode, 403)
    t.equal((await app.inject({ method: 'DELETE', url: `/api/v1/users/${root.id}`, headers: user.headers })).statusCode, 403)
    t.equal((await app.inject({ url: '/api/v1/users/me', headers: user.headers })).statusCode, 200, `${role} can read /me`)
  }
  const list = await app.inject({ url: '/api/v1/users', headers: root.headers })
  t.equal(list.json().total, 3, 'no user was created')
  t.equal((await app.inject({ url: `/api/v1/users/${root.id}`, headers: root.headers })).json().role, 'admin')
})

t.test('a duplicate email is a 409, case-insensitively, on create and on change', async (t) => {
  const app = await build(t)
  const root = await admin(app)
  const editor = await createUser(app, 'editor', root)
  const dup = await app.inject({ method: 'POST', url: '/api/v1/users', headers: root.headers, payload: { email: editor.email.toUpperCase(), name: 'x', password: 'password-long-x' } })
  t.equal(dup.statusCode, 409)
  t.match(dup.json().message, /email already exists/)
  const change = await app.inject({ method: 'PATCH', url: `/api/v1/users/${editor.id}`, headers: root.headers, payload: { email: root.email } })
  t.equal(change.statusCode, 409)
})

t.test('bad input is a 400 naming the problem', async (t) => {
  const app = await build(t)
  const root = await admin(app)
  const cases = [
    { email: 'not-an-email', name: 'x', password: 'password-long-x' },
    { email: 'a@e.test', name: 'x', password: 'short' },
    { email: 'a@e.test', name: 'x', password: 'elevenchars' },
    { email: 'a@e.test', name: 'x', password: ' '.repeat(20) },
    { email: 'a@e.test', name: 'x', password: '\t\n \u00a0'.repeat(4) },
    { email: 'a@e.test', name: 'x', password: 'password-long-x', role: 'superuser' },
    { email: 'a@e.test', name: 'x', password: 'password-long-x', extra: true },
    { email: 'a@e.test', password: 'password-long-x' }
  ]
  for (const payload of cases) {
    const res = await app.inject({ method: 'POST', url: '/api/v1/users', headers: root.headers, payload })
    t.equal(res.statusCode, 400, JSON.stringify(payload))
    t.match(res.json(), { statusCode: 400, error: 'Bad Request', message: String })
  }
  t.equal((await app.inject({ method: 'PATCH', url: `/api/v1/users/${root.id}`, headers: root.headers, payload: {} })).statusCode, 400, 'empty change')
  t.equal((await app.inject({ url: '/api/v1/users/not-an-id', headers: root.headers })).statusCode, 400, 'bad id')
  t.equal((await app.inject({ url: '/api/v1/users', headers: root.headers })).json().total, 1, 'nothing was created')
})

t.test('admins cannot demote or delete themselves', async (t) => {
  const app = await build(t)
  const root = await admin(app)
  t.equal((await app.inject({ method: 'PATCH', url: `/api/v1/users/${root.id}`, headers: root.headers, payload: { role: 'editor' } })).statusCode, 409)
  t.equal((await app.inject({ method: 'DELETE', url: `/api/v1/users/${root.id}`, headers: root.headers })).statusCode, 409)
  t.equal((await app.inject({ url: '/api/v1/users/me', headers: root.headers })).json().role, 'admin')
})

t.test('a user who owns forms cannot be deleted until they are reassigned', async (t) => {
  const app = await build(t)
  const root = await admin(app)
  const editor = await createUser(app, 'editor', root)
  const form = await createForm(app, editor)
  const refused = await app.inject({ method: 'DELETE', url: `/api/v1/users/${editor.id}`, headers: root.headers })
  t.equal(refused.statusCode, 409)
  t.match(refused.json().message, /owns 1 form/)
  const reassign = await app.inject({ method: 'PATCH', url: `/api/v1/forms/${form.id}`, headers: root.headers, payload: { owner_id: root.id } })
  t.equal(reassign.statusCode, 200)
  t.equal(reassign.json().owner_id, root.id)
  t.equal((await app.inject({ method: 'DELETE', url: `/api/v1/users/${editor.id}`, headers: root.headers })).statusCode, 204)
})

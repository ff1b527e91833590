import t from 'tap'
import { ADMIN, admin, bearer, build, createUser, login } from './support/app.js'

t.test('login returns a bearer token that identifies the user', async (t) => {
  const app = await build(t)
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: ADMIN })
  t.equal(res.statusCode, 200)
  const body = res.json()
  t.equal(body.token_type, 'Bearer')
  t.equal(body.expires_in, 3600)
  const claims = app.jwt.decode<{ iat: number, exp: number }>(body.access_token)!
  t.equal(claims.exp - claims.iat, 3600, 'the token expires when expires_in says')
  const me = await app.inject({ url: '/api/v1/users/me', headers: bearer(body.access_token) })
  t.equal(me.statusCode, 200)
  t.match(me.json(), { email: ADMIN.email, role: 'admin' })
  t.notOk('password_hash' in me.json(), 'never the password hash')
})

t.test('a wrong password and an unknown email get the same 401', async (t) => {
  const app = await build(t)
  const wrong = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: ADMIN.email, password: 'nope-nope' } })
  const unknown = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'who@example.test', password: 'nope-nope' } })
  t.equal(wrong.statusCode, 401)
  t.equal(unknown.statusCode, 401)
  t.same(wrong.json(), unknown.json())
  t.same(wrong.json(), { statusCode: 401, error: 'Unauthorized', message: 'Invalid email or password', code: 'UNAUTHORIZED' })
})

t.test('the email is matched case-insensitively', async (t) => {
  const app = await build(t)
  t.ok(await login(app, ADMIN.email.toUpperCase(), ADMIN.password))
})

t.test('login is rate limited', async (t) => {
  const app = await build(t, { RATE_LIMIT_LOGIN: '3' })
  const codes = []
  for (let i = 0; i < 4; i++) {
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: ADMIN.email, password: 'wrong-password' } })
    codes.push(res.statusCode)
    if (i === 3) {
      t.match(res.json(), { statusCode: 429, error: 'Too Many Requests' })
      t.ok(res.headers['retry-after'], 'Retry-After header')
    }
  }
  t.same(codes, [401, 401, 401, 429])
})

t.test('missing, malformed, forged and expired tokens get 401', async (t) => {
  const app = await build(t)
  const none = await app.inject({ url: '/api/v1/users/me' })
  t.equal(none.statusCode, 401)
  t.match(none.json(), { statusCode: 401, error: 'Unauthorized' })
  for (const authorization of ['Bearer not.a.token', 'Bearer', 'Basic YWRtaW46YWRtaW4=', 'Bearer a b']) {
    const res = await app.inject({ url: '/api/v1/users/me', headers: { authorization } })
    t.equal(res.statusCode, 401, authorization)
    t.match(res.json(), { statusCode: 401, error: 'Unauthorized', message: /token/ })
  }
  const noSubject = app.jwt.sign({ name: 'no subject' } as unknown as { sub: string })
  t.equal((await app.inject({ url: '/api/v1/users/me', headers: bearer(noSubject) })).statusCode, 401, 'a token without a subject')

  const other = await build(t, { JWT_SECRET: 'another-secret-another-secret-another-0' })
  const forged = await login(other, ADMIN.email, ADMIN.password)
  t.equal((await app.inject({ url: '/api/v1/users/me', headers: bearer(forged) })).statusCode, 401, 'signed with another secret')

  const user = await admin(app)
  // issued two hours ago with the one-hour lifetime
  const expired = app.jwt.sign({ sub: user.id, iat: Math.floor(Date.now() / 1000) - 7200 } as { sub: string })
  const res = await app.inject({ url: '/api/v1/users/me', headers: bearer(expired) })
  t.equal(res.statusCode, 401)
  t.match(res.json().message, /expired/i)
})

t.test('a token that worked expires all the same: what is remembered of a verified token keeps its expiry', async (t) => {
  const app = await build(t, { JWT_EXPIRES_IN: '1s' })
  const token = await login(app, ADMIN.email, ADMIN.password)
  const { exp } = app.jwt.decode<{ exp: number }>(token)!
  t.equal((await app.inject({ url: '/api/v1/users/me', headers: bearer(token) })).statusCode, 200, 'verified and remembered')
  await new Promise((resolve) => setTimeout(resolve, exp * 1000 - Date.now() + 50))
  const res = await app.inject({ url: '/api/v1/users/me', headers: bearer(token) })
  t.equal(res.statusCode, 401, 'refused once expired')
  t.match(res.json().message, /expired/i)
})

t.test('a deleted user\'s token stops working on the next request', async (t) => {
  const app = await build(t)
  const root = await admin(app)
  const editor = await createUser(app, 'editor', root)
  t.equal((await app.inject({ url: '/api/v1/users/me', headers: editor.headers })).statusCode, 200)
  const del = await app.inject({ method: 'DELETE', url: `/api/v1/users/${editor.id}`, headers: root.headers })
  t.equal(del.statusCode, 204)
  const after = await app.inject({ url: '/api/v1/users/me', headers: editor.headers })
  t.equal(after.statusCode, 401)
})

t.test('a demoted user loses the rights on the next request', async (t) => {
  const app = await build(t)
  const root = await admin(app)
  const other = await createUser(app, 'admin', root)
  t.equal((await app.inject({ url: '/api/v1/users', headers: other.headers })).statusCode, 200)
  const patch = await app.inject({ method: 'PATCH', url: `/api/v1/users/${other.id}`, headers: root.headers, payload: { role: 'viewer' } })
  t.equal(patch.statusCode, 200)
  t.equal((await app.inject({ url: '/api/v1/users', headers: other.headers })).statusCode, 403)
  t.equal((await app.inject({ url: '/api/v1/users/me', headers: other.headers })).json().role, 'viewer')
})

t.test('the bootstrap admin is created only when no user exists', async (t) => {
  const app = await build(t)
  const users = await app.inject({ url: '/api/v1/users', headers: (await admin(app)).headers })
  t.equal(users.json().total, 1)
  t.equal(await app.users.bootstrapAdmin('second@example.test', 'password-2'), null, 'not created: users exist')
})

import t, { type Test } from 'tap'
import type { FastifyInstance } from 'fastify'
import { admin, bearer, build, createUser, login, tempDir, uniquePrefix, type TestUser } from './support/app.js'

const me = (app: FastifyInstance, headers: { authorization: string }) => app.inject({ url: '/api/v1/users/me', headers })
const patchMe = (app: FastifyInstance, user: TestUser, payload: Record<string, unknown>) =>
  app.inject({ method: 'PATCH', url: '/api/v1/users/me', headers: user.headers, payload })

/** A revoked token: 401, code INVALID_TOKEN, and the RFC 6750 challenge saying so. */
function assertRevoked (t: Test, res: Awaited<ReturnType<FastifyInstance['inject']>>, name: string) {
  t.equal(res.statusCode, 401, name)
  t.match(res.json(), { statusCode: 401, error: 'Unauthorized', code: 'INVALID_TOKEN', message: /revoked/ }, name)
  t.match(res.headers['www-authenticate'], /^Bearer realm="forms-api", error="invalid_token", error_description="[^"]*revoked/, name)
}

t.test('PATCH /users/me changes one\'s own name, and nothing an admin decides', async (t) => {
  const app = await build(t)
  const editor = await createUser(app, 'editor')
  const res = await patchMe(app, editor, { name: 'Ada Lovelace' })
  t.equal(res.statusCode, 200)
  t.match(res.json(), { id: editor.id, name: 'Ada Lovelace', role: 'editor', email: editor.email })
  t.equal((await me(app, editor.headers)).json().name, 'Ada Lovelace', 'read back at once (the cached session was dropped)')
  for (const payload of [{ role: 'admin' }, { email: 'new@example.test' }, {}, { name: '' }]) {
    t.equal((await patchMe(app, editor, payload)).statusCode, 400, JSON.stringify(payload))
  }
  t.equal((await me(app, editor.headers)).json().role, 'editor')
  t.equal((await app.inject({ method: 'PATCH', url: '/api/v1/users/me', payload: { name: 'x' } })).statusCode, 401, 'anonymous')
})

t.test('a password change needs the current password and a password of 12+ characters, not only whitespace', async (t) => {
  const app = await build(t)
  const editor = await createUser(app, 'editor')
  const cases: Array<[string, Record<string, unknown>, number, RegExp]> = [
    ['no current_password', { password: 'a-new-password' }, 400, /current_password: required/],
    ['current_password alone', { current_password: 'user-password' }, 400, /current_password: only needed/],
    ['a wrong current_password', { password: 'a-new-password', current_password: 'not-my-password' }, 403, /current_password: does not match/],
    ['11 characters', { password: 'elevenchars', current_password: 'user-password' }, 400, /password/],
    ['only whitespace', { password: ' \t'.repeat(8), current_password: 'user-password' }, 400, /password/]
  ]
  for (const [name, payload, status, message] of cases) {
    const res = await patchMe(app, editor, payload)
    t.equal(res.statusCode, status, name)
    t.match(res.json(), { statusCode: status, message }, name)
  }
  t.equal((await me(app, editor.headers)).statusCode, 200, 'refused changes end no session')
  t.ok(await login(app, editor.email, 'user-password'), 'and keep the password')
})

t.test('an own password change refuses every older token on its next request; a new login works', async (t) => {
  const app = await build(t)
  const editor = await createUser(app, 'editor')
  const second = bearer(await login(app, editor.email, 'user-password'))
  t.equal((await me(app, second)).statusCode, 200, 'the session is cached')
  const res = await patchMe(app, editor, { password: 'a-brand-new-password', current_password: 'user-password' })
  t.equal(res.statusCode, 200)
  t.notOk('token_generation' in res.json() || 'password_hash' in res.json(), 'nothing internal in the answer')
  assertRevoked(t, await me(app, editor.headers), 'the token that changed it')
  assertRevoked(t, await me(app, second), 'another token')
  const fresh = bearer(await login(app, editor.email, 'a-brand-new-password'))
  t.equal((await me(app, fresh)).statusCode, 200, 'a token issued after the change')
  const old = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: editor.email, password: 'user-password' } })
  t.equal(old.statusCode, 401, 'the old password is gone')
})

t.test('an admin\'s password change and an admin\'s revocation refuse the user\'s older tokens', async (t) => {
  const app = await build(t)
  const root = await admin(app)
  const editor = await createUser(app, 'editor', root)
  const viewer = await createUser(app, 'viewer', root)

  const change = await app.inject({ method: 'PATCH', url: `/api/v1/users/${editor.id}`, headers: root.headers, payload: { password: 'set-by-the-admin' } })
  t.equal(change.statusCode, 200)
  assertRevoked(t, await me(app, editor.headers), 'after an admin set the password')

  t.equal((await me(app, viewer.headers)).statusCode, 200)
  const revoke = await app.inject({ method: 'DELETE', url: `/api/v1/users/${viewer.id}/sessions`, headers: root.headers })
  t.equal(revoke.statusCode, 204)
  assertRevoked(t, await me(app, viewer.headers), 'after the revocation')
  t.equal((await me(app, bearer(await login(app, viewer.email, 'user-password')))).statusCode, 200, 'the password still works')
  t.equal((await me(app, root.headers)).statusCode, 200, 'other users keep their sessions')

  const again = await createUser(app, 'editor', root)
  t.equal((await app.inject({ method: 'DELETE', url: `/api/v1/users/${root.id}/sessions`, headers: again.headers })).statusCode, 403, 'admins only')
  t.equal((await me(app, root.headers)).statusCode, 200, 'the refused revocation changed nothing')
  t.equal((await app.inject({ method: 'DELETE', url: `/api/v1/users/${'f'.repeat(24)}/sessions`, headers: root.headers })).statusCode, 404)
  t.equal((await app.inject({ method: 'DELETE', url: '/api/v1/users/nope/sessions', headers: root.headers })).statusCode, 400)
})

t.test('tokens issued in the same second as a change are told apart (generations, not times)', async (t) => {
  const app = await build(t)
  const root = await admin(app)
  const editor = await createUser(app, 'editor', root)
  const before = app.jwt.decode<{ iat: number, gen: number }>(editor.token)!
  await app.inject({ method: 'DELETE', url: `/api/v1/users/${editor.id}/sessions`, headers: root.headers })
  const afterToken = await login(app, editor.email, 'user-password')
  const after = app.jwt.decode<{ iat: number, gen: number }>(afterToken)!
  t.equal(after.gen, before.gen + 1)
  // whatever seconds the two tokens fell in, put them in one: only the generation decides
  for (const iat of [before.iat, after.iat]) {
    assertRevoked(t, await me(app, bearer(app.jwt.sign({ sub: editor.id, gen: before.gen, iat } as { sub: string }))), `old generation, iat ${iat}`)
    t.equal((await me(app, bearer(app.jwt.sign({ sub: editor.id, gen: after.gen, iat } as { sub: string })))).statusCode, 200, `current generation, iat ${iat}`)
  }
  t.equal((await me(app, bearer(afterToken))).statusCode, 200)
})

t.test('a token without a generation (issued before revocation existed) works until the first revocation', async (t) => {
  const app = await build(t)
  const root = await admin(app)
  const editor = await createUser(app, 'editor', root)
  const legacy = bearer(app.jwt.sign({ sub: editor.id }))
  t.equal((await me(app, legacy)).statusCode, 200)
  await app.inject({ method: 'DELETE', url: `/api/v1/users/${editor.id}/sessions`, headers: root.headers })
  assertRevoked(t, await me(app, legacy), 'after a revocation')
})

t.test('a revocation on one instance reaches another that has the session cached', async (t) => {
  const shared = { SQLITE_PATH: `${tempDir(t)}/forms.db`, REDIS_KEY_PREFIX: uniquePrefix() }
  const one = await build(t, shared)
  const two = await build(t, shared)
  const root = await admin(one)
  const editor = await createUser(one, 'editor', root)
  t.equal((await me(two, editor.headers)).statusCode, 200, 'instance two caches the session')
  t.equal((await one.inject({ method: 'DELETE', url: `/api/v1/users/${editor.id}/sessions`, headers: root.headers })).statusCode, 204)
  // the invalidation travels over Redis pub/sub
  let status = 200
  for (let i = 0; i < 50 && status === 200; i++) {
    status = (await me(two, editor.headers)).statusCode
    if (status === 200) await new Promise((resolve) => setTimeout(resolve, 20))
  }
  t.equal(status, 401, 'refused on the other instance too')
})

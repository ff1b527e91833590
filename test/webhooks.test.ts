import t, { type Test } from 'tap'
import type { FastifyInstance } from 'fastify'
import { admin, build, createForm, createUser, type Env, type TestUser } from './support/app.js'

async function setup (t: Test, env: Env = {}) {
  const app = await build(t, env)
  const root = await admin(app)
  const owner = await createUser(app, 'editor', root)
  const form = await createForm(app, owner)
  return { app, root, owner, form, base: `/api/v1/forms/${form.id}/webhooks` }
}

const hook = { url: 'https://hooks.example.com/forms', events: ['response.submitted'] }

const call = (app: FastifyInstance, user: TestUser | null, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
  app.inject({ method, url, headers: user?.headers ?? {}, ...(payload === undefined ? {} : { payload }) })

t.test('create, list, read, change and delete; the secret is shown by the POST only', async (t) => {
  const { app, owner, form, base } = await setup(t)
  const created = await call(app, owner, 'POST', base, hook)
  t.equal(created.statusCode, 201)
  const webhook = created.json()
  t.match(webhook, { form_id: form.id, url: hook.url, events: hook.events, active: true })
  t.match(webhook.secret, /^whsec_[A-Za-z0-9+/]{43}=$/, 'a generated 256-bit Standard Webhooks secret')
  t.equal(Buffer.from(webhook.secret.slice(6), 'base64').length, 32)
  t.notOk('last_delivery' in webhook)
  t.equal(created.headers.location, `${base}/${webhook.id}`)
  const { secret: _secret, ...visible } = webhook

  const listed = await call(app, owner, 'GET', base)
  t.equal(listed.statusCode, 200)
  t.same(listed.json(), { items: [visible], page: 1, per_page: 20, total: 1 })
  t.notMatch(listed.body, webhook.secret, 'never in a list')
  const read = await call(app, owner, 'GET', `${base}/${webhook.id}`)
  t.same(read.json(), visible)

  const patched = await call(app, owner, 'PATCH', `${base}/${webhook.id}`, { active: false, events: ['form.updated', 'form.deleted'], secret: 'a-new-secret-0123456789' })
  t.equal(patched.statusCode, 200)
  t.match(patched.json(), { active: false, events: ['form.updated', 'form.deleted'], url: hook.url })
  t.notOk('secret' in patched.json(), 'a new secret is accepted but not shown')
  t.equal((await app.repositories.webhooks.findById(form.id, webhook.id))?.secret, 'a-new-secret-0123456789')

  const given = await call(app, owner, 'POST', base, { ...hook, secret: 'my-own-secret-of-20+', active: false })
  t.match(given.json(), { secret: 'my-own-secret-of-20+', active: false }, 'a given secret is kept')
  const whsec = `whsec_${Buffer.alloc(24, 7).toString('base64')}`
  t.match((await call(app, owner, 'POST', base, { ...hook, secret: whsec })).json(), { secret: whsec }, 'a given whsec_ secret is kept')

  t.equal((await call(app, owner, 'DELETE', `${base}/${webhook.id}`)).statusCode, 204)
  t.equal((await call(app, owner, 'GET', `${base}/${webhook.id}`)).statusCode, 404)
  t.equal((await call(app, owner, 'DELETE', `${base}/${webhook.id}`)).statusCode, 404)
  t.equal((await call(app, owner, 'PATCH', `${base}/${webhook.id}`, { active: true })).statusCode, 404)
  t.equal((await call(app, owner, 'GET', base)).json().total, 2, 'the two given-secret webhooks are left')
})

t.test('only the form\'s owner or an admin manages its webhooks', async (t) => {
  const { app, root, owner, base } = await setup(t)
  const webhook = (await call(app, owner, 'POST', base, hook)).json()
  const one = `${base}/${webhook.id}`
  for (const role of ['editor', 'viewer'] as const) {
    const user = await createUser(app, role, root)
    t.equal((await call(app, user, 'GET', base)).statusCode, 403, `${role} lists`)
    t.equal((await call(app, user, 'GET', one)).statusCode, 403, `${role} reads`)
    t.equal((await call(app, user, 'POST', base, hook)).statusCode, 403, `${role} creates`)
    t.equal((await call(app, user, 'PATCH', one, { active: false })).statusCode, 403, `${role} changes`)
    t.equal((await call(app, user, 'DELETE', one)).statusCode, 403, `${role} deletes`)
  }
  for (const [method, url] of [['GET', base], ['GET', one], ['POST', base], ['PATCH', one], ['DELETE', one]] as const) {
    t.equal((await call(app, null, method, url, method === 'POST' ? hook : method === 'PATCH' ? { active: false } : undefined)).statusCode, 401, `anonymous ${method}`)
  }
  t.match((await call(app, owner, 'GET', one)).json(), { active: true }, 'unchanged')
  t.equal((await call(app, owner, 'GET', base)).json().total, 1, 'none added')

  t.equal((await call(app, root, 'GET', base)).statusCode, 200, 'admin lists')
  t.equal((await call(app, root, 'POST', base, hook)).statusCode, 201, 'admin creates')
  t.equal((await call(app, root, 'PATCH', one, { active: false })).statusCode, 200, 'admin changes')
  t.equal((await call(app, root, 'DELETE', one)).statusCode, 204, 'admin deletes')
  t.equal((await call(app, root, 'GET', `/api/v1/forms/${'f'.repeat(24)}/webhooks`)).statusCode, 404, 'unknown form')
  const otherForm = await createForm(app, root)
  const foreign = (await call(app, root, 'POST', `/api/v1/forms/${otherForm.id}/webhooks`, hook)).json()
  t.equal((await call(app, owner, 'GET', `${base}/${foreign.id}`)).statusCode, 404, 'not through another form')
})

t.test('bad webhooks are a 400 naming the field, and store nothing', async (t) => {
  const { app, owner, base } = await setup(t)
  const cases: Array<[string, object, RegExp]> = [
    ['ftp URL', { ...hook, url: 'ftp://example.com/x' }, /^url: only http and https URLs are allowed$/],
    ['javascript URL', { ...hook, url: 'javascript:alert(1)' }, /^url: only http and https/],
    ['not a URL', { ...hook, url: 'hooks' }, /url/],
    ['loopback IP', { ...hook, url: 'http://127.0.0.1:3000/' }, /^url: 127\.0\.0\.1 is a loopback address \(allowed only with WEBHOOK_ALLOW_PRIVATE=true\)$/],
    ['loopback in decimal', { ...hook, url: 'http://2130706433/' }, /^url: 127\.0\.0\.1 is a loopback/],
    ['IPv6 loopback', { ...hook, url: 'http://[::1]/' }, /^url: ::1 is a loopback/],
    ['private IP', { ...hook, url: 'http://10.0.0.8/' }, /^url: 10\.0\.0\.8 is a private address/],
    ['metadata IP', { ...hook, url: 'http://169.254.169.254/latest/meta-data/' }, /^url: 169\.254\.169\.254 is a metadata address, never a webhook target$/],
    ['no events', { ...hook, events: [] }, /events/],
    ['an event twice', { ...hook, events: ['form.updated', 'form.updated'] }, /events.*duplicate/],
    ['unknown event', { ...hook, events: ['form.created'] }, /events\/0/],
    ['short secret', { ...hook, secret: 'short' }, /secret/],
    ['whsec_ secret that is not base64', { ...hook, secret: 'whsec_not base64 at all!!' }, /^secret: a whsec_ secret must be followed by the base64 of 24 to 64 bytes$/],
    ['whsec_ secret of 16 bytes', { ...hook, secret: `whsec_${Buffer.alloc(16).toString('base64')}` }, /^secret: a whsec_ secret/],
    ['whsec_ secret of 65 bytes', { ...hook, secret: `whsec_${Buffer.alloc(65).toString('base64')}` }, /^secret: a whsec_ secret/],
    ['active not a boolean', { ...hook, active: 'yes' }, /active/],
    ['unknown property', { ...hook, retries: 3 }, /body/],
    ['no URL', { events: hook.events }, /url/]
  ]
  for (const [name, payload, message] of cases) {
    const res = await call(app, owner, 'POST', base, payload)
    t.equal(res.statusCode, 400, name)
    t.match(res.json(), { statusCode: 400, message }, name)
  }
  t.equal((await call(app, owner, 'GET', base)).json().total, 0, 'nothing stored')

  const webhook = (await call(app, owner, 'POST', base, hook)).json()
  for (const [name, payload, message] of [
    ['PATCH to a loopback IP', { url: 'http://127.0.0.1/' }, /^url: 127\.0\.0\.1 is a loopback/],
    ['PATCH to link-local IPv6', { url: 'http://[fe80::1]/' }, /^url: fe80::1 is a link-local address/],
    ['PATCH without events', { events: [] }, /events/],
    ['PATCH to a malformed whsec_ secret', { secret: 'whsec_AAAA-not-base64' }, /^secret: a whsec_ secret/],
    ['empty PATCH', {}, /body/]
  ] as const) {
    const res = await call(app, owner, 'PATCH', `${base}/${webhook.id}`, payload)
    t.equal(res.statusCode, 400, name)
    t.match(res.json().message, message, name)
  }
  const { secret: _secret, ...visible } = webhook
  t.same((await call(app, owner, 'GET', `${base}/${webhook.id}`)).json(), visible, 'unchanged')
})

t.test('with WEBHOOK_ALLOW_PRIVATE, private targets are accepted, link-local and metadata still refused', async (t) => {
  const { app, owner, base } = await setup(t, { WEBHOOK_ALLOW_PRIVATE: 'true' })
  for (const url of ['http://127.0.0.1:8080/', 'http://[::1]/', 'http://192.168.1.20/', 'http://localhost/']) {
    t.equal((await call(app, owner, 'POST', base, { ...hook, url })).statusCode, 201, url)
  }
  for (const url of ['http://169.254.169.254/', 'http://[fe80::1]/', 'http://[fd00:ec2::254]/', 'http://100.100.100.200/', 'http://[::ffff:169.254.169.254]/', 'http://169.254.0.1/']) {
    const res = await call(app, owner, 'POST', base, { ...hook, url })
    t.equal(res.statusCode, 400, url)
    t.match(res.json().message, /never a webhook target/, url)
  }
})

t.test('a form has at most 50 webhooks', async (t) => {
  const { app, owner, base } = await setup(t)
  for (let i = 0; i < 50; i++) await call(app, owner, 'POST', base, { ...hook, url: `https://hooks.example.com/${i}` })
  const more = await call(app, owner, 'POST', base, hook)
  t.equal(more.statusCode, 409)
  t.match(more.json().message, /at most 50 webhooks/)
  const page = (await call(app, owner, 'GET', `${base}?page=3&per_page=20`)).json()
  t.match(page, { page: 3, per_page: 20, total: 50 })
  t.same(page.items.map((w: { url: string }) => w.url), Array.from({ length: 10 }, (_, i) => `https://hooks.example.com/${40 + i}`), 'oldest first')
})

t.test('deleting a form deletes its webhooks', async (t) => {
  const { app, owner, form, base } = await setup(t)
  await call(app, owner, 'POST', base, hook)
  t.equal((await call(app, owner, 'DELETE', `/api/v1/forms/${form.id}`)).statusCode, 204)
  t.same(await app.repositories.webhooks.listByForm(form.id), [])
})

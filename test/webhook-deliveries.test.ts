import { createHmac } from 'node:crypto'
import t, { type Test } from 'tap'
import type { FastifyInstance } from 'fastify'
import { Webhook as StandardWebhook } from 'standardwebhooks'
import { admin, build, createForm, createUser, tempDir, type Env, type TestUser } from './support/app.js'
import { deferred, startReceiver, type ReceivedRequest, type Receiver } from './support/receiver.js'
import { until } from './support/wait.js'

// Deliveries through the real app to a real receiver on 127.0.0.1, so these
// run with WEBHOOK_ALLOW_PRIVATE=true unless a test is about refusing it.
// Retries are shrunk to milliseconds; the relay polls often.
const FAST = {
  WEBHOOK_ALLOW_PRIVATE: 'true', WEBHOOK_RETRY_BASE_MS: '20', WEBHOOK_RETRY_MAX_MS: '200', OUTBOX_POLL_MS: '50', WEBHOOK_TIMEOUT_MS: '2000'
}

async function setup (t: Test, env: Env = {}) {
  const app = await build(t, { ...FAST, ...env })
  const owner = await createUser(app, 'editor')
  const form = await createForm(app, owner)
  return { app, owner, form }
}

async function addWebhook (app: FastifyInstance, user: TestUser, formId: string, body: object) {
  const res = await app.inject({ method: 'POST', url: `/api/v1/forms/${formId}/webhooks`, headers: user.headers, payload: body })
  if (res.statusCode !== 201) throw new Error(`webhook creation failed: ${res.statusCode} ${res.body}`)
  return res.json()
}

const submit = (app: FastifyInstance, formId: string, answers: object = { full_name: 'Ada' }) =>
  app.inject({ method: 'POST', url: `/api/v1/forms/${formId}/responses`, payload: { answers } })

const lastDelivery = async (app: FastifyInstance, user: TestUser, formId: string, id: string) =>
  (await app.inject({ url: `/api/v1/forms/${formId}/webhooks/${id}`, headers: user.headers })).json().last_delivery

const deliveryLog = (app: FastifyInstance, user: TestUser | null, formId: string, id: string, query = '') =>
  app.inject({ url: `/api/v1/forms/${formId}/webhooks/${id}/deliveries${query}`, headers: user?.headers ?? {} })

const hmac = (secret: string, body: string) => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`

/** The specification's reference library verifies the request, or throws. `whsec_` secrets are decoded by it; others are raw bytes. */
function verifyStandard (secret: string, request: ReceivedRequest) {
  const verifier = secret.startsWith('whsec_') ? new StandardWebhook(secret) : new StandardWebhook(Buffer.from(secret, 'utf8') as never, { format: 'raw' })
  return verifier.verify(request.body, request.headers as Record<string, string>)
}

t.test('a submitted response reaches the receiver as a signed event, after the submission was answered', async (t) => {
  const { app, owner, form } = await setup(t)
  const submissionAnswered = deferred()
  // the receiver holds its reply until the submission's response has arrived:
  // a submission that waited for the delivery would never be answered in time
  const receiver = await startReceiver(t, async () => {
    await submissionAnswered.promise
    return 200
  })
  const webhook = await addWebhook(app, owner, form.id, { url: `${receiver.origin}/hooks/forms`, events: ['response.submitted'] })
  t.match(webhook.secret, /^whsec_[A-Za-z0-9+/]{43}=$/, 'a generated Standard Webhooks secret (32 bytes)')

  const res = await submit(app, form.id)
  t.equal(res.statusCode, 201, 'answered while the receiver still holds the delivery')
  submissionAnswered.resolve()
  const [delivery] = await receiver.received(1)
  await app.outbox.idle()

  t.equal(delivery?.method, 'POST')
  t.equal(delivery?.url, '/hooks/forms')
  t.same(verifyStandard(webhook.secret, delivery!), JSON.parse(delivery!.body), 'webhook-signature verifies with the reference library')
  t.match(delivery?.headers['webhook-signature'], /^v1,[A-Za-z0-9+/]{43}=$/)
  const timestamp = Number(delivery?.headers['webhook-timestamp'])
  t.ok(Math.abs(timestamp - Date.now() / 1000) < 60, 'webhook-timestamp is the current Unix time in seconds')
  t.equal(delivery?.headers['x-webhook-signature'], hmac(webhook.secret, delivery!.body), 'X-Webhook-Signature: sha256=<HMAC of the raw body>')
  const event = JSON.parse(delivery!.body)
  t.same(Object.keys(event).sort(), ['data', 'event', 'form_id', 'id', 'occurred_at'])
  t.match(event, { event: 'response.submitted', form_id: form.id, data: res.json() })
  t.match(event.id, /^[0-9a-f]{24}$/)
  t.equal(delivery?.headers['x-webhook-event-id'], event.id)
  t.equal(delivery?.headers['x-webhook-event'], 'response.submitted')
  t.ok(new Date(event.occurred_at).toISOString() === event.occurred_at, 'occurred_at is an ISO timestamp')

  t.match(await lastDelivery(app, owner, form.id, webhook.id), { event: 'response.submitted', status: 'success', status_code: 200, attempts: 1 },
    'delivered by the first attempt: it did not time out waiting for the submission')
  const log = (await deliveryLog(app, owner, form.id, webhook.id)).json()
  t.match(log, { page: 1, per_page: 20, total: 1 })
  t.same(Object.keys(log.items[0]).sort(),
    ['attempts', 'created_at', 'delivered_at', 'event', 'id', 'last_error', 'last_status_code', 'next_attempt_at', 'status'])
  t.match(log.items[0], {
    id: delivery?.headers['webhook-id'], event: 'response.submitted', status: 'delivered', attempts: 1, last_status_code: 200, last_error: null, next_attempt_at: null
  }, 'the log item is the delivery, by its webhook-id')
  t.ok(log.items[0].delivered_at >= log.items[0].created_at)
})

t.test('a failing receiver is retried with the same webhook-id, signed anew; the delivery log shows the attempts', async (t) => {
  const { app, owner, form } = await setup(t)
  const receiver = await startReceiver(t, (_request, i) => i < 2 ? 502 : 200)
  const webhook = await addWebhook(app, owner, form.id, { url: receiver.origin, events: ['response.submitted'], secret: 'a-secret-of-my-own!' })
  t.equal(webhook.secret, 'a-secret-of-my-own!', 'a given secret is kept')
  await submit(app, form.id)
  await receiver.received(3)
  await app.outbox.idle()

  const requests = receiver.requests
  t.equal(requests.length, 3)
  t.equal(new Set(requests.map((r) => r.headers['webhook-id'])).size, 1, 'one webhook-id for every attempt')
  t.equal(new Set(requests.map((r) => r.body)).size, 1, 'the same body every time')
  t.same(requests.map((r) => r.headers['x-webhook-attempt']), ['1', '2', '3'])
  for (const request of requests) {
    t.doesNotThrow(() => verifyStandard('a-secret-of-my-own!', request), 'a secret that is not whsec_ signs as its UTF-8 bytes')
    t.equal(request.headers['x-webhook-signature'], hmac('a-secret-of-my-own!', request.body))
  }
  t.match(await lastDelivery(app, owner, form.id, webhook.id), { status: 'success', status_code: 200, attempts: 3 })
  t.match((await deliveryLog(app, owner, form.id, webhook.id)).json().items, [{
    id: requests[0]?.headers['webhook-id'], status: 'delivered', attempts: 3, last_status_code: 200, last_error: null, next_attempt_at: null
  }])
})

t.test('after WEBHOOK_MAX_ATTEMPTS a delivery ends as failed and nothing more is sent', async (t) => {
  const { app, owner, form } = await setup(t, { WEBHOOK_MAX_ATTEMPTS: '3' })
  const receiver = await startReceiver(t, () => 503)
  const webhook = await addWebhook(app, owner, form.id, { url: receiver.origin, events: ['response.submitted'] })
  await submit(app, form.id)
  await app.outbox.idle()
  t.equal(receiver.requests.length, 3)
  t.match((await deliveryLog(app, owner, form.id, webhook.id)).json().items, [{
    status: 'failed', attempts: 3, last_status_code: 503, last_error: 'HTTP 503', next_attempt_at: null, delivered_at: null
  }])
  t.match(await lastDelivery(app, owner, form.id, webhook.id), { status: 'failed', attempts: 3, status_code: 503, error: 'HTTP 503' })
})

t.test('a pending delivery shows when its next attempt is due', async (t) => {
  const { app, owner, form } = await setup(t, { WEBHOOK_RETRY_BASE_MS: '3600000', WEBHOOK_RETRY_MAX_MS: '3600000' })
  const receiver = await startReceiver(t, () => 500)
  const webhook = await addWebhook(app, owner, form.id, { url: receiver.origin, events: ['response.submitted'] })
  await submit(app, form.id)
  await receiver.received(1)
  await until(async () => (await lastDelivery(app, owner, form.id, webhook.id))?.status === 'retrying', 120_000, 'the delivery to be retried', 5)
  const [item] = (await deliveryLog(app, owner, form.id, webhook.id)).json().items
  t.match(item, { status: 'pending', attempts: 1, last_status_code: 500, last_error: 'HTTP 500', delivered_at: null })
  const due = Date.parse(item.next_attempt_at) - Date.now()
  t.ok(due > 3_500_000 && due <= 3_600_000, 'due an hour after the failed attempt')
})

t.test('form and response changes are delivered to the webhooks subscribed to them, active ones only', async (t) => {
  const { app, owner, form } = await setup(t)
  const receiver = await startReceiver(t)
  await addWebhook(app, owner, form.id, { url: `${receiver.origin}/form-updates`, events: ['form.updated'] })
  await addWebhook(app, owner, form.id, { url: `${receiver.origin}/response-updates`, events: ['response.updated'] })
  await addWebhook(app, owner, form.id, { url: `${receiver.origin}/inactive`, events: ['form.updated', 'response.updated'], active: false })

  const response = (await submit(app, form.id)).json()
  const patched = await app.inject({ method: 'PATCH', url: `/api/v1/forms/${form.id}`, headers: owner.headers, payload: { title: 'New title' } })
  const updated = await app.inject({
    method: 'PUT', url: `/api/v1/forms/${form.id}/responses/${response.id}`, headers: owner.headers, payload: { answers: { full_name: 'Grace' } }
  })
  await app.outbox.idle()

  const byPath = Object.fromEntries(receiver.requests.map((r) => [r.url, JSON.parse(r.body)]))
  t.same(Object.keys(byPath).sort(), ['/form-updates', '/response-updates'], 'nothing for the inactive one, no response.submitted')
  t.match(byPath['/form-updates'], { event: 'form.updated', form_id: form.id, data: patched.json() })
  t.match(byPath['/response-updates'], { event: 'response.updated', form_id: form.id, data: updated.json() })
})

t.test('form.deleted reaches the webhooks the deletion removed', async (t) => {
  const { app, owner, form } = await setup(t)
  const receiver = await startReceiver(t)
  const webhook = await addWebhook(app, owner, form.id, { url: receiver.origin, events: ['form.deleted'] })
  t.equal((await app.inject({ method: 'DELETE', url: `/api/v1/forms/${form.id}`, headers: owner.headers })).statusCode, 204)
  const [delivery] = await receiver.received(1)
  await app.outbox.idle()
  const event = JSON.parse(delivery!.body)
  t.match(event, { event: 'form.deleted', form_id: form.id, data: { id: form.id, title: form.title } })
  t.doesNotThrow(() => verifyStandard(webhook.secret, delivery!))
  t.equal(delivery?.headers['x-webhook-signature'], hmac(webhook.secret, delivery!.body))
  t.same(await app.repositories.webhooks.listByForm(form.id), [], 'the webhook itself is gone')
})

t.test('a deactivated webhook\'s pending deliveries end as failed, and nothing more is sent', async (t) => {
  const { app, owner, form } = await setup(t, { WEBHOOK_RETRY_BASE_MS: '300', WEBHOOK_RETRY_MAX_MS: '300' })
  const receiver = await startReceiver(t, () => 500)
  const webhook = await addWebhook(app, owner, form.id, { url: receiver.origin, events: ['response.submitted'] })
  await submit(app, form.id)
  await receiver.received(1)
  await app.inject({ method: 'PATCH', url: `/api/v1/forms/${form.id}/webhooks/${webhook.id}`, headers: owner.headers, payload: { active: false } })
  await app.outbox.idle()
  t.equal(receiver.requests.length, 1)
  t.match((await deliveryLog(app, owner, form.id, webhook.id)).json().items, [{ status: 'failed', attempts: 2, last_error: 'webhook inactive' }])
})

t.test('the delivery log: the form\'s owner or an admin, paged newest first; 404 for unknown webhooks', async (t) => {
  const { app, owner, form } = await setup(t)
  const root = await admin(app)
  const receiver = await startReceiver(t)
  const webhook = await addWebhook(app, owner, form.id, { url: receiver.origin, events: ['response.submitted'] })
  for (let i = 0; i < 3; i++) t.equal((await submit(app, form.id, { full_name: `n${i}` })).statusCode, 201)
  await app.outbox.idle()

  const all = (await deliveryLog(app, owner, form.id, webhook.id)).json()
  t.equal(all.total, 3)
  const ids = receiver.requests.map((r) => JSON.parse(r.body).data.answers.full_name)
  t.same(ids.sort(), ['n0', 'n1', 'n2'])
  const byId = new Map(receiver.requests.map((r) => [r.headers['webhook-id'], JSON.parse(r.body).data.answers.full_name]))
  t.same(all.items.map((item: { id: string }) => byId.get(item.id)), ['n2', 'n1', 'n0'], 'newest first')
  const second = (await deliveryLog(app, owner, form.id, webhook.id, '?page=2&per_page=2')).json()
  t.match(second, { page: 2, per_page: 2, total: 3 })
  t.same(second.items.map((item: { id: string }) => item.id), [all.items[2].id])

  t.equal((await deliveryLog(app, root, form.id, webhook.id)).statusCode, 200, 'an admin')
  for (const role of ['editor', 'viewer'] as const) {
    t.equal((await deliveryLog(app, await createUser(app, role, root), form.id, webhook.id)).statusCode, 403, `another ${role}`)
  }
  t.equal((await deliveryLog(app, null, form.id, webhook.id)).statusCode, 401, 'anonymous')
  t.equal((await deliveryLog(app, owner, form.id, 'f'.repeat(24))).statusCode, 404, 'unknown webhook')
  const other = await createForm(app, owner)
  t.equal((await deliveryLog(app, owner, other.id, webhook.id)).statusCode, 404, 'not through another form')
  t.equal((await deliveryLog(app, owner, form.id, 'nope')).statusCode, 400, 'malformed id')
  t.equal((await deliveryLog(app, owner, form.id, webhook.id, '?per_page=101')).statusCode, 400, 'per_page over 100')
})

/** A webhook that reached the database around the create-time check (another instance's config, an older version). */
async function storeWebhook (app: FastifyInstance, formId: string, url: string) {
  return app.repositories.webhooks.create({ form_id: formId, url, events: ['response.submitted'], active: true, secret: 'a-secret-of-sixteen+' })
}

async function deliverOnce (t: Test, app: FastifyInstance, owner: TestUser, formId: string, webhookId: string, receiver?: Receiver) {
  t.equal((await submit(app, formId)).statusCode, 201)
  await app.outbox.idle()
  if (receiver !== undefined) t.equal(receiver.connections(), 0, 'nothing reached the receiver')
  const [logged] = (await deliveryLog(app, owner, formId, webhookId)).json().items
  t.match(logged, { status: 'failed', attempts: 1, last_error: 'address not allowed', last_status_code: null }, 'the log names the class of failure')
  return lastDelivery(app, owner, formId, webhookId)
}

const RESOLVED = /127\.0\.0\.1|::1|169\.254|fe80|fd00|100\.100|resolves/

t.test('without WEBHOOK_ALLOW_PRIVATE, a host name resolving to loopback is refused when delivering, without naming the address', async (t) => {
  const { app, owner, form } = await setup(t, { WEBHOOK_ALLOW_PRIVATE: 'false' })
  const receiver = await startReceiver(t)
  // names pass the create-time check; they are resolved and checked when connecting
  const webhook = await addWebhook(app, owner, form.id, { url: `http://localhost:${receiver.port}/`, events: ['response.submitted'] })
  const last = await deliverOnce(t, app, owner, form.id, webhook.id, receiver)
  t.match(last, { status: 'failed', attempts: 1, error: 'address not allowed' }, 'refused for good, not retried')
  const views = [await lastDelivery(app, owner, form.id, webhook.id), (await deliveryLog(app, owner, form.id, webhook.id)).json()]
  t.notMatch(JSON.stringify(views), RESOLVED, 'no resolved address in what the API shows')
})

t.test('a loopback webhook saved with WEBHOOK_ALLOW_PRIVATE=true is refused once the service runs without it', async (t) => {
  const path = `${tempDir(t)}/forms.db`
  const receiver = await startReceiver(t)
  const before = await setup(t, { SQLITE_PATH: path })
  const webhook = await addWebhook(before.app, before.owner, before.form.id, { url: receiver.origin, events: ['response.submitted'] })
  await before.app.close()

  const app = await build(t, { ...FAST, WEBHOOK_ALLOW_PRIVATE: 'false', SQLITE_PATH: path })
  // same JWT secret, same database: the owner's token still works
  t.match(await deliverOnce(t, app, before.owner, before.form.id, webhook.id, receiver), { status: 'failed', attempts: 1, error: 'address not allowed' })
})

t.test('link-local and metadata targets are refused when delivering, even with WEBHOOK_ALLOW_PRIVATE', async (t) => {
  const { app, owner, form } = await setup(t)
  for (const url of ['http://169.254.169.254/latest/meta-data/', 'http://[fe80::1]:8080/', 'http://100.100.100.200/', 'http://[fd00:ec2::254]/']) {
    const webhook = await storeWebhook(app, form.id, url)
    t.match(await deliverOnce(t, app, owner, form.id, webhook.id), { status: 'failed', attempts: 1, error: 'address not allowed' }, url)
    await app.repositories.webhooks.delete(form.id, webhook.id)
  }
})

t.test('closing the app keeps pending deliveries in the outbox: the next start delivers them', async (t) => {
  const path = `${tempDir(t)}/forms.db`
  let up = false
  const receiver = await startReceiver(t, () => up ? 200 : 500)
  const { app, owner, form } = await setup(t, { SQLITE_PATH: path })
  const webhook = await addWebhook(app, owner, form.id, { url: receiver.origin, events: ['response.submitted'] })
  await submit(app, form.id)
  await receiver.received(1)
  await app.close()

  up = true
  const again = await build(t, { ...FAST, SQLITE_PATH: path })
  await again.outbox.idle()
  const delivered = receiver.requests.filter((r) => r.headers['webhook-id'] === receiver.requests[0]?.headers['webhook-id'])
  t.equal(delivered.length, receiver.requests.length, 'every attempt carried the same webhook-id')
  t.match((await deliveryLog(again, owner, form.id, webhook.id)).json().items, [{ status: 'delivered', last_status_code: 200 }])
})

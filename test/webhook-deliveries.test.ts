import { createHmac } from 'node:crypto'
import t, { type Test } from 'tap'
import type { FastifyInstance } from 'fastify'
import { build, createForm, createUser, tempDir, type Env, type TestUser } from './helper.js'
import { deferred, startReceiver, type Receiver } from './receiver.js'

// Deliveries through the real app to a real receiver on 127.0.0.1, so these
// run with WEBHOOK_ALLOW_PRIVATE=true unless a test is about refusing it.
const ALLOW_PRIVATE = { WEBHOOK_ALLOW_PRIVATE: 'true' }

async function setup (t: Test, env: Env = ALLOW_PRIVATE) {
  const app = await build(t, env)
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

const hmac = (secret: string, body: string) => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`

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

  const res = await submit(app, form.id)
  t.equal(res.statusCode, 201, 'answered while the receiver still holds the delivery')
  submissionAnswered.resolve()
  const [delivery] = await receiver.received(1)
  await app.webhookDeliveries.idle()

  t.equal(delivery?.method, 'POST')
  t.equal(delivery?.url, '/hooks/forms')
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
})

t.test('a failing receiver is retried and the outcome is visible as last_delivery', async (t) => {
  const { app, owner, form } = await setup(t)
  const receiver = await startReceiver(t, (_request, i) => i === 0 ? 502 : 200)
  const webhook = await addWebhook(app, owner, form.id, { url: receiver.origin, events: ['response.submitted'], secret: 'a-secret-of-my-own!' })
  await submit(app, form.id)
  const [first] = await receiver.received(1)
  await app.webhookDeliveries.idle()

  t.equal(receiver.requests.length, 2)
  const [, second] = receiver.requests
  t.equal(second?.body, first?.body, 'the same event')
  t.same([first?.headers['x-webhook-attempt'], second?.headers['x-webhook-attempt']], ['1', '2'])
  t.equal(second?.headers['x-webhook-signature'], hmac('a-secret-of-my-own!', second!.body), 'signed with the given secret')
  t.match(await lastDelivery(app, owner, form.id, webhook.id), { status: 'success', status_code: 200, attempts: 2 })
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
  await app.webhookDeliveries.idle()

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
  await app.webhookDeliveries.idle()
  const event = JSON.parse(delivery!.body)
  t.match(event, { event: 'form.deleted', form_id: form.id, data: { id: form.id, title: form.title } })
  t.equal(delivery?.headers['x-webhook-signature'], hmac(webhook.secret, delivery!.body))
  t.same(await app.repositories.webhooks.listByForm(form.id), [], 'the webhook itself is gone')
})

/** A webhook that reached the database around the create-time check (another instance's config, an older version). */
async function storeWebhook (app: FastifyInstance, formId: string, url: string) {
  return app.repositories.webhooks.create({ form_id: formId, url, events: ['response.submitted'], active: true, secret: 'a-secret-of-sixteen+' })
}

async function deliverOnce (t: Test, app: FastifyInstance, owner: TestUser, formId: string, webhookId: string, receiver?: Receiver) {
  t.equal((await submit(app, formId)).statusCode, 201)
  await app.webhookDeliveries.idle()
  if (receiver !== undefined) t.equal(receiver.connections(), 0, 'nothing reached the receiver')
  return lastDelivery(app, owner, formId, webhookId)
}

t.test('without WEBHOOK_ALLOW_PRIVATE, a host name resolving to loopback is refused when delivering', async (t) => {
  const { app, owner, form } = await setup(t, { WEBHOOK_ALLOW_PRIVATE: 'false' })
  const receiver = await startReceiver(t)
  // names pass the create-time check; they are resolved and checked when connecting
  const webhook = await addWebhook(app, owner, form.id, { url: `http://localhost:${receiver.port}/`, events: ['response.submitted'] })
  t.match(await deliverOnce(t, app, owner, form.id, webhook.id, receiver), {
    status: 'failed', attempts: 1, error: /^refused: localhost resolves to (127\.0\.0\.1|::1) is a loopback address/
  }, 'refused for good, not retried')
})

t.test('a loopback webhook saved with WEBHOOK_ALLOW_PRIVATE=true is refused once the service runs without it', async (t) => {
  const path = `${tempDir(t)}/forms.db`
  const receiver = await startReceiver(t)
  const before = await setup(t, { ...ALLOW_PRIVATE, SQLITE_PATH: path })
  const webhook = await addWebhook(before.app, before.owner, before.form.id, { url: receiver.origin, events: ['response.submitted'] })
  await before.app.close()

  const app = await build(t, { SQLITE_PATH: path })
  // same JWT secret, same database: the owner's token still works
  t.match(await deliverOnce(t, app, before.owner, before.form.id, webhook.id, receiver), {
    status: 'failed', attempts: 1, error: /^refused: 127\.0\.0\.1 is a loopback address/
  })
})

t.test('link-local and metadata targets are refused when delivering, even with WEBHOOK_ALLOW_PRIVATE', async (t) => {
  const { app, owner, form } = await setup(t)
  for (const url of ['http://169.254.169.254/latest/meta-data/', 'http://[fe80::1]:8080/', 'http://100.100.100.200/', 'http://[fd00:ec2::254]/']) {
    const webhook = await storeWebhook(app, form.id, url)
    t.match(await deliverOnce(t, app, owner, form.id, webhook.id), { status: 'failed', attempts: 1, error: /never a webhook target/ }, url)
    await app.repositories.webhooks.delete(form.id, webhook.id)
  }
})

t.test('closing the app drops pending retries instead of waiting for them', async (t) => {
  const { app, owner, form } = await setup(t)
  const receiver = await startReceiver(t, () => 500)
  const webhook = await addWebhook(app, owner, form.id, { url: receiver.origin, events: ['response.submitted'] })
  await submit(app, form.id)
  // the failure is recorded just before the retry (due in a second) is scheduled
  await until(async () => (await lastDelivery(app, owner, form.id, webhook.id))?.status === 'retrying')

  await app.close()
  await app.webhookDeliveries.idle()
  t.equal(receiver.requests.length, 1, 'the retry was cancelled, not run')
})

/** Checks again on every turn of the event loop until `condition` holds (the test's timeout bounds it). */
async function until (condition: () => Promise<boolean>) {
  while (!await condition()) await new Promise((resolve) => setImmediate(resolve))
}

import { join } from 'node:path'
import t from 'tap'
import { Webhook as StandardWebhook } from 'standardwebhooks'
import { cleanUp, tempDir, uniquePrefix } from './support/app.js'
import { until } from './support/wait.js'
import { startReceiver, type ReceivedRequest } from './support/receiver.js'
import { startServer } from './support/server-process.js'

// Webhook deliveries survive a kill -9 of the instance that owed them: real
// server processes on one SQLite file, killed with SIGKILL.

/** Retries in milliseconds and a short lease, so a crash is taken over in seconds. */
const FAST = {
  WEBHOOK_ALLOW_PRIVATE: 'true',
  WEBHOOK_RETRY_BASE_MS: '100',
  WEBHOOK_RETRY_MAX_MS: '400',
  WEBHOOK_MAX_ATTEMPTS: '50',
  WEBHOOK_TIMEOUT_MS: '1000',
  OUTBOX_LEASE_MS: '2000',
  OUTBOX_POLL_MS: '100'
}

t.test('SIGKILL right after 20 acknowledged submissions: after a restart each is delivered, every attempt with its one webhook-id', async (t) => {
  const prefix = uniquePrefix()
  cleanUp(t, prefix)
  const env = { ...FAST, SQLITE_PATH: join(tempDir(t), 'forms.db'), REDIS_KEY_PREFIX: prefix }
  let up = false
  const answered: Array<{ request: ReceivedRequest, status: number }> = []
  const receiver = await startReceiver(t, (request) => {
    const status = up ? 200 : 503
    answered.push({ request, status })
    return status
  })

  const first = await startServer(t, env)
  const token = await first.login()
  const form = await first.call('POST', '/api/v1/forms', {
    title: 'Crash survey', status: 'published', fields: [{ name: 'n', label: 'N', type: 'number', required: true }]
  }, token)
  const webhook = await first.call('POST', `/api/v1/forms/${form.json.id}/webhooks`, { url: receiver.origin, events: ['response.submitted'] }, token)
  t.equal(webhook.status, 201)
  const responses: string[] = []
  for (let n = 0; n < 20; n++) {
    const res = await first.call('POST', `/api/v1/forms/${form.json.id}/responses`, { answers: { n } })
    t.equal(res.status, 201, `submission ${n} acknowledged`)
    responses.push(res.json.id)
  }
  await first.kill()
  const beforeKill = answered.length
  t.ok(beforeKill > 0, `the receiver had answered 503 to ${beforeKill} attempts before the kill`)

  up = true
  const second = await startServer(t, env)
  const deliveredIds = () => new Set(answered.filter((a) => a.status === 200).map((a) => JSON.parse(a.request.body).data.id))
  await until(() => deliveredIds().size === 20, 30_000, 'every submission delivered')
  t.same([...deliveredIds()].sort(), [...responses].sort(), 'every acknowledged submission was delivered after the restart')

  // each submission's attempts, before and after the kill
  const bySubmission = new Map<string, ReceivedRequest[]>()
  for (const { request } of answered) {
    const id = JSON.parse(request.body).data.id as string
    bySubmission.set(id, [...(bySubmission.get(id) ?? []), request])
  }
  const verifier = new StandardWebhook(webhook.json.secret)
  let retriedAcrossTheKill = 0
  for (const [id, requests] of bySubmission) {
    t.equal(new Set(requests.map((r) => r.headers['webhook-id'])).size, 1, `submission ${id}: one webhook-id on every attempt`)
    for (const request of requests) verifier.verify(request.body, request.headers as Record<string, string>)
    if (answered.slice(0, beforeKill).some((a) => a.request === requests[0])) retriedAcrossTheKill++
  }
  t.ok(retriedAcrossTheKill > 0, `${retriedAcrossTheKill} deliveries failed before the kill and were retried after it`)
  t.pass('every attempt verifies with the Standard Webhooks reference library')

  // the delivery log shows each delivery with its attempts
  const token2 = await second.login()
  await until(async () => (await second.call('GET', `/api/v1/forms/${form.json.id}/webhooks/${webhook.json.id}/deliveries?per_page=100`, undefined, token2))
    .json.items.every((item: { status: string }) => item.status === 'delivered'), 5000, 'the log to settle')
  const log = (await second.call('GET', `/api/v1/forms/${form.json.id}/webhooks/${webhook.json.id}/deliveries?per_page=100`, undefined, token2)).json
  t.equal(log.total, 20)
  for (const item of log.items) {
    const requests = answered.filter((a) => a.request.headers['webhook-id'] === item.id)
    t.ok(requests.length > 0, `delivery ${item.id} is the webhook-id of what the receiver got`)
    t.match(item, { status: 'delivered', last_status_code: 200, last_error: null })
    t.ok(item.attempts >= requests.length, `delivery ${item.id}: ${item.attempts} attempts counted, ${requests.length} received`)
  }
})

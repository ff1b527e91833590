import { join } from 'node:path'
import t from 'tap'
import { Webhook as StandardWebhook } from 'standardwebhooks'
import { cleanUp, tempDir, uniquePrefix } from './support/app.js'
import { until } from './support/wait.js'
import { startReceiver } from './support/receiver.js'
import { startServer } from './support/server-process.js'

// Two real server processes relay one outbox (one SQLite file). Each
// delivery's attempts must never overlap, and no attempt is made twice.

const ATTEMPTS_EACH = 3

t.test('two instances relaying one outbox never deliver one item concurrently, nor repeat an attempt', async (t) => {
  const prefix = uniquePrefix()
  cleanUp(t, prefix)
  const env = {
    SQLITE_PATH: join(tempDir(t), 'forms.db'),
    REDIS_KEY_PREFIX: prefix,
    LOG_LEVEL: 'info',
    WEBHOOK_ALLOW_PRIVATE: 'true',
    // both poll all the time and retries fall due at once: they race for every item
    OUTBOX_POLL_MS: '20',
    WEBHOOK_RETRY_BASE_MS: '30',
    WEBHOOK_RETRY_MAX_MS: '30',
    WEBHOOK_TIMEOUT_MS: '1000',
    OUTBOX_LEASE_MS: '3000'
  }
  const inFlight = new Map<string, number>()
  const seen = new Map<string, number>()
  let overlaps = 0
  const receiver = await startReceiver(t, async (request) => {
    const id = String(request.headers['webhook-id'])
    const count = (seen.get(id) ?? 0) + 1
    seen.set(id, count)
    inFlight.set(id, (inFlight.get(id) ?? 0) + 1)
    if (inFlight.get(id)! > 1) overlaps++
    // held long enough for the other relay to try the same item if it could
    await new Promise((resolve) => setTimeout(resolve, 60))
    inFlight.set(id, inFlight.get(id)! - 1)
    return count < ATTEMPTS_EACH ? 503 : 200
  })

  const a = await startServer(t, env)
  const b = await startServer(t, env)
  const token = await a.login()
  const form = (await a.call('POST', '/api/v1/forms', { title: 'Raced', status: 'published', fields: [] }, token)).json
  const secrets: string[] = []
  for (const path of ['/one', '/two', '/three']) {
    const res = await a.call('POST', `/api/v1/forms/${form.id}/webhooks`, { url: receiver.origin + path, events: ['response.submitted'] }, token)
    secrets.push(res.json.secret)
  }
  for (let i = 0; i < 10; i++) t.equal((await (i % 2 === 0 ? a : b).call('POST', `/api/v1/forms/${form.id}/responses`, { answers: {} })).status, 201)

  const delivered = () => [...seen.values()].filter((count) => count >= ATTEMPTS_EACH).length
  await until(() => delivered() === 30, 30_000, 'every delivery')
  await new Promise((resolve) => setTimeout(resolve, 300)) // room for a duplicate attempt to show up
  t.equal(seen.size, 30, '10 submissions × 3 webhooks')
  t.equal(overlaps, 0, 'no two attempts of one delivery overlapped')
  t.same(new Set(seen.values()), new Set([ATTEMPTS_EACH]), `every delivery got exactly ${ATTEMPTS_EACH} attempts: none was made twice`)
  const attemptsBy = (lines: string[]) => lines.filter((line) => /"msg":"webhook deliver(ed|y failed; will retry)"/.test(line)).length
  t.ok(attemptsBy(a.lines) > 0 && attemptsBy(b.lines) > 0, `both relayed (${attemptsBy(a.lines)} and ${attemptsBy(b.lines)} attempts)`)
  t.equal(attemptsBy(a.lines) + attemptsBy(b.lines), 30 * ATTEMPTS_EACH, 'each attempt made by one of them')

  const verifiers = secrets.map((secret) => new StandardWebhook(secret))
  const byPath = { '/one': verifiers[0]!, '/two': verifiers[1]!, '/three': verifiers[2]! }
  for (const request of receiver.requests) byPath[request.url as keyof typeof byPath].verify(request.body, request.headers as Record<string, string>)
  t.pass('every attempt verifies with the reference library')
})

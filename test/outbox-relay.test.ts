import { join } from 'node:path'
import t, { type Test } from 'tap'
import type { SendResult } from '../services/outbox/delivery/http-sender.js'
import { invalidationRetryDelay, retryDelay } from '../services/outbox/backoff.js'
import { createOutboxRelay, deliveryOutcome, type RelaySettings } from '../services/outbox/relay.js'
import { newObjectId } from '../services/repositories/ids.js'
import type { ClaimedDelivery, ClaimedInvalidation } from '../services/repositories/port.js'
import { createSqliteRepositories } from '../services/repositories/sqlite.js'
import { tempDir } from './support/app.js'
import { deferred } from './support/receiver.js'

// The relay on a real SQLite outbox, without Fastify or HTTP: what it hands
// to the cache and the sender is stubbed, and its clock is the test's.

const SETTINGS: RelaySettings = { pollMs: 100, leaseMs: 1000, retentionMs: 3600_000, maxAttempts: 3, retryBaseMs: 1000, retryMaxMs: 3000 }
const silent = { info () {}, warn () {}, error () {} }

async function setup (t: Test, invalidate: (items: ClaimedInvalidation[]) => Promise<boolean> = async () => true,
  deliver: (item: ClaimedDelivery, signal: AbortSignal) => Promise<SendResult> = async () => ({ ok: true, statusCode: 200 })) {
  const repositories = createSqliteRepositories(join(tempDir(t), 'forms.db'))
  t.teardown(() => repositories.close())
  const clock = { now: Date.now() + 60_000 }
  const relay = createOutboxRelay({ outbox: repositories.outbox, invalidate, deliver, settings: SETTINGS, log: silent, now: () => clock.now })
  t.teardown(() => relay.close())
  const form = await repositories.forms.create({ title: 'F', description: '', status: 'published', fields: [], owner_id: newObjectId() })
  return { repositories, relay, clock, form }
}

t.test('backoff: doubling from the base, capped; invalidations from the poll interval to at most 5 s', async (t) => {
  t.same([1, 2, 3, 4, 5].map((n) => retryDelay(n, 1000, 5000)), [1000, 2000, 4000, 5000, 5000])
  t.same([1, 2, 3, 4, 5, 6, 7, 8].map((n) => invalidationRetryDelay(n, 100)), [100, 200, 400, 800, 1600, 3200, 5000, 5000])
  t.equal(invalidationRetryDelay(3, 60_000), 60_000, 'never more often than the poll interval')
})

t.test('an attempt\'s result settles its delivery: delivered, due again after the backoff, or failed for good', async (t) => {
  const now = 1_000_000
  t.same(deliveryOutcome({ ok: true, statusCode: 204 }, 1, SETTINGS, now), { status: 'delivered', status_code: 204 })
  t.same(deliveryOutcome({ ok: false, statusCode: 503, error: 'HTTP 503', retry: true }, 2, SETTINGS, now),
    { status: 'pending', status_code: 503, error: 'HTTP 503', next_attempt_at: now + 2000 })
  t.same(deliveryOutcome({ ok: false, statusCode: 503, error: 'HTTP 503', retry: true }, 3, SETTINGS, now),
    { status: 'failed', status_code: 503, error: 'HTTP 503' }, 'the attempts ran out')
  t.same(deliveryOutcome({ ok: false, error: 'address not allowed', retry: false }, 1, SETTINGS, now), { status: 'failed', error: 'address not allowed' })
  t.same(deliveryOutcome({ ok: false, error: 'interrupted', retry: true }, 3, SETTINGS, now),
    { status: 'pending', error: 'interrupted', next_attempt_at: now }, 'cut short by a shutdown: due again at once, even on the last attempt')
})

t.test('an invalidation its writer could not deliver is retried with backoff, persisted, until Redis takes it', async (t) => {
  const answers = [false, false, true]
  const calls: string[][] = []
  const { repositories, relay, clock, form } = await setup(t, async (items) => {
    calls.push(items.flatMap((item) => item.tags))
    return answers.shift()!
  })
  // the writer tried once and released it
  const owed = { invalidation: { id: newObjectId(), event: 'on_form_updated', args: {}, tags: ['form:x', 'forms'], lease: { owner: 'writer', until: clock.now } } }
  await repositories.forms.update(form.id, { title: 'G' }, 1, () => owed)

  await relay.pass()
  t.same(calls, [['form:x', 'forms']])
  t.equal(await repositories.outbox.nextDue(), clock.now + invalidationRetryDelay(2, SETTINGS.pollMs), 'the next attempt is stored with the item')
  await relay.pass()
  t.equal(calls.length, 1, 'not before it is due')

  clock.now = (await repositories.outbox.nextDue())!
  await relay.pass()
  t.equal(await repositories.outbox.nextDue(), clock.now + invalidationRetryDelay(3, SETTINGS.pollMs), 'the wait doubled')
  clock.now = (await repositories.outbox.nextDue())!
  await relay.pass()
  t.equal(calls.length, 3)
  t.equal(await repositories.outbox.pending(), 0, 'done once Redis took it')
})

t.test('invalidations are relayed in batches: one cache call for many items', async (t) => {
  const calls: number[] = []
  const { repositories, relay, clock, form } = await setup(t, async (items) => { calls.push(items.length); return true })
  for (let i = 0; i < 5; i++) {
    await repositories.forms.update(form.id, { title: `v${i}` }, i + 1,
      () => ({ invalidation: { id: newObjectId(), event: 'on_form_updated', args: {}, tags: [`t${i}`], lease: { owner: 'w', until: clock.now } } }))
  }
  await relay.pass()
  t.same(calls, [5])
})

t.test('a delivery is retried with persisted backoff and ends as failed when its attempts run out', async (t) => {
  const attempts: ClaimedDelivery[] = []
  const { repositories, relay, clock, form } = await setup(t, undefined, async (item) => {
    attempts.push(item)
    return { ok: false, statusCode: 500, error: 'HTTP 500', retry: true }
  })
  const webhook = await repositories.webhooks.create({ form_id: form.id, url: 'https://example.com/h', events: ['form.updated'], active: true, secret: 'a-secret-of-sixteen+' })
  const body = { id: newObjectId(), event: 'form.updated' as const, occurred_at: new Date().toISOString(), form_id: form.id, data: {} }
  await repositories.forms.update(form.id, { title: 'G' }, 1, () => ({ webhook: body }))

  await relay.pass()
  const [first] = (await repositories.webhooks.deliveries(webhook.id, { page: 1, per_page: 10 })).items
  t.match(first, { status: 'pending', attempts: 1, last_error: 'HTTP 500', next_attempt_at: new Date(clock.now + 1000).toISOString() })
  for (const wait of [1000, 2000]) {
    clock.now += wait
    await relay.pass()
  }
  t.same(attempts.map((item) => item.attempts), [1, 2, 3])
  t.equal(new Set(attempts.map((item) => item.id)).size, 1, 'one delivery id for every attempt')
  t.match((await repositories.webhooks.deliveries(webhook.id, { page: 1, per_page: 10 })).items, [{ status: 'failed', attempts: 3, next_attempt_at: null }])
  clock.now += 3_600_000
  await relay.pass()
  t.equal(attempts.length, 3, 'nothing more after the last attempt')
})

t.test('closing aborts the attempt in flight and leaves it due at once; the next relay delivers it', async (t) => {
  const started = deferred()
  const { repositories, relay, clock, form } = await setup(t, undefined, (_item, signal) => new Promise((resolve) => {
    started.resolve()
    signal.addEventListener('abort', () => resolve({ ok: false, error: 'interrupted', retry: true }))
  }))
  const webhook = await repositories.webhooks.create({ form_id: form.id, url: 'https://example.com/h', events: ['form.updated'], active: true, secret: 'a-secret-of-sixteen+' })
  await repositories.forms.update(form.id, { title: 'G' }, 1,
    () => ({ webhook: { id: newObjectId(), event: 'form.updated', occurred_at: new Date().toISOString(), form_id: form.id, data: {} } }))
  const pass = relay.pass()
  await started.promise
  await relay.close()
  await pass
  t.match((await repositories.webhooks.deliveries(webhook.id, { page: 1, per_page: 10 })).items,
    [{ status: 'pending', attempts: 1, last_error: 'interrupted', next_attempt_at: new Date(clock.now).toISOString() }])

  const next = createOutboxRelay({
    outbox: repositories.outbox, invalidate: async () => true, deliver: async () => ({ ok: true, statusCode: 200 }), settings: SETTINGS, log: silent, now: () => clock.now
  })
  t.teardown(() => next.close())
  await next.pass()
  t.match((await repositories.webhooks.deliveries(webhook.id, { page: 1, per_page: 10 })).items, [{ status: 'delivered', attempts: 2 }])
})

t.test('prune removes finished items older than the retention period, and only those', async (t) => {
  const { repositories, relay, clock, form } = await setup(t)
  await repositories.forms.update(form.id, { title: 'G' }, 1,
    () => ({ invalidation: { id: newObjectId(), event: 'e', args: {}, tags: ['x'], lease: { owner: 'w', until: clock.now } } }))
  await relay.pass()
  t.equal(await repositories.outbox.pending(), 0)
  t.equal(await relay.prune(), 0, 'kept within the retention period')
  clock.now += SETTINGS.retentionMs + 1
  t.equal(await relay.prune(), 1)
})

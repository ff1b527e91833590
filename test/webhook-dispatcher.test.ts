import { createHmac } from 'node:crypto'
import type { LookupAddress } from 'node:dns'
import t, { type Test } from 'tap'
import type { Delivery, WebhookEventBody } from '../schemas/webhooks.js'
import { createWebhookDispatcher, type DispatcherOptions, type WebhookTarget } from '../services/delivery/dispatcher.js'
import { createHttpSender } from '../services/delivery/http-sender.js'
import { deferred, startReceiver } from './receiver.js'

// The dispatcher with the real HTTP sender and a real receiver on 127.0.0.1,
// without Fastify. Delays and timeouts are shrunk through the factory options.

interface LogEntry { level: 'info' | 'warn' | 'error', details: Record<string, unknown>, message: string }

const event = (id = 'aaaaaaaaaaaaaaaaaaaaaaaa'): WebhookEventBody => ({
  id, event: 'response.submitted', occurred_at: new Date().toISOString(), form_id: 'bbbbbbbbbbbbbbbbbbbbbbbb', data: { answers: { q: 'ü' } }
})

function dispatcher (t: Test, options: Partial<DispatcherOptions> & { allowPrivate?: boolean } = {}) {
  const recorded: Array<{ webhookId: string, delivery: Delivery }> = []
  const firstRecord = deferred()
  const logs: LogEntry[] = []
  const log = (level: LogEntry['level']) => (details: object, message: string) => { logs.push({ level, details: details as Record<string, unknown>, message }) }
  const { allowPrivate = true, ...rest } = options
  const instance = createWebhookDispatcher({
    send: createHttpSender({ policy: { allowPrivate } }),
    recordDelivery: async (webhookId, delivery) => {
      recorded.push({ webhookId, delivery })
      firstRecord.resolve()
    },
    log: { info: log('info'), warn: log('warn'), error: log('error') },
    attempts: 5,
    baseDelayMs: 10,
    timeoutMs: 2000,
    ...rest
  })
  t.teardown(() => instance.close())
  return { instance, recorded, logs, firstRecord: firstRecord.promise }
}

const target = (url: string, changes: Partial<WebhookTarget> = {}): WebhookTarget =>
  ({ id: 'cccccccccccccccccccccccc', url, secret: 'a-secret-of-sixteen+', events: ['response.submitted'], active: true, ...changes })

const statuses = (recorded: Array<{ delivery: Delivery }>) =>
  recorded.map(({ delivery }) => [delivery.status, delivery.attempts, delivery.status_code])

t.test('a delivery is a POST of the event, signed over the raw body, with event headers', async (t) => {
  const receiver = await startReceiver(t)
  const { instance, recorded } = dispatcher(t)
  const body = event()
  instance.publish(body, () => [target(`${receiver.origin}/hook?x=1`)])
  t.equal(receiver.requests.length, 0, 'publish only queues')
  await instance.idle()

  const [request] = receiver.requests
  t.equal(request?.method, 'POST')
  t.equal(request?.url, '/hook?x=1')
  t.same(JSON.parse(request!.body), body)
  t.match(request?.headers['content-type'], /^application\/json/)
  const expected = `sha256=${createHmac('sha256', 'a-secret-of-sixteen+').update(request!.body).digest('hex')}`
  t.equal(request?.headers['x-webhook-signature'], expected, 'HMAC-SHA256 of the raw body with the secret')
  t.equal(request?.headers['x-webhook-event'], 'response.submitted')
  t.equal(request?.headers['x-webhook-event-id'], body.id)
  t.equal(request?.headers['x-webhook-attempt'], '1')
  t.same(statuses(recorded), [['success', 1, 200]])
})

t.test('a failing receiver is retried with exponential backoff until it answers 2xx', async (t) => {
  const receiver = await startReceiver(t, (_request, i) => i < 3 ? 500 : 204)
  const { instance, recorded, logs } = dispatcher(t, { baseDelayMs: 15 })
  instance.publish(event(), () => [target(receiver.origin)])
  await instance.idle()

  t.equal(receiver.requests.length, 4)
  t.same(receiver.requests.map((r) => r.headers['x-webhook-attempt']), ['1', '2', '3', '4'])
  t.equal(new Set(receiver.requests.map((r) => r.headers['x-webhook-event-id'])).size, 1, 'one event id for every retry')
  t.equal(new Set(receiver.requests.map((r) => r.body)).size, 1, 'the same body (and signature) every time')
  t.same(statuses(recorded), [['retrying', 1, 500], ['retrying', 2, 500], ['retrying', 3, 500], ['success', 4, 204]])
  t.same(logs.filter((l) => l.details.retry_in_ms !== undefined).map((l) => l.details.retry_in_ms), [15, 30, 60], 'the wait doubles')
})

t.test('after the last attempt the delivery is recorded as failed', async (t) => {
  const receiver = await startReceiver(t, () => 503)
  const { instance, recorded, logs } = dispatcher(t, { attempts: 3 })
  instance.publish(event(), () => [target(receiver.origin)])
  await instance.idle()
  t.equal(receiver.requests.length, 3)
  t.same(statuses(recorded), [['retrying', 1, 503], ['retrying', 2, 503], ['failed', 3, 503]])
  t.match(recorded.at(-1)?.delivery, { error: 'HTTP 503' })
  t.ok(logs.some((l) => l.level === 'warn' && l.message === 'webhook delivery failed for good'))
})

t.test('a receiver that does not answer in time is retried', async (t) => {
  const never = new Promise<number>(() => {})
  const receiver = await startReceiver(t, (_request, i) => i === 0 ? never : 200)
  const { instance, recorded } = dispatcher(t, { timeoutMs: 150 })
  instance.publish(event(), () => [target(receiver.origin)])
  await instance.idle()
  t.equal(receiver.requests.length, 2)
  t.match(recorded[0]?.delivery, { status: 'retrying', attempts: 1, error: 'timed out after 150 ms' })
  t.notOk('status_code' in recorded[0]!.delivery, 'no status: the receiver never answered')
  t.match(recorded[1]?.delivery, { status: 'success', attempts: 2, status_code: 200 })
})

t.test('only active webhooks subscribed to the event get it', async (t) => {
  const receiver = await startReceiver(t)
  const { instance, recorded } = dispatcher(t)
  instance.publish(event(), () => [
    target(`${receiver.origin}/subscribed`, { id: '111111111111111111111111' }),
    target(`${receiver.origin}/inactive`, { id: '222222222222222222222222', active: false }),
    target(`${receiver.origin}/other-event`, { id: '333333333333333333333333', events: ['form.updated'] })
  ])
  await instance.idle()
  t.same(receiver.requests.map((r) => r.url), ['/subscribed'])
  t.same(recorded.map((r) => r.webhookId), ['111111111111111111111111'])
})

t.test('close drops pending retries and in-flight attempts, logs them, and records nothing more', async (t) => {
  const held = deferred<number>()
  const receiver = await startReceiver(t, (request) => request.url === '/slow' ? held.promise : 500)
  const { instance, recorded, logs, firstRecord } = dispatcher(t, { baseDelayMs: 3_600_000 })
  instance.publish(event(), () => [
    target(`${receiver.origin}/failing`, { id: '111111111111111111111111' }),
    target(`${receiver.origin}/slow`, { id: '222222222222222222222222' })
  ])
  await receiver.received(2)
  await firstRecord
  t.same(statuses(recorded), [['retrying', 1, 500]], 'the failing one waits an hour for its retry')

  await instance.close()
  held.resolve(200)
  const dropped = logs.find((l) => l.message.startsWith('dropped 2 pending webhook deliveries'))
  t.ok(dropped, 'the drop is logged')
  t.match(dropped?.details.dropped, [/webhook 111111111111111111111111 \(attempt 2\)/, /webhook 222222222222222222222222 \(attempt 1\)/])
  t.equal(recorded.length, 1, 'nothing is recorded after close')
  await instance.idle()

  instance.publish(event('dddddddddddddddddddddddd'), () => [target(receiver.origin)])
  t.ok(logs.some((l) => l.message === 'webhook delivery dropped: the dispatcher is closed'), 'events after close are dropped and logged')
  t.equal(receiver.requests.length, 2)
})

t.test('a failure to read the targets is logged, not thrown', async (t) => {
  const { instance, logs } = dispatcher(t)
  instance.publish(event(), () => Promise.reject(new Error('database is gone')))
  await instance.idle()
  t.ok(logs.some((l) => l.level === 'error' && /could not read the webhooks/.test(l.message)))
})

t.test('SSRF guard at delivery time', async (t) => {
  t.test('without WEBHOOK_ALLOW_PRIVATE, loopback is refused by IP and by name, before connecting', async (t) => {
    const receiver = await startReceiver(t)
    const { instance, recorded } = dispatcher(t, { allowPrivate: false })
    instance.publish(event(), () => [
      target(`${receiver.origin}/by-ip`, { id: '111111111111111111111111' }),
      target(`http://localhost:${receiver.port}/by-name`, { id: '222222222222222222222222' })
    ])
    await instance.idle()
    t.equal(receiver.connections(), 0, 'no connection reached the receiver')
    const byId = Object.fromEntries(recorded.map((r) => [r.webhookId, r.delivery]))
    t.match(byId['111111111111111111111111'], { status: 'failed', attempts: 1, error: /^refused: 127\.0\.0\.1 is a loopback address/ })
    t.match(byId['222222222222222222222222'], { status: 'failed', attempts: 1, error: /^refused: localhost resolves to (127\.0\.0\.1|::1) is a loopback address/ })
  })

  // A DNS server cannot be faked for node:http, but the sender's resolver can:
  // these prove the check runs on the resolved addresses when connecting.
  type Resolve = NonNullable<Parameters<typeof createHttpSender>[0]['resolve']>
  const dns = (address: string): Resolve => (_hostname, _options, callback) =>
    callback(null, [{ address, family: address.includes(':') ? 6 : 4 } satisfies LookupAddress])
  const send = (resolve: Resolve, url: string, allowPrivate = true) => createHttpSender({ policy: { allowPrivate }, resolve })({
    url, headers: {}, body: '{}', timeoutMs: 2000, signal: new AbortController().signal
  })

  t.test('link-local and metadata addresses are refused even with WEBHOOK_ALLOW_PRIVATE', async (t) => {
    for (const address of ['169.254.169.254', '169.254.10.1', 'fe80::1', 'fd00:ec2::254', '100.100.100.200']) {
      t.match(await send(dns(address), 'http://innocent.example.test/hook'), { ok: false, retry: false, error: /^refused: .*never a webhook target/ }, address)
    }
    t.match(await send(dns('127.0.0.1'), 'http://169.254.169.254/'), { ok: false, retry: false, error: /metadata address/ }, 'a literal IP never reaches the resolver')
  })

  t.test('the request connects to the address that was checked', async (t) => {
    const receiver = await startReceiver(t)
    const result = await send(dns('127.0.0.1'), `http://rebinding.example.test:${receiver.port}/hook`)
    t.same(result, { ok: true, statusCode: 200 })
    t.equal(receiver.requests[0]?.headers.host, `rebinding.example.test:${receiver.port}`, 'connected by the checked address, named by the URL')
    t.match(await send(dns('127.0.0.1'), `http://rebinding.example.test:${receiver.port}/hook`, false), { ok: false, error: /loopback/ })
    t.equal(receiver.requests.length, 1)
  })
})

t.test('a refused connection (nobody listening) is a network error worth a retry', async (t) => {
  const { createServer } = await import('node:net')
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise((resolve) => server.close(resolve))

  const { instance, recorded } = dispatcher(t, { attempts: 2 })
  instance.publish(event(), () => [target(`http://127.0.0.1:${port}/`)])
  await instance.idle()
  t.match(recorded.map((r) => r.delivery), [{ status: 'retrying', attempts: 1, error: /ECONNREFUSED/ }, { status: 'failed', attempts: 2 }])
})

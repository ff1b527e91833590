import type { LookupAddress } from 'node:dns'
import { createServer } from 'node:net'
import t from 'tap'
import { createHttpSender, failureClass } from '../services/outbox/delivery/http-sender.js'
import { startReceiver } from './support/receiver.js'

// The HTTP sender alone, against a real receiver on 127.0.0.1: the SSRF guard
// at delivery time, and failures reported as classes, never as addresses.

type Resolve = NonNullable<Parameters<typeof createHttpSender>[0]['resolve']>

// A DNS server cannot be faked for node:http, but the sender's resolver can:
// these prove the check runs on the resolved addresses when connecting.
const dns = (address: string): Resolve => (_hostname, _options, callback) =>
  callback(null, [{ address, family: address.includes(':') ? 6 : 4 } satisfies LookupAddress])

const send = (url: string, { resolve, allowPrivate = true, timeoutMs = 2000 }: { resolve?: Resolve, allowPrivate?: boolean, timeoutMs?: number } = {}) =>
  createHttpSender({ policy: { allowPrivate }, resolve })({ url, headers: { 'x-test': '1' }, body: '{"a":"ü"}', timeoutMs, signal: new AbortController().signal })

t.test('a 2xx answer is a success; any other status is a failure worth a retry, named by its status', async (t) => {
  const receiver = await startReceiver(t, (request) => request.url === '/ok' ? 204 : 503)
  t.same(await send(`${receiver.origin}/ok`), { ok: true, statusCode: 204 })
  t.same(await send(`${receiver.origin}/down`), { ok: false, statusCode: 503, error: 'HTTP 503', retry: true })
  t.equal(receiver.requests[0]?.body, '{"a":"ü"}', 'the body as given')
  t.equal(receiver.requests[0]?.headers['content-length'], String(Buffer.byteLength('{"a":"ü"}')))
})

t.test('without WEBHOOK_ALLOW_PRIVATE, loopback is refused by IP and by name before connecting, without naming the address', async (t) => {
  const receiver = await startReceiver(t)
  for (const url of [`${receiver.origin}/by-ip`, `http://localhost:${receiver.port}/by-name`]) {
    const result = await send(url, { allowPrivate: false })
    t.match(result, { ok: false, retry: false, error: 'address not allowed' }, url)
    t.match((result as { detail?: string }).detail, /loopback/, 'the operator\'s log detail says why')
  }
  t.equal(receiver.connections(), 0, 'no connection reached the receiver')
})

t.test('link-local and metadata addresses are refused even with WEBHOOK_ALLOW_PRIVATE', async (t) => {
  for (const address of ['169.254.169.254', '169.254.10.1', 'fe80::1', 'fd00:ec2::254', '100.100.100.200']) {
    t.match(await send('http://innocent.example.test/hook', { resolve: dns(address) }), { ok: false, retry: false, error: 'address not allowed' }, address)
  }
  t.match(await send('http://169.254.169.254/', { resolve: dns('127.0.0.1') }), { ok: false, retry: false, error: 'address not allowed' },
    'a literal IP never reaches the resolver')
})

t.test('the request connects to the address that was checked', async (t) => {
  const receiver = await startReceiver(t)
  const result = await send(`http://rebinding.example.test:${receiver.port}/hook`, { resolve: dns('127.0.0.1') })
  t.same(result, { ok: true, statusCode: 200 })
  t.equal(receiver.requests[0]?.headers.host, `rebinding.example.test:${receiver.port}`, 'connected by the checked address, named by the URL')
  t.match(await send(`http://rebinding.example.test:${receiver.port}/hook`, { resolve: dns('127.0.0.1'), allowPrivate: false }), { ok: false, error: 'address not allowed' })
  t.equal(receiver.requests.length, 1)
})

t.test('a refused connection, a timeout and a name that does not resolve are classes of failure worth a retry', async (t) => {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise((resolve) => server.close(resolve))
  t.match(await send(`http://127.0.0.1:${port}/`), { ok: false, retry: true, error: 'connection refused' })

  const receiver = await startReceiver(t, () => new Promise(() => {}))
  t.match(await send(receiver.origin, { timeoutMs: 200 }), { ok: false, retry: true, error: 'timeout' })

  const nowhere: Resolve = (_hostname, _options, callback) => callback(Object.assign(new Error('getaddrinfo ENOTFOUND nowhere.test'), { code: 'ENOTFOUND' }), [])
  t.match(await send('http://nowhere.test/', { resolve: nowhere }), { ok: false, retry: true, error: 'dns lookup failed' })
})

t.test('failureClass names the class of a network error, never its message', async (t) => {
  const error = (code: string, message = `${code} 10.1.2.3:443`) => Object.assign(new Error(message), { code })
  t.equal(failureClass(error('ECONNREFUSED')), 'connection refused')
  t.equal(failureClass(error('ENOTFOUND')), 'dns lookup failed')
  t.equal(failureClass(error('EAI_AGAIN')), 'dns lookup failed')
  t.equal(failureClass(error('DEPTH_ZERO_SELF_SIGNED_CERT')), 'tls error')
  t.equal(failureClass(error('ERR_TLS_CERT_ALTNAME_INVALID')), 'tls error')
  t.equal(failureClass(error('ERR_SSL_WRONG_VERSION_NUMBER')), 'tls error')
  t.equal(failureClass(error('ECONNRESET')), 'network error')
  t.equal(failureClass(new Error('Client network socket disconnected before secure TLS connection was established')), 'tls error')
})

import type { LookupAddress } from 'node:dns'
import t from 'tap'
import { addressRefusal, classifyAddress, type AddressKind } from '../services/outbox/delivery/addresses.js'
import { guardedLookup, RefusedTargetError, webhookUrlProblem } from '../services/outbox/delivery/target-guard.js'

const STRICT = { allowPrivate: false }
const DEV = { allowPrivate: true }

t.test('addresses are classified, embedded IPv4 included', async (t) => {
  const cases: Array<[string, AddressKind | null]> = [
    ['93.184.216.34', 'public'],
    ['2606:2800:220:1:248:1893:25c8:1946', 'public'],
    ['8.8.8.8', 'public'],
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['::1', 'loopback'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['172.32.0.1', 'public'],
    ['192.168.1.1', 'private'],
    ['100.64.0.1', 'private'],
    ['fd12:3456::1', 'private'],
    ['169.254.0.1', 'link-local'],
    ['169.254.170.2', 'link-local'],
    ['fe80::1', 'link-local'],
    ['fe80::1%eth0', 'link-local'],
    ['febf::1', 'link-local'],
    ['169.254.169.254', 'metadata'],
    ['fd00:ec2::254', 'metadata'],
    ['100.100.100.200', 'metadata'],
    ['224.0.0.1', 'reserved'],
    ['255.255.255.255', 'reserved'],
    ['ff02::1', 'reserved'],
    // IPv4 wrapped in IPv6 is judged as the IPv4 address it carries
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:169.254.169.254', 'metadata'],
    ['::ffff:a9fe:a9fe', 'metadata'],
    ['64:ff9b::a9fe:a9fe', 'metadata'],
    ['64:ff9b::10.0.0.1', 'private'],
    ['2002:a9fe:a9fe::1', 'metadata'],
    ['::127.0.0.1', 'loopback'],
    ['::ffff:8.8.8.8', 'public'],
    ['example.com', null],
    ['1.2.3', null]
  ]
  for (const [address, kind] of cases) t.equal(classifyAddress(address), kind, address)
})

t.test('link-local and metadata are refused whatever the configuration; private ones unless allowed', async (t) => {
  for (const address of ['169.254.169.254', 'fd00:ec2::254', '100.100.100.200', 'fe80::1', '169.254.1.1', '::ffff:169.254.169.254']) {
    t.match(addressRefusal(address, DEV), /(link-local|metadata) address, never a webhook target/, `${address} with WEBHOOK_ALLOW_PRIVATE`)
    t.not(addressRefusal(address, STRICT), null, address)
  }
  for (const address of ['127.0.0.1', '::1', '0.0.0.0', '10.0.0.1', '192.168.0.10', 'fd12::1']) {
    t.match(addressRefusal(address, STRICT), /allowed only with WEBHOOK_ALLOW_PRIVATE=true/, address)
    t.equal(addressRefusal(address, DEV), null, `${address} with WEBHOOK_ALLOW_PRIVATE`)
  }
  t.equal(addressRefusal('93.184.216.34', STRICT), null)
})

t.test('webhook URLs: http(s) only, literal IPs checked in every spelling the URL parser accepts', async (t) => {
  t.equal(webhookUrlProblem('https://hooks.example.com/x?y=1', STRICT), null)
  t.equal(webhookUrlProblem('http://93.184.216.34:8080/', STRICT), null)
  t.equal(webhookUrlProblem('http://localhost:3000/', STRICT), null, 'host names are checked when delivering')
  t.equal(webhookUrlProblem('not a url', STRICT), 'not a valid URL')
  for (const url of ['ftp://example.com/', 'file:///etc/passwd', 'javascript:alert(1)', 'gopher://example.com/']) {
    t.equal(webhookUrlProblem(url, DEV), 'only http and https URLs are allowed', url)
  }
  for (const url of ['http://127.0.0.1/', 'http://2130706433/', 'http://0x7f.1/', 'http://0177.0.0.1/', 'http://[::1]:8080/', 'http://[::ffff:127.0.0.1]/', 'http://0.0.0.0/']) {
    t.match(webhookUrlProblem(url, STRICT), /(loopback|unspecified) address/, url)
    t.equal(webhookUrlProblem(url, DEV), null, `${url} with WEBHOOK_ALLOW_PRIVATE`)
  }
  for (const url of ['http://169.254.169.254/latest/meta-data/', 'http://2852039166/', 'http://[fe80::1]/', 'http://[fd00:ec2::254]/', 'http://100.100.100.200/', 'http://[::ffff:a9fe:a9fe]/']) {
    t.match(webhookUrlProblem(url, DEV), /never a webhook target/, url)
  }
})

type Resolve = NonNullable<Parameters<typeof guardedLookup>[1]>

/** A DNS that answers `addresses` for every name. */
const fakeDns = (...addresses: string[]): Resolve => (_hostname, _options, callback) =>
  callback(null, addresses.map((address): LookupAddress => ({ address, family: address.includes(':') ? 6 : 4 })))

function lookup (dnsAnswer: Resolve, policy: { allowPrivate: boolean }, all: boolean) {
  return new Promise<{ err: Error | null, result: unknown }>((resolve) => {
    guardedLookup(policy, dnsAnswer)('hooks.example.test', { all }, (err, address, family) =>
      resolve({ err, result: all ? address : { address, family } }))
  })
}

t.test('guardedLookup refuses a name when any of its addresses is refused', async (t) => {
  const refused = await lookup(fakeDns('93.184.216.34', '127.0.0.1'), STRICT, true)
  t.type(refused.err, RefusedTargetError)
  t.match(refused.err?.message, /hooks\.example\.test resolves to 127\.0\.0\.1 is a loopback address/)

  const metadata = await lookup(fakeDns('169.254.169.254'), DEV, false)
  t.type(metadata.err, RefusedTargetError, 'metadata even with WEBHOOK_ALLOW_PRIVATE')
  t.type((await lookup(fakeDns('fe80::1'), DEV, true)).err, RefusedTargetError, 'link-local IPv6')
  t.type((await lookup(fakeDns('::ffff:169.254.169.254'), DEV, true)).err, RefusedTargetError, 'mapped metadata')
})

t.test('guardedLookup answers in the form node:net asked for', async (t) => {
  const one = await lookup(fakeDns('93.184.216.34', '2606:2800:220:1:248:1893:25c8:1946'), STRICT, false)
  t.equal(one.err, null)
  t.same(one.result, { address: '93.184.216.34', family: 4 })
  const all = await lookup(fakeDns('93.184.216.34', '2606:2800:220:1:248:1893:25c8:1946'), STRICT, true)
  t.same(all.result, [{ address: '93.184.216.34', family: 4 }, { address: '2606:2800:220:1:248:1893:25c8:1946', family: 6 }])
  const none = await lookup(fakeDns(), STRICT, false)
  t.match(none.err, { code: 'ENOTFOUND' })
})

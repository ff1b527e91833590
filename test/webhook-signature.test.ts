import t from 'tap'
import { Webhook as StandardWebhook } from 'standardwebhooks'
import { generateSecret, secretProblem, signBody, signingKey, standardSignature, verifySignature } from '../services/outbox/delivery/signature.js'

// Signatures checked with the Standard Webhooks reference library (npm
// `standardwebhooks`), not with the service's own verification.

const body = JSON.stringify({ id: '665f1c2e9b1e8a3d4c5b6a79', event: 'response.submitted', data: { answers: { name: 'Zoë' } } })
const id = '665f1c2e9b1e8a3d4c5b6a80'

const headers = (secret: string, timestamp = Math.floor(Date.now() / 1000)) =>
  ({ 'webhook-id': id, 'webhook-timestamp': String(timestamp), 'webhook-signature': standardSignature(secret, id, timestamp, body) })

t.test('a generated whsec_ secret signs what the reference library verifies', async (t) => {
  const secret = generateSecret()
  t.match(secret, /^whsec_[A-Za-z0-9+/]{43}=$/)
  t.equal(secretProblem(secret), null)
  t.not(generateSecret(), secret, 'random')
  t.same(new StandardWebhook(secret).verify(body, headers(secret)), JSON.parse(body))
})

t.test('a given whsec_ secret is base64-decoded to its key, as the specification says', async (t) => {
  const key = Buffer.from('0123456789abcdef0123456789abcdef', 'utf8')
  const secret = `whsec_${key.toString('base64')}`
  t.same(signingKey(secret), key)
  t.doesNotThrow(() => new StandardWebhook(secret).verify(body, headers(secret)))
  t.doesNotThrow(() => new StandardWebhook(key as never, { format: 'raw' }).verify(body, headers(secret)), 'the raw key verifies it too')
  t.throws(() => new StandardWebhook(Buffer.from(secret) as never, { format: 'raw' }).verify(body, headers(secret)),
    'the secret string as a key does not: it was decoded')
})

t.test('any other secret is used as its UTF-8 bytes', async (t) => {
  const secret = 'päss-phrase-of-16+'
  t.same(signingKey(secret), Buffer.from(secret, 'utf8'))
  t.doesNotThrow(() => new StandardWebhook(Buffer.from(secret, 'utf8') as never, { format: 'raw' }).verify(body, headers(secret)))
})

t.test('the reference library refuses a wrong secret, another body, another id or an old timestamp', async (t) => {
  const secret = generateSecret()
  const verifier = new StandardWebhook(secret)
  t.throws(() => new StandardWebhook(generateSecret()).verify(body, headers(secret)), 'another secret')
  t.throws(() => verifier.verify(body.replace('Zoë', 'Zoe'), headers(secret)), 'another body')
  t.throws(() => verifier.verify(body, { ...headers(secret), 'webhook-id': 'x' }), 'another id')
  const old = Math.floor(Date.now() / 1000) - 3600
  t.throws(() => verifier.verify(body, headers(secret, old)), 'an hour-old timestamp: why each retry is signed anew')
})

t.test('whsec_ secrets must be the base64 of 24 to 64 bytes; other secrets have no format', async (t) => {
  for (const bytes of [24, 32, 64]) t.equal(secretProblem(`whsec_${Buffer.alloc(bytes, 1).toString('base64')}`), null, `${bytes} bytes`)
  for (const bad of [`whsec_${Buffer.alloc(23).toString('base64')}`, `whsec_${Buffer.alloc(65).toString('base64')}`, 'whsec_', 'whsec_****not*base64****', 'whsec_QUJD']) {
    t.match(secretProblem(bad), /base64 of 24 to 64 bytes/, bad)
  }
  t.equal(secretProblem('plain-secret-of-sixteen'), null)
})

t.test('X-Webhook-Signature stays the hex HMAC of the raw body keyed with the secret string', async (t) => {
  const secret = generateSecret()
  t.match(signBody(secret, body), /^sha256=[0-9a-f]{64}$/)
  t.ok(verifySignature(secret, body, signBody(secret, body)))
  t.notOk(verifySignature(secret, `${body} `, signBody(secret, body)))
  t.notOk(verifySignature(secret, body, undefined))
})

import t from 'tap'
import { Redis } from 'ioredis'
import type { FastifyInstance } from 'fastify'
import { createRateCounter, type RateRedis } from '../services/infra/rate-limits.js'
import { freePort } from './support/ports.js'
import { ADMIN, build, cleanUp, uniquePrefix } from './support/app.js'

const attempt = (app: FastifyInstance, email: string, forwardedFor?: string) => app.inject({
  method: 'POST',
  url: '/api/v1/auth/login',
  payload: { email, password: 'wrong-password' },
  headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor }
})

/** A different email every time, so only the per-address limit can apply. */
let n = 0
const someone = () => `someone-${++n}@example.test`

t.test('all instances share one login budget per client address', async (t) => {
  const prefix = uniquePrefix()
  const one = await build(t, { REDIS_KEY_PREFIX: prefix })
  const two = await build(t, { REDIS_KEY_PREFIX: prefix })
  for (let i = 0; i < 10; i++) t.equal((await attempt(one, someone())).statusCode, 401, `attempt ${i + 1} on instance one`)
  const limited = await attempt(two, someone())
  t.equal(limited.statusCode, 429, 'the 11th, on instance two')
  t.match(limited.json(), { statusCode: 429, error: 'Too Many Requests', code: 'RATE_LIMITED', message: /retry in/ })
  t.ok(Number(limited.headers['retry-after']) > 0, 'Retry-After')
  t.equal((await attempt(one, someone())).statusCode, 429, 'and on instance one')

  const redis = new Redis({ port: 6379, maxRetriesPerRequest: 1 })
  t.teardown(() => redis.disconnect())
  const [, keys] = await redis.scan('0', 'MATCH', `${prefix}ratelimit:*`, 'COUNT', 10_000)
  t.ok(keys.length > 0, 'the counters live under <prefix>ratelimit:')
  t.notOk(keys.some((key) => key.includes('127.0.0.1') || key.includes('@')), 'with no address or email in a key')
  t.ok((await redis.pttl(keys[0]!)) > 0, 'and expire')
})

t.test('login is also limited per account, across addresses and instances, whether the account exists or not', async (t) => {
  const prefix = uniquePrefix()
  const one = await build(t, { REDIS_KEY_PREFIX: prefix, TRUST_PROXY: 'true' })
  const two = await build(t, { REDIS_KEY_PREFIX: prefix, TRUST_PROXY: 'true' })
  const answers: Record<string, unknown> = {}
  for (const email of [ADMIN.email, 'nobody@example.test']) {
    for (let i = 0; i < 10; i++) t.equal((await attempt(one, email, `198.51.100.${i}`)).statusCode, 401, `${email}: attempt ${i + 1}`)
    const limited = await attempt(two, email.toUpperCase(), '198.51.100.200')
    t.equal(limited.statusCode, 429, `${email}: the 11th, from another address, on another instance`)
    const body = limited.json() as { message: string }
    answers[email] = { ...body, message: body.message.replace(/\d+ seconds/, 'N seconds') }
  }
  t.same(answers[ADMIN.email], answers['nobody@example.test'], 'an unknown account is throttled alike: nothing tells them apart')
  t.equal((await attempt(one, someone(), '198.51.100.201')).statusCode, 401, 'other accounts are not affected')
  const right = await one.inject({ method: 'POST', url: '/api/v1/auth/login', payload: ADMIN, headers: { 'x-forwarded-for': '198.51.100.202' } })
  t.equal(right.statusCode, 429, 'the right password waits too (no oracle)')
})

t.test('behind a trusted proxy clients are limited per X-Forwarded-For address', async (t) => {
  const app = await build(t, { TRUST_PROXY: '127.0.0.1', RATE_LIMIT_LOGIN: '3' })
  for (let i = 0; i < 3; i++) t.equal((await attempt(app, someone(), '203.0.113.7')).statusCode, 401)
  t.equal((await attempt(app, someone(), '203.0.113.7')).statusCode, 429, 'that client is limited')
  t.equal((await attempt(app, someone(), '203.0.113.8')).statusCode, 401, 'another client behind the same proxy is not')
  t.equal((await attempt(app, someone(), '203.0.113.9, 203.0.113.7')).statusCode, 429, 'the address the proxy saw counts, not one the client claims')
})

t.test('an X-Forwarded-For from an untrusted peer is ignored', async (t) => {
  const app = await build(t, { RATE_LIMIT_LOGIN: '3' })
  for (let i = 0; i < 3; i++) t.equal((await attempt(app, someone(), `203.0.113.${i}`)).statusCode, 401)
  t.equal((await attempt(app, someone(), '203.0.113.99')).statusCode, 429, 'a forged address is no way around the limit')
})

t.test('while Redis is down the limits hold in process', async (t) => {
  const app = await build(t, { REDIS_HOST: '127.0.0.1', REDIS_PORT: String(await freePort()), RATE_LIMIT_LOGIN: '2' })
  t.equal(app.cache.redisAvailable(), false)
  t.equal((await attempt(app, someone())).statusCode, 401)
  t.equal((await attempt(app, someone())).statusCode, 401)
  t.equal((await attempt(app, someone())).statusCode, 429, 'per address')
})

t.test('the counter: Redis while it is in use, in process when it is not or when it fails', async (t) => {
  const prefix = uniquePrefix()
  cleanUp(t, prefix)
  const redis = new Redis({ port: 6379, maxRetriesPerRequest: 1 })
  t.teardown(() => redis.disconnect())
  let available = true
  let client: RateRedis = redis
  const errors: string[] = []
  const counter = createRateCounter({ redis: () => client, redisAvailable: () => available, prefix, onRedisError: (err) => errors.push(err.message) })
  const other = createRateCounter({ redis: () => redis, redisAvailable: () => true, prefix })

  t.match(await counter.hit('login', 'a', 60_000), { current: 1 })
  t.match(await other.hit('login', 'a', 60_000), { current: 2 }, 'another counter (instance) on the same Redis counts on')
  const { ttl } = await counter.hit('login', 'a', 60_000)
  t.ok(ttl > 0 && ttl <= 60_000, 'the window\'s time left')

  available = false
  t.match(await counter.hit('login', 'a', 60_000), { current: 1 }, 'Redis not in use: counted in process, from scratch')
  t.match(await counter.hit('login', 'a', 60_000), { current: 2 })
  t.match(await other.hit('login', 'a', 60_000), { current: 4 }, 'nothing was sent to Redis meanwhile')

  available = true
  client = { eval: async () => { throw new Error('Command timed out') } }
  t.match(await counter.hit('login', 'a', 60_000), { current: 3 }, 'a failing Redis: counted in process')
  t.same(errors, ['Command timed out'])
})

t.test('in process, a window ends and memory stays bounded', async (t) => {
  let now = 0
  const counter = createRateCounter({ redis: () => undefined, redisAvailable: () => false, prefix: 'p:', localCapacity: 2, now: () => now })
  t.match(await counter.hit('x', 'a', 1000), { current: 1, ttl: 1000 })
  now = 400
  t.match(await counter.hit('x', 'a', 1000), { current: 2, ttl: 600 })
  now = 1000
  t.match(await counter.hit('x', 'a', 1000), { current: 1, ttl: 1000 }, 'a new window')
  await counter.hit('x', 'b', 1000)
  await counter.hit('x', 'c', 1000)
  t.match(await counter.hit('x', 'a', 1000), { current: 1 }, 'the least recently seen subject was dropped')
})

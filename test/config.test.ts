import t from 'tap'
import { EnvSchema, loadConfig, parseDuration, parseMemorySize } from '../services/infra/config.js'

t.test('the defaults are the documented ones', async (t) => {
  const config = loadConfig({})
  t.equal(config.port, 3000)
  t.equal(config.host, '127.0.0.1')
  t.equal(config.logLevel, 'info')
  t.equal(config.database.sqlitePath, './data/forms.db')
  t.equal(config.database.mongodbUrl, undefined)
  t.match(config.redis, { host: 'localhost', port: 6379, db: 0, maxMemory: '256mb', maxConnections: 50, socketTimeoutMs: 5000, connectTimeoutMs: 5000 })
  t.ok(config.redis.keyPrefix.length > 0, 'a non-empty key prefix')
  t.match(config.cache, { enabled: true, defaultTtl: 300, maxMemoryPercent: 0.8 })
  t.ok(config.cache.opTimeoutMs >= 10 && config.cache.opTimeoutMs <= 300, 'op deadline in tens to low hundreds of ms')
  t.same(config.cache.kinds, {
    form_schema: { ttl: 3600, maxEntries: 1000 },
    user_session: { ttl: 1800, maxEntries: 5000 },
    query_result: { ttl: 300, maxEntries: 10000 },
    dashboard_widget: { ttl: 120, maxEntries: 5000 },
    api_response: { ttl: 60, maxEntries: 10000 }
  })
  t.equal(config.webhooks.allowPrivate, false)
  t.equal(config.auth.tokenTtlSeconds, 3600)
  t.same(config.redis.topology, { mode: 'standalone' })
  t.match(config.cache, {
    l1MaxBytes: 134_217_728, maxEntryBytes: 1_048_576, graceSeconds: 86_400, softTimeoutMs: 250, hardTimeoutMs: 5000, eagerRefresh: 0.8
  })
  t.equal(config.trustProxy, false)
  t.notMatch(config.redis.keyPrefix, /[{}]/, 'the default prefix is no hash tag: keys spread over cluster slots')
})

t.test('Redis Cluster and Sentinel are chosen by their variables', async (t) => {
  t.same(loadConfig({ REDIS_CLUSTER_NODES: '10.0.0.1:7000,redis-b:7001,[::1]:7002' }).redis.topology, {
    mode: 'cluster', nodes: [{ host: '10.0.0.1', port: 7000 }, { host: 'redis-b', port: 7001 }, { host: '::1', port: 7002 }]
  })
  t.same(loadConfig({ REDIS_SENTINELS: 's1:26379,s2:26379' }).redis.topology, {
    mode: 'sentinel', sentinels: [{ host: 's1', port: 26379 }, { host: 's2', port: 26379 }], masterName: 'mymaster'
  })
  t.match(loadConfig({ REDIS_SENTINELS: 's1:26379', REDIS_SENTINEL_MASTER: 'forms' }).redis.topology, { masterName: 'forms' })
})

t.test('TRUST_PROXY takes a flag, a hop count or addresses', async (t) => {
  t.equal(loadConfig({ TRUST_PROXY: 'true' }).trustProxy, true)
  t.equal(loadConfig({ TRUST_PROXY: '2' }).trustProxy, 2)
  t.same(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 127.0.0.1,::1' }).trustProxy, ['10.0.0.0/8', '127.0.0.1', '::1'])
})

t.test('values are converted from strings', async (t) => {
  const config = loadConfig({
    PORT: '8080', CACHE_ENABLED: 'false', CACHE_MAX_MEMORY_PERCENT: '0.5', CACHE_TTL_API_RESPONSE: '5', REDIS_SOCKET_TIMEOUT: '0.5'
  })
  t.equal(config.port, 8080)
  t.equal(config.cache.enabled, false)
  t.equal(config.cache.maxMemoryPercent, 0.5)
  t.equal(config.cache.kinds.api_response.ttl, 5)
  t.equal(config.redis.socketTimeoutMs, 500)
})

t.test('an empty value counts as unset', async (t) => {
  t.equal(loadConfig({ REDIS_PASSWORD: '', PORT: '' }).redis.password, undefined)
  t.equal(loadConfig({ PORT: '' }).port, 3000)
})

t.test('a bad value is refused with one line naming the variable', async (t) => {
  const cases: Array<[Record<string, string>, RegExp]> = [
    [{ REDIS_PORT: 'abc' }, /^invalid configuration: REDIS_PORT must be an integer from 1 to 65535 \(got "abc"\)$/],
    [{ CACHE_DEFAULT_TTL: '-1' }, /CACHE_DEFAULT_TTL must be an integer/],
    [{ CACHE_ENABLED: 'yes' }, /CACHE_ENABLED must be true or false/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent/],
    [{ CACHE_MAX_MEMORY_PERCENT: '1.5' }, /CACHE_MAX_MEMORY_PERCENT must be a number/],
    [{ REDIS_KEY_PREFIX: 'has space' }, /REDIS_KEY_PREFIX must be a string/],
    [{ REDIS_KEY_PREFIX: 'glob*' }, /REDIS_KEY_PREFIX/],
    [{ REDIS_MAX_MEMORY: 'lots' }, /REDIS_MAX_MEMORY/],
    [{ JWT_EXPIRES_IN: '1 week' }, /JWT_EXPIRES_IN/],
    [{ MONGODB_URL: 'postgres://x' }, /MONGODB_URL must be a string matching/],
    [{ CACHE_OP_TIMEOUT_MS: '0' }, /CACHE_OP_TIMEOUT_MS/],
    [{ NODE_ENV: 'production' }, /JWT_SECRET is required when NODE_ENV=production/],
    [{ ADMIN_EMAIL: 'a@b.test' }, /ADMIN_EMAIL and ADMIN_PASSWORD must be set together/],
    [{ REDIS_KEY_PREFIX: '{forms}:' }, /REDIS_KEY_PREFIX must be a string/],
    [{ REDIS_CLUSTER_NODES: 'a:1,b' }, /^invalid configuration: REDIS_CLUSTER_NODES must be a comma-separated list of host:port/],
    [{ REDIS_CLUSTER_NODES: 'a:70000' }, /^invalid configuration: REDIS_CLUSTER_NODES must list host:port pairs with ports from 1 to 65535 \(got "a:70000"\)$/],
    [{ REDIS_SENTINELS: 'a:1, b:2' }, /^invalid configuration: REDIS_SENTINELS must be a comma-separated list/],
    [{ REDIS_CLUSTER_NODES: 'a:1', REDIS_SENTINELS: 'b:2' }, /^invalid configuration: REDIS_CLUSTER_NODES and REDIS_SENTINELS cannot both be set/],
    [{ REDIS_CLUSTER_NODES: 'a:1', REDIS_DB: '2' }, /^invalid configuration: REDIS_DB must be 0 with REDIS_CLUSTER_NODES/],
    [{ CACHE_GRACE_SECONDS: '-1' }, /CACHE_GRACE_SECONDS must be an integer/],
    [{ CACHE_EAGER_REFRESH: '1' }, /CACHE_EAGER_REFRESH must be a number/],
    [{ CACHE_SOFT_TIMEOUT_MS: '6000' }, /CACHE_SOFT_TIMEOUT_MS must not exceed CACHE_HARD_TIMEOUT_MS/],
    [{ CACHE_L1_MAX_BYTES: '10' }, /CACHE_L1_MAX_BYTES must be an integer/],
    [{ TRUST_PROXY: 'yes' }, /^invalid configuration: TRUST_PROXY must be true, false, a hop count, or addresses\/CIDR ranges separated by commas \(got "yes"\)$/],
    [{ TRUST_PROXY: '10.0.0.0/33' }, /TRUST_PROXY/],
    [{ ADMIN_EMAIL: 'a@b.test', ADMIN_PASSWORD: 'elevenchars' }, /^invalid configuration: ADMIN_PASSWORD must be at least 12 characters, not only whitespace$/],
    [{ ADMIN_EMAIL: 'a@b.test', ADMIN_PASSWORD: ' '.repeat(16) }, /^invalid configuration: ADMIN_PASSWORD must be at least 12 characters, not only whitespace$/]
  ]
  for (const [env, message] of cases) {
    t.throws(() => loadConfig(env), { name: 'ConfigError', message }, JSON.stringify(env))
  }
})

t.test('secret values never appear in the error', async (t) => {
  const secret = 'short-secret'
  try {
    loadConfig({ JWT_SECRET: secret })
    t.fail('should have thrown')
  } catch (err) {
    t.match((err as Error).message, /JWT_SECRET must be a string at least 32 characters$/)
    t.notMatch((err as Error).message, secret)
  }
})

t.test('production accepts a JWT_SECRET of 32+ characters', async (t) => {
  t.equal(loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) }).production, true)
})

t.test('every variable has a default or is optional', async (t) => {
  for (const [name, schema] of Object.entries(EnvSchema.properties)) {
    const optional = !(EnvSchema.required as string[] | undefined)?.includes(name)
    t.ok(optional || (schema as { default?: unknown }).default !== undefined, name)
  }
})

t.test('sizes and durations', async (t) => {
  t.equal(parseMemorySize('256mb'), 256 * 1024 * 1024)
  t.equal(parseMemorySize('1G'), 1024 ** 3)
  t.equal(parseMemorySize('512'), 512)
  t.equal(parseDuration('90'), 90)
  t.equal(parseDuration('15m'), 900)
  t.equal(parseDuration('7d'), 7 * 86400)
})

t.test('the outbox and webhook retries: production defaults, and a lease of at most 30 s that outlasts an attempt', async (t) => {
  const config = loadConfig({})
  t.same(config.outbox, { pollMs: 1000, leaseMs: 10_000, retentionMs: 168 * 3600_000 })
  t.match(config.webhooks, { maxAttempts: 12, retryBaseMs: 5000, retryMaxMs: 3600_000, timeoutMs: 5000 })
  t.match(loadConfig({ OUTBOX_LEASE_MS: '1500', WEBHOOK_TIMEOUT_MS: '1000', WEBHOOK_RETRY_BASE_MS: '20', OUTBOX_POLL_MS: '50' }),
    { outbox: { leaseMs: 1500, pollMs: 50 }, webhooks: { timeoutMs: 1000, retryBaseMs: 20 } })
  t.throws(() => loadConfig({ OUTBOX_LEASE_MS: '30001' }), { message: 'invalid configuration: OUTBOX_LEASE_MS must be an integer from 1000 to 30000 (got "30001")' })
  t.throws(() => loadConfig({ OUTBOX_LEASE_MS: '5000' }), { message: 'invalid configuration: WEBHOOK_TIMEOUT_MS must be less than OUTBOX_LEASE_MS' })
  t.throws(() => loadConfig({ WEBHOOK_RETRY_BASE_MS: '10000', WEBHOOK_RETRY_MAX_MS: '5000' }),
    { message: 'invalid configuration: WEBHOOK_RETRY_BASE_MS must not exceed WEBHOOK_RETRY_MAX_MS' })
  t.throws(() => loadConfig({ WEBHOOK_MAX_ATTEMPTS: '0' }), { message: /WEBHOOK_MAX_ATTEMPTS must be an integer from 1 to 50/ })
  t.throws(() => loadConfig({ OUTBOX_POLL_MS: 'soon' }), { message: /OUTBOX_POLL_MS must be an integer/ })
})

import { Type, type Static, type TSchema } from '@sinclair/typebox'
import { Value } from '@sinclair/typebox/value'
import { isIP } from 'node:net'
import { CACHE_KINDS, type CacheKind, type KindSettings } from '../cache/kinds.js'
import type { CacheSettings } from '../cache/types.js'

const Integer = (min: number, max: number, fallback: number) =>
  Type.Integer({ minimum: min, maximum: max, default: fallback })
const Flag = (fallback: boolean) => Type.Boolean({ default: fallback })
const Seconds = (fallback: number) => Integer(1, 31 * 24 * 3600, fallback)
const Entries = (fallback: number) => Integer(1, 10_000_000, fallback)
// host:port,host:port,... (host names, IPv4, or [IPv6])
const NODE_LIST_WORDS = 'a comma-separated list of host:port (e.g. 10.0.0.1:7000,10.0.0.2:7000)'
const NODE_LIST = '^(([A-Za-z0-9.-]+|\\[[0-9A-Fa-f:.]+\\]):[0-9]{1,5})(,([A-Za-z0-9.-]+|\\[[0-9A-Fa-f:.]+\\]):[0-9]{1,5})*$'

/** Every environment variable the service reads, with its default (README, "Configuration"). */
export const EnvSchema = Type.Object({
  NODE_ENV: Type.String({ default: 'development' }),
  PORT: Integer(0, 65535, 3000),
  HOST: Type.String({ minLength: 1, default: '127.0.0.1' }),
  LOG_LEVEL: Type.Union(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l)), { default: 'info' }),

  MONGODB_URL: Type.Optional(Type.String({ pattern: '^mongodb(\\+srv)?://' })),
  SQLITE_PATH: Type.String({ minLength: 1, default: './data/forms.db' }),

  REDIS_HOST: Type.String({ minLength: 1, default: 'localhost' }),
  REDIS_PORT: Integer(1, 65535, 6379),
  REDIS_DB: Integer(0, 15, 0),
  REDIS_PASSWORD: Type.Optional(Type.String()),
  REDIS_MAX_MEMORY: Type.String({ pattern: '^[0-9]+([kKmMgG][bB]?)?$', default: '256mb' }),
  REDIS_MAX_CONNECTIONS: Integer(1, 10_000, 50),
  REDIS_SOCKET_TIMEOUT: Type.Number({ exclusiveMinimum: 0, maximum: 3600, default: 5 }),
  REDIS_SOCKET_CONNECT_TIMEOUT: Type.Number({ exclusiveMinimum: 0, maximum: 3600, default: 5 }),
  // no braces: the cache chooses each key's Redis Cluster hash tag itself, so keys spread over the slots
  REDIS_KEY_PREFIX: Type.String({ minLength: 1, maxLength: 100, pattern: '^[^\\s*?\\[\\]\\\\{}]+$', default: 'forms:' }),
  REDIS_CLUSTER_NODES: Type.Optional(Type.String({ pattern: NODE_LIST, expected: NODE_LIST_WORDS })),
  REDIS_SENTINELS: Type.Optional(Type.String({ pattern: NODE_LIST, expected: NODE_LIST_WORDS })),
  REDIS_SENTINEL_MASTER: Type.String({ minLength: 1, maxLength: 200, pattern: '^\\S+$', default: 'mymaster' }),

  CACHE_ENABLED: Flag(true),
  CACHE_DEFAULT_TTL: Seconds(300),
  CACHE_MAX_MEMORY_PERCENT: Type.Number({ exclusiveMinimum: 0, maximum: 1, default: 0.8 }),
  CACHE_TTL_FORM_SCHEMA: Seconds(3600),
  CACHE_TTL_USER_SESSION: Seconds(1800),
  CACHE_TTL_QUERY_RESULT: Seconds(300),
  CACHE_TTL_DASHBOARD_WIDGET: Seconds(120),
  CACHE_TTL_API_RESPONSE: Seconds(60),
  CACHE_MAX_ENTRIES_FORM_SCHEMA: Entries(1000),
  CACHE_MAX_ENTRIES_USER_SESSION: Entries(5000),
  CACHE_MAX_ENTRIES_QUERY_RESULT: Entries(10_000),
  CACHE_MAX_ENTRIES_DASHBOARD_WIDGET: Entries(5000),
  CACHE_MAX_ENTRIES_API_RESPONSE: Entries(10_000),
  CACHE_OP_TIMEOUT_MS: Integer(5, 5000, 100),
  CACHE_L1_ENABLED: Flag(true),
  CACHE_COMPRESS_THRESHOLD: Integer(0, 100 * 1024 * 1024, 4096),
  CACHE_WARMUP_ON_START: Flag(false),
  CACHE_L1_MAX_BYTES: Integer(1024, 64 * 1024 ** 3, 128 * 1024 * 1024),
  CACHE_MAX_ENTRY_BYTES: Integer(1, 512 * 1024 * 1024, 1024 * 1024),
  CACHE_GRACE_SECONDS: Integer(0, 31 * 24 * 3600, 86_400),
  CACHE_SOFT_TIMEOUT_MS: Integer(1, 600_000, 250),
  CACHE_HARD_TIMEOUT_MS: Integer(1, 600_000, 5000),
  CACHE_EAGER_REFRESH: Type.Number({ minimum: 0, exclusiveMaximum: 1, default: 0.8 }),

  JWT_SECRET: Type.Optional(Type.String({ minLength: 32 })),
  JWT_EXPIRES_IN: Type.String({ pattern: '^[1-9][0-9]*[smhd]?$', default: '1h' }),
  ADMIN_EMAIL: Type.Optional(Type.String({ pattern: '^[^@\\s]+@[^@\\s]+$' })),
  ADMIN_PASSWORD: Type.Optional(Type.String({ minLength: 12, pattern: '\\S', expected: 'at least 12 characters, not only whitespace' })),

  WEBHOOK_ALLOW_PRIVATE: Flag(false),
  // The outbox relay and webhook retries (README: "Webhooks").
  OUTBOX_POLL_MS: Integer(10, 60_000, 1000),
  OUTBOX_LEASE_MS: Integer(1000, 30_000, 10_000),
  OUTBOX_RETENTION_HOURS: Integer(1, 24 * 366, 168),
  WEBHOOK_MAX_ATTEMPTS: Integer(1, 50, 12),
  WEBHOOK_RETRY_BASE_MS: Integer(10, 24 * 3600_000, 5000),
  WEBHOOK_RETRY_MAX_MS: Integer(10, 24 * 3600_000, 3600_000),
  WEBHOOK_TIMEOUT_MS: Integer(100, 25_000, 5000),
  TRUST_PROXY: Type.String({ minLength: 1, maxLength: 2000, default: 'false' }),
  RATE_LIMIT_LOGIN: Integer(1, 1_000_000, 10),
  RATE_LIMIT_RESPONSES: Integer(1, 1_000_000, 60)
})
export type Env = Static<typeof EnvSchema>

/** Variables whose values never appear in an error message or log line. */
const SECRETS = new Set(['REDIS_PASSWORD', 'JWT_SECRET', 'ADMIN_PASSWORD', 'MONGODB_URL'])

export class ConfigError extends Error {
  override name = 'ConfigError'
}

export interface RedisNode { host: string, port: number }

export type RedisTopology =
  | { mode: 'standalone' }
  | { mode: 'cluster', nodes: RedisNode[] }
  | { mode: 'sentinel', sentinels: RedisNode[], masterName: string }

/** The cache engine's settings that come from the environment (services/cache/types.ts says what each does). */
type EngineSettings = Pick<CacheSettings, 'enabled' | 'kinds' | 'l1Enabled' | 'compressThreshold' | 'l1MaxBytes' |
  'maxEntryBytes' | 'graceSeconds' | 'softTimeoutMs' | 'hardTimeoutMs' | 'eagerRefresh'>

export interface AppConfig {
  production: boolean
  port: number
  host: string
  logLevel: string
  database: { mongodbUrl?: string, sqlitePath: string }
  redis: {
    host: string
    port: number
    db: number
    password?: string
    maxMemory: string
    maxMemoryBytes: number
    maxConnections: number
    socketTimeoutMs: number
    connectTimeoutMs: number
    keyPrefix: string
    /** Which Redis deployment the cache talks to. */
    topology: RedisTopology
  }
  /** The engine's settings the environment sets, and the service's own. */
  cache: EngineSettings & {
    defaultTtl: number
    maxMemoryPercent: number
    opTimeoutMs: number
    warmupOnStart: boolean
  }
  /** Fastify's `trustProxy`: which X-Forwarded-For hops to believe. */
  trustProxy: boolean | number | string[]
  auth: { jwtSecret?: string, tokenTtlSeconds: number, adminEmail?: string, adminPassword?: string }
  webhooks: {
    allowPrivate: boolean
    /** Attempts per delivery, the first included; then it ends as failed. */
    maxAttempts: number
    /** The wait before the second attempt; it doubles before each next one, up to retryMaxMs. */
    retryBaseMs: number
    retryMaxMs: number
    /** The deadline of one attempt (shorter than the outbox lease). */
    timeoutMs: number
  }
  /** The relay of writes' side effects (invalidations, webhook deliveries). */
  outbox: {
    pollMs: number
    /** How long a claimed item is held before another instance may take it. */
    leaseMs: number
    /** How long finished items are kept. */
    retentionMs: number
  }
  rateLimit: { login: number, responses: number }
}

/** "90" (seconds), "15m", "1h", "7d" → seconds. */
export function parseDuration (value: string): number {
  const match = /^([0-9]+)([smhd]?)$/.exec(value)
  if (match === null) throw new ConfigError(`not a duration: ${value}`)
  return Number(match[1]) * { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[match[2] as '' | 's' | 'm' | 'h' | 'd']
}

/** "a:1,[::1]:2" → nodes; throws a ConfigError naming `variable` for a port out of range. */
export function parseNodeList (variable: string, value: string): RedisNode[] {
  return value.split(',').map((item) => {
    const at = item.lastIndexOf(':')
    const host = item.slice(0, at).replace(/^\[(.*)\]$/, '$1')
    const port = Number(item.slice(at + 1))
    if (!Number.isInteger(port) || port < 1 || port > 65535) {
      throw new ConfigError(`invalid configuration: ${variable} must list host:port pairs with ports from 1 to 65535 (got "${item}")`)
    }
    return { host, port }
  })
}

/**
 * TRUST_PROXY as Fastify's `trustProxy`: `true`/`false`, a hop count, or a
 * comma-separated list of addresses and CIDR ranges.
 */
export function parseTrustProxy (value: string): boolean | number | string[] {
  if (value === 'true' || value === 'false') return value === 'true'
  if (/^[0-9]+$/.test(value)) return Number(value)
  const entries = value.split(',').map((entry) => entry.trim())
  for (const entry of entries) {
    const [address = '', bits, extra] = entry.split('/')
    const family = isIP(address)
    const maxBits = family === 6 ? 128 : 32
    const validBits = bits === undefined || (/^[0-9]{1,3}$/.test(bits) && Number(bits) <= maxBits)
    if (family === 0 || !validBits || extra !== undefined) {
      throw new ConfigError(`invalid configuration: TRUST_PROXY must be true, false, a hop count, or addresses/CIDR ranges separated by commas (got "${entry}")`)
    }
  }
  return entries
}

function topologyOf (env: Env): RedisTopology {
  if (env.REDIS_CLUSTER_NODES !== undefined && env.REDIS_SENTINELS !== undefined) {
    throw new ConfigError('invalid configuration: REDIS_CLUSTER_NODES and REDIS_SENTINELS cannot both be set (choose Redis Cluster or Sentinel)')
  }
  if (env.REDIS_CLUSTER_NODES !== undefined) {
    if (env.REDIS_DB !== 0) throw new ConfigError('invalid configuration: REDIS_DB must be 0 with REDIS_CLUSTER_NODES (a Redis Cluster has one database)')
    return { mode: 'cluster', nodes: parseNodeList('REDIS_CLUSTER_NODES', env.REDIS_CLUSTER_NODES) }
  }
  if (env.REDIS_SENTINELS !== undefined) {
    return { mode: 'sentinel', sentinels: parseNodeList('REDIS_SENTINELS', env.REDIS_SENTINELS), masterName: env.REDIS_SENTINEL_MASTER }
  }
  return { mode: 'standalone' }
}

/** "256mb" → bytes. */
export function parseMemorySize (value: string): number {
  const match = /^([0-9]+)([kmg]?)b?$/i.exec(value)
  if (match === null) throw new ConfigError(`not a memory size: ${value}`)
  const unit = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[match[2]!.toLowerCase() as '' | 'k' | 'm' | 'g']
  return Number(match[1]) * unit
}

/** What a variable must look like, in words, from its schema. */
function expectation (schema: TSchema): string {
  if (typeof schema.expected === 'string') return schema.expected
  if (Array.isArray(schema.anyOf)) return `one of ${schema.anyOf.map((s: TSchema) => s.const).join(', ')}`
  switch (schema.type) {
    case 'boolean': return 'true or false'
    case 'integer': return `an integer from ${schema.minimum} to ${schema.maximum}`
    case 'number': return `a number greater than ${schema.exclusiveMinimum ?? schema.minimum} and at most ${schema.maximum}`
    default: {
      const rules = [
        schema.minLength !== undefined ? `at least ${schema.minLength} characters` : '',
        schema.maxLength !== undefined ? `at most ${schema.maxLength} characters` : '',
        schema.pattern !== undefined ? `matching ${schema.pattern}` : ''
      ].filter(Boolean)
      return `a string ${rules.join(', ')}`.trim()
    }
  }
}

function describe (name: string, raw: string | undefined) {
  const schema = EnvSchema.properties[name as keyof Env] as TSchema
  const got = SECRETS.has(name) || raw === undefined ? '' : ` (got ${JSON.stringify(raw)})`
  return `invalid configuration: ${name} must be ${expectation(schema)}${got}`
}

/**
 * Validates the environment and returns the typed configuration. Throws a
 * ConfigError whose message is one line naming the first bad variable.
 */
export function loadConfig (source: Record<string, string | undefined> = process.env): AppConfig {
  // Only our variables; an empty value counts as unset (as in a .env file).
  const raw: Record<string, string> = {}
  for (const name of Object.keys(EnvSchema.properties)) {
    const value = source[name]
    if (value !== undefined && value !== '') raw[name] = value
  }
  const env = Value.Default(EnvSchema, Value.Convert(EnvSchema, { ...raw }))
  const error = Value.Errors(EnvSchema, env).First()
  if (error !== undefined) {
    const name = error.path.slice(1)
    throw new ConfigError(describe(name, raw[name]))
  }
  return toConfig(env as Env)
}

function toConfig (env: Env): AppConfig {
  const production = env.NODE_ENV === 'production'
  if (production && env.JWT_SECRET === undefined) {
    throw new ConfigError('invalid configuration: JWT_SECRET is required when NODE_ENV=production')
  }
  if (env.CACHE_SOFT_TIMEOUT_MS > env.CACHE_HARD_TIMEOUT_MS) {
    throw new ConfigError('invalid configuration: CACHE_SOFT_TIMEOUT_MS must not exceed CACHE_HARD_TIMEOUT_MS')
  }
  if (env.WEBHOOK_TIMEOUT_MS >= env.OUTBOX_LEASE_MS) {
    // an attempt must end before its lease does, or another instance could start the same delivery
    throw new ConfigError('invalid configuration: WEBHOOK_TIMEOUT_MS must be less than OUTBOX_LEASE_MS')
  }
  if (env.WEBHOOK_RETRY_BASE_MS > env.WEBHOOK_RETRY_MAX_MS) {
    throw new ConfigError('invalid configuration: WEBHOOK_RETRY_BASE_MS must not exceed WEBHOOK_RETRY_MAX_MS')
  }
  if ((env.ADMIN_EMAIL === undefined) !== (env.ADMIN_PASSWORD === undefined)) {
    throw new ConfigError('invalid configuration: ADMIN_EMAIL and ADMIN_PASSWORD must be set together')
  }
  const kinds = Object.fromEntries(CACHE_KINDS.map((kind) => {
    const suffix = kind.toUpperCase() as Uppercase<CacheKind>
    return [kind, { ttl: env[`CACHE_TTL_${suffix}`], maxEntries: env[`CACHE_MAX_ENTRIES_${suffix}`] }]
  })) as Record<CacheKind, KindSettings>

  return {
    production,
    port: env.PORT,
    host: env.HOST,
    logLevel: env.LOG_LEVEL,
    database: { mongodbUrl: env.MONGODB_URL, sqlitePath: env.SQLITE_PATH },
    redis: {
      host: env.REDIS_HOST,
      port: env.REDIS_PORT,
      db: env.REDIS_DB,
      password: env.REDIS_PASSWORD,
      maxMemory: env.REDIS_MAX_MEMORY,
      maxMemoryBytes: parseMemorySize(env.REDIS_MAX_MEMORY),
      maxConnections: env.REDIS_MAX_CONNECTIONS,
      socketTimeoutMs: Math.round(env.REDIS_SOCKET_TIMEOUT * 1000),
      connectTimeoutMs: Math.round(env.REDIS_SOCKET_CONNECT_TIMEOUT * 1000),
      keyPrefix: env.REDIS_KEY_PREFIX,
      topology: topologyOf(env)
    },
    cache: {
      enabled: env.CACHE_ENABLED,
      defaultTtl: env.CACHE_DEFAULT_TTL,
      maxMemoryPercent: env.CACHE_MAX_MEMORY_PERCENT,
      opTimeoutMs: env.CACHE_OP_TIMEOUT_MS,
      l1Enabled: env.CACHE_L1_ENABLED,
      compressThreshold: env.CACHE_COMPRESS_THRESHOLD,
      warmupOnStart: env.CACHE_WARMUP_ON_START,
      kinds,
      l1MaxBytes: env.CACHE_L1_MAX_BYTES,
      maxEntryBytes: env.CACHE_MAX_ENTRY_BYTES,
      graceSeconds: env.CACHE_GRACE_SECONDS,
      softTimeoutMs: env.CACHE_SOFT_TIMEOUT_MS,
      hardTimeoutMs: env.CACHE_HARD_TIMEOUT_MS,
      eagerRefresh: env.CACHE_EAGER_REFRESH
    },
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    auth: {
      jwtSecret: env.JWT_SECRET,
      tokenTtlSeconds: parseDuration(env.JWT_EXPIRES_IN),
      adminEmail: env.ADMIN_EMAIL,
      adminPassword: env.ADMIN_PASSWORD
    },
    webhooks: {
      allowPrivate: env.WEBHOOK_ALLOW_PRIVATE,
      maxAttempts: env.WEBHOOK_MAX_ATTEMPTS,
      retryBaseMs: env.WEBHOOK_RETRY_BASE_MS,
      retryMaxMs: env.WEBHOOK_RETRY_MAX_MS,
      timeoutMs: env.WEBHOOK_TIMEOUT_MS
    },
    outbox: { pollMs: env.OUTBOX_POLL_MS, leaseMs: env.OUTBOX_LEASE_MS, retentionMs: env.OUTBOX_RETENTION_HOURS * 3600_000 },
    rateLimit: { login: env.RATE_LIMIT_LOGIN, responses: env.RATE_LIMIT_RESPONSES }
  }
}

import { Type, type Static, type TSchema } from '@sinclair/typebox'
import { Value } from '@sinclair/typebox/value'
import { CACHE_KINDS, type CacheKind, type KindSettings } from './cache/kinds.js'

const Integer = (min: number, max: number, fallback: number) =>
  Type.Integer({ minimum: min, maximum: max, default: fallback })
const Flag = (fallback: boolean) => Type.Boolean({ default: fallback })
const Seconds = (fallback: number) => Integer(1, 31 * 24 * 3600, fallback)
const Entries = (fallback: number) => Integer(1, 10_000_000, fallback)

/** Every environment variable the service reads, with its default (DESIGN.md §4). */
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
  REDIS_KEY_PREFIX: Type.String({ minLength: 1, maxLength: 100, pattern: '^[^\\s*?\\[\\]\\\\]+$', default: '{forms}:' }),

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
  CACHE_COMPRESS_THRESHOLD: Integer(0, 100 * 1024 * 1024, 1024),
  CACHE_WARMUP_ON_START: Flag(false),

  JWT_SECRET: Type.Optional(Type.String({ minLength: 32 })),
  JWT_EXPIRES_IN: Type.String({ pattern: '^[1-9][0-9]*[smhd]?$', default: '1h' }),
  ADMIN_EMAIL: Type.Optional(Type.String({ pattern: '^[^@\\s]+@[^@\\s]+$' })),
  ADMIN_PASSWORD: Type.Optional(Type.String({ minLength: 8 })),

  WEBHOOK_ALLOW_PRIVATE: Flag(false),
  RATE_LIMIT_LOGIN: Integer(1, 1_000_000, 10),
  RATE_LIMIT_RESPONSES: Integer(1, 1_000_000, 60)
})
export type Env = Static<typeof EnvSchema>

/** Variables whose values never appear in an error message or log line. */
const SECRETS = new Set(['REDIS_PASSWORD', 'JWT_SECRET', 'ADMIN_PASSWORD', 'MONGODB_URL'])

export class ConfigError extends Error {
  override name = 'ConfigError'
}

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
  }
  cache: {
    enabled: boolean
    defaultTtl: number
    maxMemoryPercent: number
    opTimeoutMs: number
    l1Enabled: boolean
    compressThreshold: number
    warmupOnStart: boolean
    kinds: Record<CacheKind, KindSettings>
  }
  auth: { jwtSecret?: string, tokenTtlSeconds: number, adminEmail?: string, adminPassword?: string }
  webhooks: { allowPrivate: boolean }
  rateLimit: { login: number, responses: number }
}

/** "90" (seconds), "15m", "1h", "7d" → seconds. */
export function parseDuration (value: string): number {
  const match = /^([0-9]+)([smhd]?)$/.exec(value)
  if (match === null) throw new ConfigError(`not a duration: ${value}`)
  return Number(match[1]) * { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[match[2] as '' | 's' | 'm' | 'h' | 'd']
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
      keyPrefix: env.REDIS_KEY_PREFIX
    },
    cache: {
      enabled: env.CACHE_ENABLED,
      defaultTtl: env.CACHE_DEFAULT_TTL,
      maxMemoryPercent: env.CACHE_MAX_MEMORY_PERCENT,
      opTimeoutMs: env.CACHE_OP_TIMEOUT_MS,
      l1Enabled: env.CACHE_L1_ENABLED,
      compressThreshold: env.CACHE_COMPRESS_THRESHOLD,
      warmupOnStart: env.CACHE_WARMUP_ON_START,
      kinds
    },
    auth: {
      jwtSecret: env.JWT_SECRET,
      tokenTtlSeconds: parseDuration(env.JWT_EXPIRES_IN),
      adminEmail: env.ADMIN_EMAIL,
      adminPassword: env.ADMIN_PASSWORD
    },
    webhooks: { allowPrivate: env.WEBHOOK_ALLOW_PRIVATE },
    rateLimit: { login: env.RATE_LIMIT_LOGIN, responses: env.RATE_LIMIT_RESPONSES }
  }
}

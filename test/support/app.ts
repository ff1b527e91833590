import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomUUID } from 'node:crypto'
import Fastify, { type FastifyInstance } from 'fastify'
import app, { serverOptions } from '../../app.js'
import { loadConfig, type AppConfig } from '../../services/infra/config.js'
import type { Role } from '../../schemas/users.js'
import { deleteKeysUnder } from './redis-keys.js'

type Test = { teardown (fn: () => unknown): void }
export type Env = Record<string, string>

export const ADMIN = { email: 'admin@example.test', password: 'admin-password' }

export const TEST_OP_TIMEOUT_MS = '1000'

/** A fresh temp directory, removed when the test ends. */
export function tempDir (t: Test): string {
  const dir = mkdtempSync(join(tmpdir(), 'forms-api-test-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

/** A key prefix of its own for every test app, so test files never touch each other's keys. */
export function uniquePrefix (): string {
  return `test-${randomUUID().slice(0, 8)}:`
}

/** Deletes the Redis keys under the prefix (and only those) when the test ends. */
export function cleanUp (t: Test, prefix: string, port = 6379) {
  // that Redis may be gone already (a fault test's own server)
  t.teardown(() => deleteKeysUnder(port, prefix).catch(() => {}))
}

/**
 * Test configuration: a temp SQLite file, a unique Redis key prefix, a fixed
 * JWT secret (so instances accept each other's tokens), a bootstrap admin, and
 * a Redis deadline of 1 s: every test file shares one Redis on a busy machine,
 * and these tests are about behaviour, not latency (the fault tests set the
 * production deadline themselves).
 */
export function testConfig (t: Test, env: Env = {}): AppConfig {
  return loadConfig({
    LOG_LEVEL: 'silent',
    SQLITE_PATH: join(tempDir(t), 'forms.db'),
    REDIS_KEY_PREFIX: uniquePrefix(),
    JWT_SECRET: 'test-secret-test-secret-test-secret-0123',
    CACHE_OP_TIMEOUT_MS: TEST_OP_TIMEOUT_MS,
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    ...env
  })
}

/** Builds the app exactly as server.ts does, ready, and closed when the test ends. */
export async function build (t: Test, env: Env = {}): Promise<FastifyInstance> {
  const config = testConfig(t, env)
  cleanUp(t, config.redis.keyPrefix, config.redis.port)
  // The first app of a test file compiles every module on import (tsx): on a loaded
  // 2-core machine that alone can pass Fastify's 10 s plugin timeout.
  const fastify = Fastify({ ...serverOptions(config), pluginTimeout: 60_000 })
  await fastify.register(app, { config })
  t.teardown(() => fastify.close())
  await fastify.ready()
  return fastify
}

/** Builds the app on `config` as server.ts does, with its log lines (JSON, from level info) collected; closed when the test ends. */
export async function buildLogged<Line = Record<string, unknown>> (t: Test, config: AppConfig) {
  const lines: Line[] = []
  cleanUp(t, config.redis.keyPrefix)
  const fastify = Fastify({
    ...serverOptions(config),
    logger: { level: 'info', stream: { write: (line: string) => { lines.push(JSON.parse(line)) } } }
  })
  await fastify.register(app, { config })
  t.teardown(() => fastify.close())
  await fastify.ready()
  return { app: fastify, lines }
}

export async function login (fastify: FastifyInstance, email: string, password: string): Promise<string> {
  const res = await fastify.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } })
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`)
  return res.json().access_token
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` })

export interface TestUser { id: string, email: string, role: Role, token: string, headers: { authorization: string } }

/** The bootstrap admin, signed in. */
export async function admin (fastify: FastifyInstance): Promise<TestUser> {
  const token = await login(fastify, ADMIN.email, ADMIN.password)
  const me = await fastify.inject({ url: '/api/v1/users/me', headers: bearer(token) })
  return { ...me.json(), token, headers: bearer(token) }
}

let userCount = 0

/** A new user with the role, created through the API by the admin, signed in. */
export async function createUser (fastify: FastifyInstance, role: Role, adminUser?: TestUser): Promise<TestUser> {
  const by = adminUser ?? await admin(fastify)
  const email = `${role}-${++userCount}-${randomUUID().slice(0, 6)}@example.test`
  const password = 'user-password'
  const res = await fastify.inject({
    method: 'POST', url: '/api/v1/users', headers: by.headers, payload: { email, name: `${role} ${userCount}`, password, role }
  })
  if (res.statusCode !== 201) throw new Error(`user creation failed: ${res.statusCode} ${res.body}`)
  const token = await login(fastify, email, password)
  return { ...res.json(), token, headers: bearer(token) }
}

export const sampleFields = [
  { name: 'full_name', label: 'Full name', type: 'text', required: true },
  { name: 'age', label: 'Age', type: 'number', required: false },
  { name: 'color', label: 'Favourite colour', type: 'select', required: false, options: ['red', 'green', 'blue'] }
]

/** Creates a form through the API and returns it. */
export async function createForm (fastify: FastifyInstance, user: TestUser, body: Record<string, unknown> = {}) {
  const res = await fastify.inject({
    method: 'POST',
    url: '/api/v1/forms',
    headers: user.headers,
    payload: { title: 'Customer survey', description: 'How did we do?', status: 'published', fields: sampleFields, ...body }
  })
  if (res.statusCode !== 201) throw new Error(`form creation failed: ${res.statusCode} ${res.body}`)
  return res.json()
}

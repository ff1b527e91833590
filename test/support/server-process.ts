import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { ADMIN } from './app.js'
import { freePort } from './ports.js'
import { until } from './wait.js'

type Test = { teardown (fn: () => unknown): void }

const ROOT = join(import.meta.dirname, '..', '..')

export interface ServerProcess {
  origin: string
  /** Every line the process wrote to stdout (pino's JSON lines). */
  lines: string[]
  /** SIGKILL, and wait for the process to be gone. */
  kill (): Promise<void>
  /** JSON over HTTP; `token` as the bearer. */
  call (method: string, path: string, body?: unknown, token?: string): Promise<{ status: number, json: any }>
  login (): Promise<string>
}

/**
 * The real server (`node --import tsx server.ts`) with only the environment
 * given here (the test's own SQLite file, Redis key prefix, port), killed when
 * the test ends if it still runs.
 */
export async function startServer (t: Test, env: Record<string, string>): Promise<ServerProcess> {
  const port = await freePort()
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server.ts'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      JWT_SECRET: 'test-secret-test-secret-test-secret-0123',
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      ...env
    },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  const lines: string[] = []
  createInterface({ input: child.stdout! }).on('line', (line) => lines.push(line))
  let stderr = ''
  child.stderr!.on('data', (chunk) => { stderr += chunk })
  const exited = once(child, 'exit')
  const alive = () => child.exitCode === null && child.signalCode === null
  t.teardown(async () => { if (alive()) { child.kill('SIGKILL'); await exited } })

  const origin = `http://127.0.0.1:${port}`
  await until(async () => {
    if (!alive()) throw new Error(`the server exited: ${stderr}`)
    try { return (await fetch(`${origin}/health`)).ok } catch { return false }
  }, 60_000, 'the server to answer')

  async function call (method: string, path: string, body?: unknown, token?: string) {
    const res = await fetch(origin + path, {
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(token === undefined ? {} : { authorization: `Bearer ${token}` }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) })
    })
    const text = await res.text()
    return { status: res.status, json: text === '' ? null : JSON.parse(text) }
  }

  return {
    origin,
    lines,
    call,
    async login () {
      const res = await call('POST', '/api/v1/auth/login', ADMIN)
      if (res.status !== 200) throw new Error(`login failed: ${res.status}`)
      return res.json.access_token
    },
    async kill () {
      if (!alive()) return
      child.kill('SIGKILL')
      await exited
    }
  }
}

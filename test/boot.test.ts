import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { connect } from 'node:net'
import { join } from 'node:path'
import t from 'tap'
import { ADMIN, tempDir, uniquePrefix } from './support/app.js'

const ROOT = join(import.meta.dirname, '..')

function start (env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'server.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, LOG_LEVEL: 'info', REDIS_KEY_PREFIX: uniquePrefix(), ...env },
    stdio: ['ignore', 'pipe', 'pipe']
  })
}

function collect (stream: NodeJS.ReadableStream | null) {
  let text = ''
  stream?.on('data', (chunk) => { text += chunk })
  return () => text
}

/** Resolves with the listening port once the server logs it. */
async function listening (child: ChildProcess): Promise<number> {
  let buffer = ''
  for await (const chunk of child.stdout!) {
    buffer += chunk
    const match = /Server listening at http:\/\/127\.0\.0\.1:(\d+)/.exec(buffer)
    if (match !== null) return Number(match[1])
  }
  throw new Error(`server exited before listening:\n${buffer}`)
}

t.test('a bad value stops the process with one clear line and exit code 1', async (t) => {
  for (const [name, value] of [['REDIS_PORT', 'abc'], ['CACHE_DEFAULT_TTL', '-1']]) {
    const child = start({ [name!]: value! })
    const stderr = collect(child.stderr)
    const [code] = await once(child, 'exit')
    t.equal(code, 1, `${name} exit code`)
    const lines = stderr().trim().split('\n')
    t.equal(lines.length, 1, 'one line')
    t.match(lines[0], new RegExp(`^invalid configuration: ${name} must be`))
  }
})

t.test('production without JWT_SECRET refuses to start', async (t) => {
  const child = start({ NODE_ENV: 'production' })
  const stderr = collect(child.stderr)
  const [code] = await once(child, 'exit')
  t.equal(code, 1)
  t.match(stderr(), /JWT_SECRET is required when NODE_ENV=production/)
})

t.test('starts on embedded SQLite with no other service, and SIGTERM finishes an in-flight request', async (t) => {
  const dir = tempDir(t)
  const child = start({
    PORT: '0',
    SQLITE_PATH: join(dir, 'forms.db'),
    // nothing listens there: the cache must fall back to memory, not block the start
    REDIS_PORT: '1',
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password
  })
  t.teardown(() => { child.kill('SIGKILL') })
  const port = await listening(child)
  const base = `http://127.0.0.1:${port}`

  const health = await fetch(`${base}/health`)
  t.equal(health.status, 200)
  t.equal(((await health.json()) as { status: string }).status, 'ok')
  const docs = await fetch(`${base}/docs/json`)
  t.equal(docs.status, 200)
  t.equal(((await docs.json()) as { info: { title: string } }).info.title, 'Forms API')

  // Headers and half of a login body are in; SIGTERM arrives; then the rest.
  const body = JSON.stringify({ email: ADMIN.email, password: ADMIN.password })
  const socket = connect(port, '127.0.0.1')
  await once(socket, 'connect')
  let reply = ''
  socket.on('data', (chunk) => { reply += chunk })
  socket.write(`POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n`)
  socket.write(body.slice(0, 10))
  await new Promise((resolve) => setTimeout(resolve, 200))
  const exited = once(child, 'exit')
  child.kill('SIGTERM')
  await new Promise((resolve) => setTimeout(resolve, 200))
  socket.write(body.slice(10))
  await once(socket, 'close')
  t.match(reply, /^HTTP\/1\.1 200 OK/, 'the in-flight request was answered')
  t.match(reply, /"access_token":"/)
  const [code] = await exited
  t.equal(code, 0, 'clean exit')
})

// The building blocks of the Redis topologies the tests and benches start:
// one redis-server process with its own log, polling with a deadline, and a temp dir per topology that is cleaned up even if this
// process dies first. No test framework here: benches import it too.
import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Redis } from 'ioredis'
import { freePorts } from './ports.js'
import { sleep } from './wait.js'

export const HOST = '127.0.0.1'

/**
 * Nothing on disk; a replica syncs at once (the default waits 5 s for more
 * replicas before a diskless transfer, which a start-up would wait for).
 */
export const DATA_NODE_ARGS = ['--appendonly', 'no', '--save', '', '--repl-diskless-sync-delay', '0']

/** Tap's `t`, or anything with the same hook: `fn` runs when the test (or bench) ends. */
export type Teardown = { teardown (fn: () => unknown): void }

/** One command on a connection of its own (no retries, no offline queue): a dead node fails at once. */
export async function command (port: number, name: string, ...args: Array<string | number>): Promise<unknown> {
  const client = new Redis({
    host: HOST,
    port,
    lazyConnect: true,
    enableReadyCheck: false,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    connectTimeout: 2000,
    commandTimeout: 5000
  })
  client.on('error', () => {})
  try {
    await client.connect()
    return await client.call(name, ...args)
  } finally {
    client.disconnect()
  }
}

/** `INFO <section>` as a record (`role`, `master_link_status`, ...). */
export async function info (port: number, section: string): Promise<Record<string, string>> {
  return fields(String(await command(port, 'INFO', section)))
}

/** `key:value` lines (INFO, CLUSTER INFO) as a record. */
export function fields (text: string): Record<string, string> {
  const record: Record<string, string> = {}
  for (const line of text.split(/\r?\n/)) {
    const colon = line.indexOf(':')
    if (colon > 0) record[line.slice(0, colon)] = line.slice(colon + 1).trim()
  }
  return record
}

/** A redis-server (or sentinel) this process started; its output goes to `log` in its own dir. */
export interface RedisProcess {
  readonly name: string
  readonly port: number
  readonly dir: string
  readonly log: string
  alive (): boolean
  /** SIGKILL; resolves once the process is gone. */
  kill (): Promise<void>
  /** Starts it again on the same port (with the same arguments unless given new ones); resolves once it answers PING. */
  restart (args?: string[]): Promise<void>
  /** The last lines of its log. */
  tail (lines?: number): string
}

/**
 * Polls `attempt` until it resolves, and returns its value. A rejection means
 * "not yet" (its message is kept for the timeout error); a watched process
 * that dies fails the wait at once, with the end of its log.
 */
export async function waitFor<T> (what: string, timeoutMs: number, attempt: () => Promise<T>, watched: RedisProcess[] = []): Promise<T> {
  const deadline = Date.now() + timeoutMs
  let delay = 20
  let last = 'no attempt finished'
  for (;;) {
    const dead = watched.find((p) => !p.alive())
    if (dead !== undefined) throw new Error(`${dead.name} (port ${dead.port}) exited while waiting for ${what}; the end of ${dead.log}:\n${dead.tail()}`)
    try {
      return await attempt()
    } catch (err) {
      last = (err as Error).message
    }
    if (Date.now() > deadline) {
      const logs = watched.map((p) => `--- ${p.name} (port ${p.port}), ${p.log}:\n${p.tail(5)}`).join('\n')
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}: ${last}${logs === '' ? '' : `\n${logs}`}`)
    }
    await sleep(delay)
    delay = Math.min(delay * 1.5, 250)
  }
}

// Runs beside the tests: once this process is gone (a crash, a tap timeout
// that skips the teardowns), it kills the servers still listed in the pid
// files and removes the topology's dir. $1 is this process, $2 the dir.
const WATCHDOG = `
while kill -0 "$1" 2>/dev/null; do sleep 0.5; done
for f in "$2"/*/pid; do [ -f "$f" ] && kill -9 "$(cat "$f")" 2>/dev/null; done
rm -rf "$2"
`

/**
 * A topology's temp dir, the processes started in it, and `stop()`: kills
 * them all and removes the dir (registered with `t.teardown` when given).
 */
export function createTopology (kind: string, t?: Teardown, parentDir = tmpdir()) {
  const root = mkdtempSync(join(parentDir, `forms-api-${kind}-`))
  const processes: RedisProcess[] = []
  const watchdog = spawn('sh', ['-c', WATCHDOG, 'watchdog', String(process.pid), root], { stdio: 'ignore', detached: true })
  watchdog.on('error', () => {})
  watchdog.unref()
  let stopping: Promise<void> | undefined

  /** Idempotent: every call resolves once everything is gone. */
  function stop (): Promise<void> {
    stopping ??= (async () => {
      await Promise.all(processes.map((p) => p.kill()))
      watchdog.kill('SIGKILL')
      rmSync(root, { recursive: true, force: true })
    })()
    return stopping
  }
  t?.teardown(stop)

  /**
   * Starts a process named `name` in a dir of its own, on `portCount` free
   * ports handed to `args` (a port taken meanwhile by someone else: new ports).
   */
  async function start (name: string, portCount: number, args: (ports: number[], dir: string) => string[]): Promise<RedisProcess> {
    const dir = join(root, name)
    mkdirSync(dir)
    for (let attempt = 1; ; attempt++) {
      const ports = await freePorts(portCount)
      // a sibling failed meanwhile and stop() ran: start nothing it would miss
      if (stopping !== undefined) throw new Error(`${kind} stopped before ${name} started`)
      const proc = redisProcess(name, ports[0]!, dir, args(ports, dir))
      processes.push(proc)
      try {
        await proc.started
        return proc
      } catch (err) {
        processes.splice(processes.indexOf(proc), 1)
        await proc.kill()
        if (attempt < 3 && proc.tail().includes('Address already in use')) continue
        throw err
      }
    }
  }

  /** Runs the start-up; if any step fails, stops what was started before rethrowing. */
  async function starting<T> (run: () => Promise<T>): Promise<T> {
    try {
      return await run()
    } catch (err) {
      await stop()
      throw err
    }
  }

  return { root, processes, start, stop, starting }
}

function redisProcess (name: string, port: number, dir: string, initialArgs: string[]): RedisProcess & { started: Promise<void> } {
  const log = join(dir, 'redis.log')
  const pidFile = join(dir, 'pid')
  let child: ChildProcess | undefined
  let args = initialArgs

  const alive = () => child !== undefined && child.exitCode === null && child.signalCode === null && child.pid !== undefined

  function tail (lines = 15): string {
    if (!existsSync(log)) return '(no log)'
    return readFileSync(log, 'utf8').trimEnd().split('\n').slice(-lines).join('\n')
  }

  function spawnServer () {
    const out = openSync(log, 'a')
    try {
      child = spawn('redis-server', args, { stdio: ['ignore', out, out] })
    } finally {
      closeSync(out)
    }
    child.on('error', () => {})
    if (child.pid === undefined) throw new Error(`could not start ${name}: is redis-server on the PATH?`)
    child.on('exit', () => rmSync(pidFile, { force: true }))
    writeFileSync(pidFile, String(child.pid))
  }

  async function start () {
    spawnServer()
    await waitFor(`${name} to answer on port ${port}`, 20_000, async () => {
      if (await command(port, 'PING') !== 'PONG') throw new Error('no PONG')
    }, [self])
  }

  async function kill () {
    if (child === undefined || !alive()) return
    const exited = once(child, 'exit')
    child.kill('SIGKILL')
    await exited
  }

  async function restart (newArgs?: string[]) {
    if (alive()) throw new Error(`${name} (port ${port}) is still running`)
    if (newArgs !== undefined) args = newArgs
    await start()
  }

  const self: RedisProcess = { name, port, dir, log, alive, kill, restart, tail }
  const started = start()
  started.catch(() => {})
  return { ...self, started }
}

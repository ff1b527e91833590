// A simulated network database: every repository call waits `ms` before it
// runs, as a call to a database on another host waits for its round trip.
// Node's timers fire no sooner than 1 ms, so the wait is kept by a worker
// thread blocked in Atomics.wait (sub-millisecond, and no CPU spent waiting).
import { Worker } from 'node:worker_threads'

type Method = (...args: unknown[]) => unknown

const ENTITIES = ['forms', 'responses', 'users', 'webhooks', 'dashboards'] as const

// The worker holds the pending deadlines; it sleeps until the next one or until
// the main thread posts a new one (and bumps the shared counter to wake it).
const WORKER = `
const { parentPort, workerData, receiveMessageOnPort } = require('node:worker_threads')
const wake = new Int32Array(workerData)
const pending = []
for (;;) {
  const seen = Atomics.load(wake, 0)
  let message
  while ((message = receiveMessageOnPort(parentPort)) !== undefined) pending.push(message.message)
  pending.sort((a, b) => a.at - b.at)
  const now = performance.timeOrigin + performance.now()
  while (pending.length > 0 && pending[0].at <= now) parentPort.postMessage(pending.shift().id)
  Atomics.wait(wake, 0, seen, pending.length > 0 ? pending[0].at - now : 100)
}
`

/** Delays every request-path repository call of `repositories` in place (the domain services hold the same objects). */
export function delayRepositories (repositories: Record<(typeof ENTITIES)[number], object>, ms: number): { applied: () => number[] } {
  const wake = new Int32Array(new SharedArrayBuffer(4))
  const worker = new Worker(WORKER, { eval: true, workerData: wake.buffer })
  const waiting = new Map<number, () => void>()
  let ids = 0
  worker.on('message', (id: number) => {
    waiting.get(id)?.()
    waiting.delete(id)
    // the worker keeps the process alive only while a call waits on it
    if (waiting.size === 0) worker.unref()
  })
  worker.unref()

  // the waits actually applied, ms (a sample: the last 10,000)
  const applied: number[] = []
  const wait = () => new Promise<void>((resolve) => {
    const id = ++ids
    const start = performance.now()
    if (waiting.size === 0) worker.ref()
    waiting.set(id, () => {
      applied.push(performance.now() - start)
      if (applied.length > 10_000) applied.shift()
      resolve()
    })
    worker.postMessage({ id, at: performance.timeOrigin + start + ms })
    Atomics.add(wake, 0, 1)
    Atomics.notify(wake, 0)
  })

  for (const entity of ENTITIES) {
    const methods = repositories[entity] as Record<string, Method>
    for (const [name, call] of Object.entries(methods)) {
      if (typeof call !== 'function') continue
      methods[name] = async (...args: unknown[]) => { await wait(); return await call(...args) }
    }
  }
  return { applied: () => applied }
}

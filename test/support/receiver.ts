import { createServer, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'

type Test = { teardown (fn: () => unknown): void }

export interface ReceivedRequest {
  method: string
  url: string
  headers: IncomingHttpHeaders
  /** The raw body, exactly as sent (signatures are computed over it). */
  body: string
}

/** What to answer the n-th request (0-based): a status code, possibly after waiting for something. */
export type Respond = (request: ReceivedRequest, index: number) => number | Promise<number>

export interface Receiver {
  /** http://127.0.0.1:<port> */
  origin: string
  port: number
  requests: ReceivedRequest[]
  /** TCP connections accepted, including ones that never sent a full request. */
  connections: () => number
  /** Resolves once `count` requests have arrived. */
  received (count: number): Promise<ReceivedRequest[]>
}

/** A webhook receiver on 127.0.0.1, closed (with any held connection) when the test ends. */
export async function startReceiver (t: Test, respond: Respond = () => 200): Promise<Receiver> {
  const requests: ReceivedRequest[] = []
  const waiters: Array<{ count: number, resolve: (requests: ReceivedRequest[]) => void }> = []
  let connections = 0

  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', async () => {
      const request = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') }
      const index = requests.push(request) - 1
      for (const waiter of waiters.filter((w) => requests.length >= w.count)) waiter.resolve(requests.slice())
      const status = await respond(request, index)
      res.writeHead(status, { 'content-type': 'text/plain' }).end(String(status))
    })
  })
  server.on('connection', () => { connections++ })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  t.teardown(() => new Promise<void>((resolve) => {
    server.closeAllConnections()
    server.close(() => resolve())
  }))
  const { port } = server.address() as AddressInfo

  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    requests,
    connections: () => connections,
    received (count) {
      return new Promise((resolve) => {
        if (requests.length >= count) resolve(requests.slice())
        else waiters.push({ count, resolve })
      })
    }
  }
}

/** A promise with its resolve function outside, to hold a receiver's answer until the test says so. */
export function deferred<T = void> () {
  let resolve!: (value: T) => void
  const promise = new Promise<T>((_resolve) => { resolve = _resolve })
  return { promise, resolve }
}

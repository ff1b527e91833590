// Free loopback ports for servers the tests and benches start (no test framework here).
import { once } from 'node:events'
import { createServer, type AddressInfo, type Server } from 'node:net'

const HOST = '127.0.0.1'

/** A free TCP port on loopback. */
export async function freePort (): Promise<number> {
  const [port] = await freePorts(1)
  return port!
}

/** `count` distinct free loopback ports (held open together, so none repeats). */
export async function freePorts (count: number): Promise<number[]> {
  const servers: Server[] = []
  try {
    for (let i = 0; i < count; i++) {
      const server = createServer().listen(0, HOST)
      servers.push(server)
      await once(server, 'listening')
    }
    return servers.map((server) => (server.address() as AddressInfo).port)
  } finally {
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))))
  }
}

// The floor for the HTTP benchmark: Fastify with the service's own server
// options (logger, router), routes at the same paths as the service's, each
// sending the bytes and headers the cache sends on a hit, and nothing else.
// Routes come as JSON in BENCH_BARE_ROUTES: [{ pattern, formId, headers, body (base64) }].
import type { AddressInfo } from 'node:net'
import Fastify from 'fastify'
import { compiled } from './lib.js'

export interface BareRoute {
  /** A route of the service with a :form_id parameter, e.g. /api/v1/forms/:form_id. */
  pattern: string
  formId: string
  headers: Record<string, string>
  body: string
}

const { serverOptions } = await compiled<typeof import('../app.js')>('app.js')
const { loadConfig } = await compiled<typeof import('../services/infra/config.js')>('services/infra/config.js')

const routes = JSON.parse(process.env.BENCH_BARE_ROUTES!) as BareRoute[]
const responses = new Map(routes.map((route) => [`${route.pattern} ${route.formId}`, { headers: route.headers, body: Buffer.from(route.body, 'base64') }]))
const server = Fastify(serverOptions(loadConfig(process.env)))
for (const pattern of new Set(routes.map((route) => route.pattern))) {
  server.get<{ Params: { form_id: string } }>(pattern, async (request, reply) => {
    const response = responses.get(`${pattern} ${request.params.form_id}`)
    if (response === undefined) return reply.code(404).send()
    return reply.headers(response.headers).send(response.body)
  })
}
await server.listen({ port: 0, host: '127.0.0.1' })

process.on('message', (message: { type: string }) => {
  if (message.type === 'stop') void server.close().then(() => process.exit(0))
})
process.on('disconnect', () => process.exit(0))
process.send!({ type: 'ready', port: (server.server.address() as AddressInfo).port })

import Fastify from 'fastify'
import closeWithGrace from 'close-with-grace'
import app, { serverOptions } from './app.js'
import { ConfigError, loadConfig, type AppConfig } from './services/infra/config.js'

let config: AppConfig
try {
  config = loadConfig(process.env)
} catch (err) {
  if (!(err instanceof ConfigError)) throw err
  console.error(err.message)
  process.exit(1)
}

const server = Fastify(serverOptions(config))
await server.register(app, { config })

// SIGTERM/SIGINT: stop accepting, finish in-flight requests, close the database and Redis.
closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
  if (err !== undefined) server.log.error({ err }, 'shutting down after an error')
  else server.log.info({ signal }, 'shutting down')
  await server.close()
})

try {
  await server.listen({ port: config.port, host: config.host })
} catch (err) {
  server.log.error({ err }, 'could not start')
  process.exit(1)
}

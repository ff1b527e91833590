// Writes openapi.yaml: the document the app serves at /docs/yaml.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Fastify from 'fastify'
import app, { serverOptions } from '../app.js'
import { loadConfig } from '../services/infra/config.js'

// No external service: an in-memory database, no cache; only errors in the log (nobody signs in here).
const config = loadConfig({ LOG_LEVEL: 'error', SQLITE_PATH: ':memory:', CACHE_ENABLED: 'false' })
const fastify = Fastify(serverOptions(config))
await fastify.register(app, { config })
await fastify.ready()
const target = join(import.meta.dirname, '..', 'openapi.yaml')
writeFileSync(target, fastify.swagger({ yaml: true }))
await fastify.close()
console.log(`wrote ${target}`)

import { STATUS_CODES } from 'node:http'
import { join } from 'node:path'
import AjvCompiler from '@fastify/ajv-compiler'
import AutoLoad from '@fastify/autoload'
import fp from 'fastify-plugin'
import type { FastifyError, FastifyInstance, FastifyServerOptions } from 'fastify'
import type { AppConfig } from './services/config.js'
import configPlugin from './plugins/config.js'
import { sharedSchemas } from './schemas/index.js'

// Running from the .ts sources (tests, `npm run dev`) means a TypeScript loader
// (tsx) is active; @fastify/autoload only detects it when preloaded with --require.
if (import.meta.filename.endsWith('.ts')) process.env.FASTIFY_AUTOLOAD_TYPESCRIPT ??= '1'

export interface AppOptions {
  config: AppConfig
}

const AJV_OPTIONS = {
  // unknown fields are a 400, never silently dropped
  removeAdditional: false,
  useDefaults: true,
  allErrors: false
} as const

const ajvPool = AjvCompiler()

/**
 * Query strings, params and headers arrive as text and are converted
 * (`page=2` → 2); bodies are validated as sent (`"title": 42` is a 400).
 */
type ExternalSchemas = Parameters<typeof ajvPool>[0]
type RouteCompiler = (route: AjvCompiler.RouteDefinition) => ReturnType<ReturnType<typeof ajvPool>>

function buildValidator (externalSchemas: ExternalSchemas) {
  // Fastify calls a compiler with the route definition (the typings say a schema).
  const forUrl = ajvPool(externalSchemas, { customOptions: { ...AJV_OPTIONS, coerceTypes: 'array' } }) as unknown as RouteCompiler
  const forBody = ajvPool(externalSchemas, { customOptions: { ...AJV_OPTIONS, coerceTypes: false } }) as unknown as RouteCompiler
  const compile: RouteCompiler = (route) => route.httpPart === 'body' ? forBody(route) : forUrl(route)
  return compile as unknown as ReturnType<typeof ajvPool>
}

/**
 * TRUST_PROXY for Fastify. A hop count trusts that many proxies in front of the
 * service (Fastify itself refuses to trust by count alone, since a client that
 * reaches the service directly could then forge X-Forwarded-For: set a count only
 * when every request comes through the proxies).
 */
function trustProxyOption (trust: AppConfig['trustProxy']): FastifyServerOptions['trustProxy'] {
  return typeof trust === 'number' ? (_address: string, hop: number) => hop < trust : trust
}

/** Server options, shared by server.ts and the test helper so tests run the production setup. */
export function serverOptions (config: AppConfig): FastifyServerOptions {
  return {
    logger: {
      level: config.logLevel,
      redact: { paths: ['req.headers.authorization', 'req.headers.cookie'], censor: '[redacted]' }
    },
    bodyLimit: 1024 * 1024,
    trustProxy: trustProxyOption(config.trustProxy),
    requestTimeout: 30_000,
    return503OnClosing: true,
    // 512: room for a cache pattern (DELETE /admin/cache/pattern/:pattern, up to 200 characters, so that
    // a longer one gets the endpoint's own 400); a longer parameter is a 414
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 512 },
    schemaController: { compilersFactory: { buildValidator } }
  }
}

async function app (fastify: FastifyInstance, opts: AppOptions) {
  await fastify.register(configPlugin, { config: opts.config })
  for (const schema of sharedSchemas) fastify.addSchema(schema)

  // Set before any route is registered: routes keep the handlers of the context they were added to.
  fastify.setErrorHandler((err: FastifyError, request, reply) => {
    const statusCode = err.statusCode !== undefined && err.statusCode >= 400 ? err.statusCode : 500
    if (statusCode === 503) {
      // the database is unavailable (and the cache held nothing for this request): say so, briefly
      request.log.warn({ err: { message: err.message, code: err.code } }, 'request failed: a dependency is unavailable')
      return reply.code(503).header('retry-after', '1').send({ statusCode, error: STATUS_CODES[503], message: err.message, code: err.code ?? 'SERVICE_UNAVAILABLE' })
    }
    if (statusCode >= 500) {
      request.log.error({ err }, 'request failed')
      return reply.code(statusCode).send({ statusCode, error: STATUS_CODES[statusCode], message: 'Internal Server Error' })
    }
    request.log.info({ err: { message: err.message, code: err.code } }, 'request rejected')
    return reply.code(statusCode).send({
      statusCode,
      error: STATUS_CODES[statusCode] ?? 'Error',
      message: err.message,
      ...(err.code === undefined ? {} : { code: err.code })
    })
  })

  fastify.setNotFoundHandler((request, reply) => {
    return reply.code(404).send({ statusCode: 404, error: 'Not Found', message: `Route ${request.method} ${request.url.split('?')[0]} not found` })
  })

  await fastify.register(AutoLoad, { dir: join(import.meta.dirname, 'plugins/external'), options: {} })
  await fastify.register(AutoLoad, { dir: join(import.meta.dirname, 'plugins/app') })
  await fastify.register(AutoLoad, {
    dir: join(import.meta.dirname, 'routes'),
    autoHooks: true,
    cascadeHooks: true
  })
}

// Not encapsulated (as fastify-cli does it): the root instance sees the app's
// decorators, so tests and tools can reach `fastify.cache`, `fastify.users`, ...
export default fp(app, { name: 'app' })

import { join } from 'node:path'
import AjvCompiler from '@fastify/ajv-compiler'
import AutoLoad from '@fastify/autoload'
import fp from 'fastify-plugin'
import type { FastifyError, FastifyInstance, FastifyReply, FastifyServerOptions } from 'fastify'
import type { AppConfig } from './services/infra/config.js'
import { bearerChallenge, errorBody, ServiceUnavailableError } from './services/infra/errors.js'
import configPlugin from './plugins/config.js'
import strictQuery from './plugins/strict-query.js'
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

/** Sends `{ statusCode, error, message, code }`; a 401 also carries its Bearer challenge. */
function sendError (reply: FastifyReply, statusCode: number, message: string, code?: unknown) {
  const body = errorBody(statusCode, message, code)
  if (statusCode === 401) reply.header('www-authenticate', bearerChallenge(body.code, message))
  return reply.code(statusCode).send(body)
}

type ValidationErrors = Parameters<NonNullable<FastifyServerOptions['schemaErrorFormatter']>>[0]

/** Fastify's wording, plus the name of an unknown property (`querystring must NOT have additional properties: "junk"`). */
function formatValidationErrors (errors: ValidationErrors, dataVar: string): Error {
  const text = errors.map((e) => {
    const extra = (e.params as { additionalProperty?: string }).additionalProperty
    return `${dataVar}${e.instancePath} ${e.message ?? 'is invalid'}${extra === undefined ? '' : `: "${extra}"`}`
  }).join(', ')
  return new Error(text)
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
    // the app answers 503 itself while closing (see app()), in the shape of every other error
    return503OnClosing: false,
    // 512: room for a cache pattern (DELETE /admin/cache/pattern/:pattern, up to 200 characters, so that
    // a longer one gets the endpoint's own 400); a longer parameter is a 414
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 512 },
    schemaController: { compilersFactory: { buildValidator } },
    schemaErrorFormatter: formatValidationErrors,
    // a malformed URL (`%zz`) or an over-long parameter (414) never reaches a route: same error shape
    frameworkErrors: (err, _request, reply) => {
      const statusCode = err.statusCode ?? 500
      return sendError(reply, statusCode, statusCode >= 500 ? 'Internal Server Error' : err.message, err.code)
    }
  }
}

async function app (fastify: FastifyInstance, opts: AppOptions) {
  await fastify.register(configPlugin, { config: opts.config })
  for (const schema of sharedSchemas) fastify.addSchema(schema)

  // Set before any route is registered: routes keep the handlers of the context they were added to.
  fastify.setErrorHandler((err: FastifyError, request, reply) => {
    const statusCode = err.statusCode !== undefined && err.statusCode >= 400 ? err.statusCode : 500
    // a fault's message may say anything about the internals: only our own 503s are worded for clients
    const exposed = statusCode < 500 || err.code === 'DATABASE_UNAVAILABLE' || err.code === 'SERVICE_UNAVAILABLE'
    if (!exposed) {
      request.log.error({ err }, 'request failed')
      return sendError(reply, statusCode, 'Internal Server Error')
    }
    request.log[statusCode >= 500 ? 'warn' : 'info']({ err: { message: err.message, code: err.code } }, 'request rejected')
    // a dependency is down for a moment (the database): clients may retry shortly
    if (statusCode === 503) reply.header('retry-after', '1')
    return sendError(reply, statusCode, err.message, err.code)
  })

  fastify.setNotFoundHandler((request, reply) =>
    sendError(reply, 404, `Route ${request.method} ${request.url.split('?')[0]} not found`, 'NOT_FOUND'))

  // JSON only: Fastify's default text/plain parser would turn a text body into a 400 instead of a 415.
  fastify.removeContentTypeParser('text/plain')

  // Requests that arrive on a kept-alive connection while the instance drains.
  let closing = false
  fastify.addHook('preClose', async () => { closing = true })
  fastify.addHook('onRequest', (_request, reply, done) => {
    if (!closing) return done()
    reply.header('connection', 'close')
    done(new ServiceUnavailableError('The service is shutting down: retry on another instance'))
  })

  await fastify.register(strictQuery)
  await fastify.register(AutoLoad, { dir: join(import.meta.dirname, 'plugins/external'), options: {} })
  await fastify.register(AutoLoad, { dir: join(import.meta.dirname, 'plugins/app') })
  await fastify.register(AutoLoad, {
    dir: join(import.meta.dirname, 'routes'),
    autoHooks: true,
    cascadeHooks: true,
    // a folder named _form_id is the path parameter :form_id
    routeParams: true
  })
}

// Not encapsulated (as fastify-cli does it): the root instance sees the app's
// decorators, so tests and tools can reach `fastify.cache`, `fastify.users`, ...
export default fp(app, { name: 'app' })

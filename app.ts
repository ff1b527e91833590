import { STATUS_CODES } from 'node:http'
import { join } from 'node:path'
import AutoLoad from '@fastify/autoload'
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

/** Server options, shared by server.ts and the test helper so tests run the production setup. */
export function serverOptions (config: AppConfig): FastifyServerOptions {
  return {
    logger: {
      level: config.logLevel,
      redact: { paths: ['req.headers.authorization', 'req.headers.cookie'], censor: '[redacted]' }
    },
    bodyLimit: 1024 * 1024,
    requestTimeout: 30_000,
    return503OnClosing: true,
    ajv: {
      customOptions: {
        // unknown fields are a 400, never silently dropped
        removeAdditional: false,
        coerceTypes: 'array',
        useDefaults: true,
        allErrors: false
      }
    }
  }
}

export default async function app (fastify: FastifyInstance, opts: AppOptions) {
  await fastify.register(configPlugin, { config: opts.config })
  for (const schema of sharedSchemas) fastify.addSchema(schema)

  await fastify.register(AutoLoad, { dir: join(import.meta.dirname, 'plugins/external'), options: {} })
  await fastify.register(AutoLoad, { dir: join(import.meta.dirname, 'plugins/app') })
  await fastify.register(AutoLoad, {
    dir: join(import.meta.dirname, 'routes'),
    autoHooks: true,
    cascadeHooks: true
  })

  fastify.setErrorHandler((err: FastifyError, request, reply) => {
    const statusCode = err.statusCode !== undefined && err.statusCode >= 400 ? err.statusCode : 500
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
}

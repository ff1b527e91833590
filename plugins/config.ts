import fp from 'fastify-plugin'
import type { AppConfig } from '../services/infra/config.js'

declare module 'fastify' {
  interface FastifyInstance {
    config: AppConfig
  }
}

/** The validated configuration, injected by server.ts (from the environment) or by tests. */
export default fp<{ config: AppConfig }>(async (fastify, { config }) => {
  fastify.decorate('config', config)
}, { name: 'config' })

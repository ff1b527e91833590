import fp from 'fastify-plugin'
import { createWarmupService, settlesWithin, type WarmupService } from '../../services/caching/warmup.js'

declare module 'fastify' {
  interface FastifyInstance {
    warmup: WarmupService
  }
}

/** How long a start-up warmup may hold back readiness; the rest finishes in the background. */
export const STARTUP_WARMUP_BOUND_MS = 3000

/**
 * Cache warmup, on demand (POST /api/v1/admin/cache/warmup) and, with
 * CACHE_WARMUP_ON_START, at start-up: the instance is ready after at most
 * STARTUP_WARMUP_BOUND_MS whatever the warmup does, and a failed warmup only
 * costs cold caches (it is logged, never fatal).
 */
export default fp(async (fastify) => {
  const { cache, repositories, config } = fastify
  const warmup = createWarmupService({ cache, repositories })
  fastify.decorate('warmup', warmup)
  if (!config.cache.warmupOnStart || !config.cache.enabled) return

  const log = fastify.log.child({ module: 'warmup' })
  let running: Promise<void> | undefined

  fastify.addHook('onReady', async () => {
    log.info({ bound_ms: STARTUP_WARMUP_BOUND_MS }, 'cache warmup started')
    running = warmup.fromDatabase(log).then(
      (result) => log.info(result, 'cache warmup finished'),
      (err: Error) => log.warn({ error: err.message }, 'cache warmup failed: the caches fill as requests come')
    )
    if (!await settlesWithin(running, STARTUP_WARMUP_BOUND_MS)) {
      log.info({ bound_ms: STARTUP_WARMUP_BOUND_MS }, 'cache warmup continues in the background')
    }
  })

  // the database must outlive a warmup still reading it
  fastify.addHook('onClose', async () => { await running })
}, { name: 'warmup', dependencies: ['config', 'db', 'cache'] })

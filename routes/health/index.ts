import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyBaseLogger } from 'fastify'
import { described, errors } from '../../schemas/common.js'
import { Liveness, NoQuery, Readiness } from '../../schemas/health.js'
import type { Static } from '@sinclair/typebox'

type Check = Static<typeof Readiness>['checks'][string]

/** Up, or down with a short reason; the error itself goes to the log only (it may name hosts, files, credentials). */
async function probe (check: () => Promise<unknown>, log: FastifyBaseLogger, what: string): Promise<Check> {
  const started = performance.now()
  try {
    await check()
    return { status: 'up', latency_ms: round(performance.now() - started) }
  } catch (err) {
    log.warn({ err }, `readiness: the ${what} check failed`)
    return { status: 'down', latency_ms: round(performance.now() - started), detail: `the ${what} did not answer` }
  }
}

const round = (ms: number) => Math.round(ms * 100) / 100

const health: FastifyPluginAsyncTypebox = async (fastify) => {
  const { repositories, cache } = fastify

  // The cache never makes the service unavailable: without Redis it runs in-process (degraded).
  // Its last Redis error stays in the admin cache health (GET /api/v1/admin/cache/health), not in this public probe.
  async function cacheCheck (): Promise<Check> {
    const started = performance.now()
    const { status, backend, memory_pressure: memoryPressure } = await cache.health()
    const reason = status === 'healthy'
      ? ''
      : backend === 'memory' ? ': Redis unavailable, serving from the in-process cache' : memoryPressure ? ': Redis short of memory' : ': no cache tier works'
    return {
      status: status === 'healthy' ? 'up' : status === 'degraded' ? 'degraded' : 'down',
      latency_ms: round(performance.now() - started),
      detail: `backend ${backend}${reason}`
    }
  }

  fastify.get('', {
    schema: {
      tags: ['health'],
      operationId: 'getLiveness',
      summary: 'Liveness: the process answers (no dependency is called)',
      querystring: NoQuery,
      response: { 200: described(Liveness, 'The process is up'), ...errors(400) }
    }
  }, async () => ({ status: 'ok' as const, uptime_seconds: Math.round(process.uptime()) }))

  fastify.get('/ready', {
    schema: {
      tags: ['health'],
      operationId: 'getReadiness',
      summary: 'Readiness: each dependency checked, with its latency; degraded without Redis, 503 when the database is down',
      querystring: NoQuery,
      response: { 200: described(Readiness, 'Ready, or degraded (running without Redis)'), 503: described(Readiness, 'The database is down'), ...errors(400) }
    }
  }, async (request, reply) => {
    const [database, cacheStatus] = await Promise.all([probe(() => repositories.ping(), request.log, 'database'), cacheCheck()])
    const checks = { database, cache: cacheStatus }
    if (database.status !== 'up') return reply.code(503).send({ status: 'unavailable', checks })
    return { status: cacheStatus.status === 'up' ? 'ready' as const : 'degraded' as const, checks }
  })
}

export default health

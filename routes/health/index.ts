import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { described, errors } from '../../schemas/common.js'
import { Liveness, NoQuery, Readiness } from '../../schemas/health.js'
import type { Static } from '@sinclair/typebox'

type Check = Static<typeof Readiness>['checks'][string]

async function probe (check: () => Promise<unknown>): Promise<Check> {
  const started = performance.now()
  try {
    await check()
    return { status: 'up', latency_ms: round(performance.now() - started) }
  } catch (err) {
    return { status: 'down', latency_ms: round(performance.now() - started), detail: (err as Error).message }
  }
}

const round = (ms: number) => Math.round(ms * 100) / 100

const health: FastifyPluginAsyncTypebox = async (fastify) => {
  const { repositories, cache } = fastify

  // The cache never makes the service unavailable: without Redis it runs in-process (degraded).
  async function cacheCheck (): Promise<Check> {
    const started = performance.now()
    const { status, backend, last_error: lastError } = await cache.health()
    return {
      status: status === 'healthy' ? 'up' : status === 'degraded' ? 'degraded' : 'down',
      latency_ms: round(performance.now() - started),
      detail: status === 'healthy' ? `backend ${backend}` : `backend ${backend}${lastError === null ? '' : `: ${lastError}`}`
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
  }, async (_request, reply) => {
    const [database, cacheStatus] = await Promise.all([probe(() => repositories.ping()), cacheCheck()])
    const checks = { database, cache: cacheStatus }
    if (database.status !== 'up') return reply.code(503).send({ status: 'unavailable', checks })
    return { status: cacheStatus.status === 'up' ? 'ready' as const : 'degraded' as const, checks }
  })
}

export default health

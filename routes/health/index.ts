import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Liveness, Readiness } from '../../schemas/health.js'
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
  const { repositories } = fastify

  fastify.get('', {
    schema: {
      tags: ['health'],
      summary: 'Liveness: the process answers (no dependency is called)',
      response: { 200: Liveness }
    }
  }, async () => ({ status: 'ok' as const, uptime_seconds: Math.round(process.uptime()) }))

  fastify.get('/ready', {
    schema: {
      tags: ['health'],
      summary: 'Readiness: each dependency checked, with its latency; 503 when the database is down',
      response: { 200: Readiness, 503: Readiness }
    }
  }, async (_request, reply) => {
    const checks = { database: await probe(() => repositories.ping()) }
    const ready = checks.database.status === 'up'
    return reply.code(ready ? 200 : 503).send({ status: ready ? 'ready' : 'unavailable', checks })
  })
}

export default health

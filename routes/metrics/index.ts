import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { errors } from '../../schemas/common.js'
import { NoQuery } from '../../schemas/health.js'

// Public, like the health probes: for the scraper on the internal network.
// Never response-cached: every scrape reads the counters as they are now.
const metrics: FastifyPluginAsyncTypebox = async (fastify) => {
  const { metrics } = fastify

  fastify.get('', {
    schema: {
      tags: ['health'],
      operationId: 'getMetrics',
      summary: 'Prometheus metrics (text exposition format 0.0.4)',
      description: 'cache_hits_total{kind,tier}, cache_misses_total{kind}, cache_writes_total{kind}, cache_evictions_total{kind}, ' +
        'cache_entries{kind,tier}, cache_errors_total, cache_backend_up, cache_breaker_state (0 closed, 1 half_open, 2 open), ' +
        'cache_invalidations_total{event}, db_reads_total, db_writes_total, ' +
        'http_request_duration_seconds{method,route,status_code} and the process defaults.',
      querystring: NoQuery,
      response: {
        ...errors(400),
        200: {
          description: 'Prometheus text format',
          content: { 'text/plain': { schema: Type.String() } }
        }
      }
    }
  }, async (_request, reply) => reply.type(metrics.contentType).send(await metrics.render()))
}

export default metrics

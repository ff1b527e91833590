import fp from 'fastify-plugin'
import { createMetrics, type Metrics } from '../../services/infra/metrics.js'

declare module 'fastify' {
  interface FastifyInstance {
    metrics: Metrics
  }
}

/** Prometheus metrics (GET /metrics): cache, invalidation and database figures, request durations, process defaults. */
export default fp(async (fastify) => {
  const { cache, invalidation, repositories } = fastify
  const metrics = createMetrics({ cache, invalidation, repositories })
  fastify.decorate('metrics', metrics)

  // a callback, not a promise: nothing to wait for
  fastify.addHook('onResponse', (request, reply, done) => {
    // the route's pattern; requests no route matched share one label value
    const route = request.routeOptions.url ?? 'unmatched'
    metrics.observeRequest(request.method, route, reply.statusCode, reply.elapsedTime / 1000)
    done()
  })
}, { name: 'metrics', dependencies: ['db', 'cache', 'invalidation'] })

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { BearerAuth, errors, described } from '../../../../../schemas/common.js'
import {
  CacheConfig, CacheHealth, CacheStats, FormIdParams, InvalidationCounts, InvalidationLog, InvalidationLogQuery,
  KeysDeleted, PatternDeleted, PatternParams, UserIdParams, WarmupBody, WarmupResult
} from '../../../../../schemas/admin.js'
import { describeCacheConfig } from '../../../../../services/caching/cache-config-view.js'
import { assertCachePattern } from '../../../../../services/caching/cache-pattern.js'

const idOf = (item: string | { id: string }) => typeof item === 'string' ? item : item.id

// Admin role and no-store: see autohooks.ts. None of these opts into the HTTP response cache.
const cacheAdmin: FastifyPluginAsyncTypebox = async (fastify) => {
  const { cache, invalidation, warmup, config } = fastify
  const admin = { tags: ['admin'], security: BearerAuth }

  fastify.get('/stats', {
    schema: {
      ...admin,
      operationId: 'getCacheStats',
      summary: 'Cache statistics: the original fields, then per tier and per kind',
      response: { 200: described(Type.Ref(CacheStats), 'The statistics, as of now'), ...errors(400, 401, 403) }
    }
  }, async () => cache.stats())

  fastify.delete('/all', {
    schema: {
      ...admin,
      operationId: 'clearCache',
      summary: 'Drop every cache entry under the key prefix, on every instance (nothing outside the prefix)',
      response: { 200: described(KeysDeleted, 'How many keys were deleted'), ...errors(400, 401, 403) }
    }
  }, async () => ({ keys_deleted: await invalidation.clearAll() }))

  fastify.delete('/pattern/:pattern', {
    schema: {
      ...admin,
      operationId: 'invalidateCachePattern',
      summary: 'Drop the cache keys matching a glob below the key prefix, on every instance',
      params: PatternParams,
      response: { 200: described(PatternDeleted, 'The pattern and how many keys it deleted'), ...errors(400, 401, 403) }
    }
  }, async (request) => {
    const { pattern } = request.params
    assertCachePattern(pattern)
    return { pattern, keys_deleted: await invalidation.invalidatePattern(pattern) }
  })

  // An empty pattern (`pattern/`) matches no route above: a 400 like any other bad pattern, not a 404.
  fastify.delete('/pattern', { schema: { hide: true } }, async () => assertCachePattern(''))

  fastify.post('/warmup', {
    schema: {
      ...admin,
      operationId: 'warmCache',
      summary: 'Warm the form schema and user session caches from the database',
      body: WarmupBody,
      response: { 200: described(Type.Ref(WarmupResult), 'What was warmed, and the ids the database does not know'), ...errors(400, 401, 403) }
    }
  }, async (request) => {
    const body = request.body ?? {}
    if (body.forms === undefined && body.users === undefined) return warmup.fromDatabase(request.log)
    return warmup.fromIds({ forms: body.forms?.map(idOf), users: body.users?.map(idOf) })
  })

  fastify.delete('/form/:form_id', {
    schema: {
      ...admin,
      operationId: 'invalidateFormCache',
      summary: 'Drop everything cached for one form (schema, query results, responses, webhooks), on every instance',
      description: 'The form need not exist any more: what a deleted form left behind can be dropped too.',
      params: FormIdParams,
      response: { 200: described(Type.Ref(InvalidationCounts), 'The entries dropped, per kind'), ...errors(400, 401, 403) }
    }
  }, async (request) => invalidation.invalidateForm(request.params.form_id))

  fastify.delete('/user/:user_id', {
    schema: {
      ...admin,
      operationId: 'invalidateUserCache',
      summary: 'Drop everything cached for one user (session, dashboard, widgets over their forms), on every instance',
      description: 'The user need not exist any more.',
      params: UserIdParams,
      response: { 200: described(Type.Ref(InvalidationCounts), 'The entries dropped, per kind'), ...errors(400, 401, 403) }
    }
  }, async (request) => invalidation.invalidateUser(request.params.user_id))

  fastify.get('/health', {
    schema: {
      ...admin,
      operationId: 'getCacheHealth',
      summary: 'Cache health: healthy, degraded (in-process tier only, or Redis short of memory) or unhealthy',
      description: 'Always 200: the status is in the body. The readiness probe is GET /health/ready.',
      response: { 200: described(Type.Ref(CacheHealth), 'The cache\'s health (the status is in the body)'), ...errors(400, 401, 403) }
    }
  }, async () => cache.health())

  fastify.get('/config', {
    schema: {
      ...admin,
      operationId: 'getCacheConfig',
      summary: 'The effective cache configuration (the Redis password only as password_set)',
      response: { 200: described(Type.Ref(CacheConfig), 'The effective configuration'), ...errors(400, 401, 403) }
    }
  }, async () => describeCacheConfig(config))

  fastify.get('/invalidations', {
    schema: {
      ...admin,
      operationId: 'listInvalidations',
      summary: 'The latest invalidations on this instance, newest first',
      querystring: InvalidationLogQuery,
      response: { 200: described(InvalidationLog, 'The latest invalidations, newest first'), ...errors(400, 401, 403) }
    }
  }, async (request) => ({ items: invalidation.recent(request.query.limit) }))
}

export default cacheAdmin

import fp from 'fastify-plugin'
import { guardAvailability } from '../../services/repositories/availability.js'
import { countOperations } from '../../services/repositories/counting.js'
import type { Repositories } from '../../services/repositories/port.js'
import { createSqliteRepositories } from '../../services/repositories/sqlite.js'

declare module 'fastify' {
  interface FastifyInstance {
    repositories: ReturnType<typeof guardAvailability<ReturnType<typeof countOperations>>>
  }
}

// SQLite waits for a lock held by another process at most this long (the event loop waits with it).
const SQLITE_BUSY_TIMEOUT_MS = 1000

/**
 * MongoDB when MONGODB_URL is set, the embedded SQLite file otherwise; every
 * call counted, and every call given up at once while the database is known
 * to be unavailable. Each database call has a deadline within the hard timeout.
 */
export default fp(async (fastify) => {
  const { mongodbUrl, sqlitePath } = fastify.config.database
  const deadlineMs = fastify.config.cache.hardTimeoutMs
  let adapter: Repositories
  if (mongodbUrl !== undefined) {
    // loaded only when needed: the SQLite default never pays for the driver
    const { default: fastifyMongo } = await import('@fastify/mongodb')
    const { createMongoRepositories } = await import('../../services/repositories/mongo.js')
    // @fastify/mongodb owns the client and closes it on shutdown
    await fastify.register(fastifyMongo, {
      url: mongodbUrl,
      forceClose: true,
      serverSelectionTimeoutMS: deadlineMs,
      connectTimeoutMS: deadlineMs,
      socketTimeoutMS: deadlineMs
    })
    const db = fastify.mongo.db ?? fastify.mongo.client.db('forms')
    adapter = await createMongoRepositories(db)
    fastify.log.info({ database: db.databaseName }, 'using MongoDB')
  } else {
    adapter = createSqliteRepositories(sqlitePath, { busyTimeoutMs: Math.min(SQLITE_BUSY_TIMEOUT_MS, deadlineMs) })
    fastify.addHook('onClose', () => adapter.close())
    fastify.log.info({ path: sqlitePath }, 'using SQLite')
  }
  const repositories = guardAvailability(countOperations(adapter), {
    probe: () => adapter.probe(),
    logger: fastify.log.child({ module: 'database' })
  })
  fastify.addHook('onClose', async () => repositories.availability.stop())
  fastify.decorate('repositories', repositories)
}, { name: 'db', dependencies: ['config'] })

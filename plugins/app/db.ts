import fp from 'fastify-plugin'
import { countOperations, type CountedRepositories } from '../../services/repositories/counting.js'
import type { Repositories } from '../../services/repositories/port.js'
import { createSqliteRepositories } from '../../services/repositories/sqlite.js'

declare module 'fastify' {
  interface FastifyInstance {
    repositories: CountedRepositories
  }
}

/** MongoDB when MONGODB_URL is set, the embedded SQLite file otherwise; every call counted. */
export default fp(async (fastify) => {
  const { mongodbUrl, sqlitePath } = fastify.config.database
  let adapter: Repositories
  if (mongodbUrl !== undefined) {
    // loaded only when needed: the SQLite default never pays for the driver
    const { default: fastifyMongo } = await import('@fastify/mongodb')
    const { createMongoRepositories } = await import('../../services/repositories/mongo.js')
    // @fastify/mongodb owns the client and closes it on shutdown
    await fastify.register(fastifyMongo, { url: mongodbUrl, forceClose: true })
    const db = fastify.mongo.db ?? fastify.mongo.client.db('forms')
    adapter = await createMongoRepositories(db)
    fastify.log.info({ database: db.databaseName }, 'using MongoDB')
  } else {
    adapter = createSqliteRepositories(sqlitePath)
    fastify.addHook('onClose', () => adapter.close())
    fastify.log.info({ path: sqlitePath }, 'using SQLite')
  }
  fastify.decorate('repositories', countOperations(adapter))
}, { name: 'db', dependencies: ['config'] })

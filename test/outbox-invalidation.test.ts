import { join } from 'node:path'
import Database from 'better-sqlite3'
import t from 'tap'
import { build, cleanUp, tempDir, uniquePrefix } from './support/app.js'
import { ownRedis } from './support/cache.js'
import { until } from './support/wait.js'
import { startServer } from './support/server-process.js'

// A write's invalidation survives the death of its writer: the writer is a
// real server process, killed with SIGKILL while Redis (a redis-server of the
// test's own) is paused, so the invalidation never reached Redis. The other
// instance must not serve the old value once the writer's lease has ended.

const LEASE_MS = 2000
const PAUSE_MS = 2500
/** The relay retries an invalidation at most this far apart (services/outbox/backoff.ts), plus scheduling. */
const RETRY_BOUND_MS = 5000 + 1000

for (const when of ['after its answer', 'before its answer, holding the lease'] as const) {
  t.test(`an invalidation made while Redis is paused, its writer killed ${when}: the other instance serves fresh data once Redis answers and the lease ended`, async (t) => {
    const redis = await ownRedis(t)
    const prefix = uniquePrefix()
    cleanUp(t, prefix, redis.port)
    const path = join(tempDir(t), 'forms.db')
    const env = {
      SQLITE_PATH: path,
      REDIS_HOST: '127.0.0.1',
      REDIS_PORT: String(redis.port),
      REDIS_KEY_PREFIX: prefix,
      OUTBOX_LEASE_MS: String(LEASE_MS),
      OUTBOX_POLL_MS: '100',
      WEBHOOK_TIMEOUT_MS: '1000',
      // killed before its answer: the writer is still waiting for Redis when it dies
      CACHE_OP_TIMEOUT_MS: when === 'after its answer' ? '200' : '1500'
    }
    const writer = await startServer(t, env)
    const other = await build(t, { ...env, CACHE_OP_TIMEOUT_MS: '200' })
    const token = await writer.login()
    const form = (await writer.call('POST', '/api/v1/forms', { title: 'Before', status: 'published', fields: [] }, token)).json
    const schema = async () => (await other.inject({ url: `/api/v1/forms/${form.id}/schema` })).json().title
    t.equal(await schema(), 'Before')
    t.equal(await schema(), 'Before', 'cached on the other instance')
    await until(async () => (await other.cache.stats()).kinds.form_schema.entries_l2 >= 1, 5000, 'the entry stored in Redis')

    await redis.pause(PAUSE_MS)
    const resumed = Date.now() + PAUSE_MS
    const patch = writer.call('PATCH', `/api/v1/forms/${form.id}`, { title: 'After' }, token)
    if (when === 'after its answer') {
      t.equal((await patch).status, 200, 'the write was acknowledged')
    } else {
      // committed, its invalidation still waiting for Redis
      const db = new Database(path, { readonly: true, fileMustExist: true })
      t.teardown(() => db.close())
      await until(() => db.prepare('SELECT title FROM forms WHERE id = ?').pluck().get(form.id) === 'After', 2000, 'the commit')
      patch.catch(() => {})
    }
    await writer.kill()
    t.ok(Date.now() < resumed, 'the writer died while Redis was still paused')

    // Redis answers again; the dead writer's lease ends; the relay of the other instance takes the invalidation
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, resumed - Date.now())))
    await until(async () => await schema() === 'After', LEASE_MS + RETRY_BOUND_MS, 'the other instance to serve the new title')
    const reads = await Promise.all(Array.from({ length: 20 }, () => schema()))
    t.same(new Set(reads), new Set(['After']), 'and never the old one after that')

    const back = await startServer(t, env)
    t.equal((await back.call('GET', `/api/v1/forms/${form.id}/schema`)).json.title, 'After', 'the writer, back, serves it too')
    // The dead writer's last attempt may still have reached Redis: fresh data is served while its row
    // is pending, until a relay takes the row again (after its lease and backoff) and settles it
    const db = new Database(path, { readonly: true, fileMustExist: true })
    t.teardown(() => db.close())
    const statuses = () => db.prepare('SELECT status, count(*) AS n FROM outbox_invalidations GROUP BY status').all()
    await until(() => statuses().length === 1, LEASE_MS + RETRY_BOUND_MS, 'the outbox to settle').catch(() => {})
    t.same(statuses(), [{ status: 'delivered', n: 2 }], 'the outbox holds nothing pending: the creation and the change were both delivered')
  })
}

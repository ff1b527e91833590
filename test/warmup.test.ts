import { join } from 'node:path'
import t from 'tap'
import type { Form } from '../schemas/forms.js'
import { cacheEntries } from '../services/caching/cache-entries.js'
import { newObjectId } from '../services/repositories/ids.js'
import type { Repositories } from '../services/repositories/port.js'
import { createWarmupService, settlesWithin } from '../services/caching/warmup.js'
import { build, buildLogged, createForm, createUser, tempDir, testConfig } from './support/app.js'
import { cacheInstance } from './support/cache.js'

t.test('settlesWithin: true once the task settles (either way), false when the bound comes first', async (t) => {
  t.equal(await settlesWithin(Promise.resolve(1), 50), true)
  t.equal(await settlesWithin(Promise.reject(new Error('failed')), 50), true, 'a failure is settled too, and not thrown')
  const started = Date.now()
  t.equal(await settlesWithin(new Promise(() => {}), 50), false)
  t.ok(Date.now() - started < 500, 'the bound holds')
})

t.test('CACHE_WARMUP_ON_START warms the database\'s forms and users before the instance is ready, with progress in the log', async (t) => {
  const sqlitePath = join(tempDir(t), 'forms.db')
  const first = await build(t, { SQLITE_PATH: sqlitePath })
  const editor = await createUser(first, 'editor')
  const published = await createForm(first, editor)
  const draft = await createForm(first, editor, { status: 'draft' })
  await first.close()

  const { app: second, lines } = await buildLogged(t, testConfig(t, { SQLITE_PATH: sqlitePath, CACHE_WARMUP_ON_START: 'true' }))
  const messages = lines.map((line) => line.msg)
  t.ok(messages.includes('cache warmup started'))
  t.ok(messages.includes('cache warmup: forms done'), 'progress per kind')
  t.match(lines.find((line) => line.msg === 'cache warmup finished'), { source: 'database', forms_warmed: 1, users_warmed: 2 })

  const reads = second.repositories.counts.reads
  t.same(await second.forms.loadForm(published.id), published)
  t.match(await second.users.lookup(editor.id), { id: editor.id })
  t.equal(second.repositories.counts.reads, reads, 'served from the cache')
  await second.forms.loadForm(draft.id)
  t.equal(second.repositories.counts.reads, reads + 1, 'drafts wait for their first read')
})

t.test('without CACHE_WARMUP_ON_START nothing is warmed at start-up', async (t) => {
  const { app: instance, lines } = await buildLogged(t, testConfig(t))
  t.notOk(lines.some((line) => String(line.msg).startsWith('cache warmup')))
  t.equal(instance.cache.counters.kinds.form_schema.writes + instance.cache.counters.kinds.user_session.writes, 0)
})

t.test('a value read before an invalidation is not stored by the warmup (no stale write-back)', async (t) => {
  const { cache } = await cacheInstance(t)
  const id = newObjectId()
  const old = { id, title: 'read before the change' } as Form
  let release!: () => void
  const gate = new Promise<void>((resolve) => { release = resolve })
  let reading!: () => void
  const readStarted = new Promise<void>((resolve) => { reading = resolve })
  const repositories = {
    forms: {
      async findByIds () {
        reading()
        await gate
        return [old]
      }
    },
    users: { findByIds: async () => [] }
  } as unknown as Pick<Repositories, 'forms' | 'users'>
  const warmup = createWarmupService({ cache, repositories })

  const warming = warmup.fromIds({ forms: [id] })
  await readStarted
  // the form changes (and is invalidated) while the warmup holds the old value
  const entry = cacheEntries.form(id)
  await cache.invalidateTags(entry.tags)
  release()
  t.match(await warming, { forms_warmed: 0, forms_not_found: [] }, 'refused, and not reported as unknown')
  t.equal(await cache.get(entry.kind, entry.key, entry.tags), undefined, 'the old value is not cached')
})

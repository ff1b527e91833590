import t from 'tap'
import { admin, build, createForm } from './support/app.js'

t.test('a schema GET fills form_schema once: the response entry is the only copy of the form in that kind', async (t) => {
  const app = await build(t)
  const root = await admin(app)
  const form = await createForm(app, root)
  const held = async () => (await app.cache.stats()).kinds.form_schema
  const before = await held()

  const url = `/api/v1/forms/${form.id}/schema`
  const first = await app.inject({ url })
  t.equal(first.statusCode, 200)
  t.equal(first.headers['x-cache'], 'MISS')
  const after = await held()
  t.equal(after.entries_l1 - before.entries_l1, 1, 'one form_schema entry for the form')
  t.equal(after.writes - before.writes, 1, 'one form_schema write')

  t.equal((await app.inject({ url })).headers['x-cache'], 'HIT', 'and the next GET is served from it')
})

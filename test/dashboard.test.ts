import t from 'tap'
import type { FastifyInstance } from 'fastify'
import { admin, build, createForm, createUser, type TestUser } from './support/app.js'

const WIDGET_IDS = ['forms_by_status', 'responses_per_form', 'recent_responses', 'responses_last_30_days']

const get = (app: FastifyInstance, user: TestUser, url: string) => app.inject({ url, headers: user.headers })
const widget = async (app: FastifyInstance, user: TestUser, id: string) => {
  const res = await get(app, user, `/api/v1/dashboard/widgets/${id}`)
  if (res.statusCode !== 200) throw new Error(`${id}: ${res.statusCode} ${res.body}`)
  return res.json()
}
const submit = async (app: FastifyInstance, formId: string) => {
  const res = await app.inject({ method: 'POST', url: `/api/v1/forms/${formId}/responses`, payload: { answers: { full_name: 'x' } } })
  if (res.statusCode !== 201) throw new Error(res.body)
  return res.json()
}

t.test('a user who never saved a layout gets the default with every widget; PUT saves theirs only', async (t) => {
  const app = await build(t)
  const root = await admin(app)
  const ann = await createUser(app, 'viewer', root)
  const bob = await createUser(app, 'editor', root)

  const initial = await get(app, ann, '/api/v1/dashboard')
  t.equal(initial.statusCode, 200)
  t.match(initial.json(), { user_id: ann.id, updated_at: null })
  t.same(initial.json().layout.widgets.map((w: { widget_id: string }) => w.widget_id), WIDGET_IDS)

  const layout = { widgets: [{ widget_id: 'recent_responses', x: 0, y: 0, w: 12, h: 6 }] }
  const saved = await app.inject({ method: 'PUT', url: '/api/v1/dashboard', headers: ann.headers, payload: layout })
  t.equal(saved.statusCode, 200)
  t.match(saved.json(), { user_id: ann.id, layout, updated_at: String })
  t.same((await get(app, ann, '/api/v1/dashboard')).json(), saved.json())
  t.equal((await get(app, bob, '/api/v1/dashboard')).json().updated_at, null, 'another user still has the default')

  const empty = await app.inject({ method: 'PUT', url: '/api/v1/dashboard', headers: bob.headers, payload: { widgets: [] } })
  t.same(empty.json().layout, { widgets: [] }, 'an empty dashboard is a choice, not the default')
})

t.test('bad layouts are a 400 naming the problem, and change nothing', async (t) => {
  const app = await build(t)
  const user = await createUser(app, 'viewer')
  const place = (extra: object) => ({ widget_id: 'forms_by_status', x: 0, y: 0, w: 4, h: 4, ...extra })
  const cases: Array<[unknown, RegExp]> = [
    [{ widgets: [place({}), place({ x: 4 })] }, /widgets\[1\] "forms_by_status": this widget is already placed/],
    [{ widgets: [place({ widget_id: 'weather' })] }, /widgets\/0\/widget_id/],
    [{ widgets: [place({ w: 0 })] }, /widgets\/0\/w/],
    [{ widgets: [place({ x: -1 })] }, /widgets\/0\/x/],
    [{ widgets: [place({ colour: 'red' })] }, /widgets\/0/],
    [{ widgets: [place({})], theme: 'dark' }, /body/],
    [{}, /widgets/]
  ]
  for (const [payload, message] of cases) {
    const res = await app.inject({ method: 'PUT', url: '/api/v1/dashboard', headers: user.headers, payload: payload as object })
    t.equal(res.statusCode, 400, String(message))
    t.match(res.json().message, message)
  }
  t.equal((await get(app, user, '/api/v1/dashboard')).json().updated_at, null, 'still the default')
  t.equal((await app.inject({ url: '/api/v1/dashboard' })).statusCode, 401)
  t.equal((await app.inject({ method: 'PUT', url: '/api/v1/dashboard', payload: { widgets: [] } })).statusCode, 401)
})

t.test('the widget catalogue is a list like every other; unknown widgets are a 404, malformed ids a 400', async (t) => {
  const app = await build(t)
  const user = await createUser(app, 'viewer')
  const catalogue = (await get(app, user, '/api/v1/dashboard/widgets')).json()
  t.match(catalogue, { page: 1, per_page: 20, total: WIDGET_IDS.length })
  t.same(catalogue.items.map((w: { id: string }) => w.id), WIDGET_IDS)
  for (const entry of catalogue.items) t.match(entry, { id: String, title: /\S/, description: /\S/ })
  const second = (await get(app, user, '/api/v1/dashboard/widgets?page=2&per_page=3')).json()
  t.same(second, { items: [catalogue.items[3]], page: 2, per_page: 3, total: WIDGET_IDS.length }, 'paged')
  t.equal((await get(app, user, '/api/v1/dashboard/widgets/weather')).statusCode, 404)
  t.match((await get(app, user, '/api/v1/dashboard/widgets/weather')).json(), { statusCode: 404, message: 'Widget not found' })
  t.equal((await get(app, user, '/api/v1/dashboard/widgets/Not-A-Widget!')).statusCode, 400)
  t.equal((await app.inject({ url: '/api/v1/dashboard/widgets' })).statusCode, 401)
  t.equal((await app.inject({ url: '/api/v1/dashboard/widgets/forms_by_status' })).statusCode, 401)
})

t.test('widgets cover the requesting user\'s forms only; an admin\'s cover all forms', async (t) => {
  const app = await build(t)
  const root = await admin(app)
  const alice = await createUser(app, 'editor', root)
  const bob = await createUser(app, 'editor', root)
  const viewer = await createUser(app, 'viewer', root)

  const a1 = await createForm(app, alice, { title: 'Alice one' })
  const a2 = await createForm(app, alice, { title: 'Alice two' })
  await createForm(app, alice, { title: 'Alice draft', status: 'draft' })
  const b1 = await createForm(app, bob, { title: 'Bob one' })
  await createForm(app, bob, { title: 'Bob archived', status: 'archived' })
  const aliceResponses = [await submit(app, a1.id), await submit(app, a2.id), await submit(app, a1.id)]
  const bobResponses = [await submit(app, b1.id), await submit(app, b1.id), await submit(app, b1.id), await submit(app, b1.id)]

  const status = await widget(app, alice, 'forms_by_status')
  t.match(status, { widget_id: 'forms_by_status', generated_at: String })
  t.same(status.data, { draft: 1, published: 2, archived: 0 })
  t.same((await widget(app, bob, 'forms_by_status')).data, { draft: 0, published: 1, archived: 1 })
  t.same((await widget(app, viewer, 'forms_by_status')).data, { draft: 0, published: 0, archived: 0 }, 'no forms, no counts')
  t.same((await widget(app, root, 'forms_by_status')).data, { draft: 1, published: 3, archived: 1 }, 'admin: everyone\'s')

  const perForm = (await widget(app, alice, 'responses_per_form')).data
  t.same(perForm.map((f: { title: string, count: number }) => [f.title, f.count]), [['Alice one', 2], ['Alice two', 1], ['Alice draft', 0]])
  t.notOk(perForm.some((f: { form_id: string }) => f.form_id === b1.id), 'none of Bob\'s forms')
  t.same((await widget(app, root, 'responses_per_form')).data[0], { form_id: b1.id, title: 'Bob one', count: 4 }, 'admin: everyone\'s')

  const recent = (await widget(app, alice, 'recent_responses')).data
  t.same(recent.map((r: { id: string }) => r.id), aliceResponses.map((r) => r.id).reverse(), 'Alice\'s, newest first')
  t.match(recent[0], { form_id: a1.id, form_title: 'Alice one', answers: { full_name: 'x' } })
  t.same((await widget(app, bob, 'recent_responses')).data.map((r: { id: string }) => r.id), bobResponses.map((r) => r.id).reverse())
  t.same((await widget(app, viewer, 'recent_responses')).data, [])
  t.equal((await widget(app, root, 'recent_responses')).data.length, 7)

  const sum = (days: Array<{ count: number }>) => days.reduce((total, day) => total + day.count, 0)
  const aliceDays = (await widget(app, alice, 'responses_last_30_days')).data
  t.equal(aliceDays.length, 30)
  t.equal(sum(aliceDays), 3)
  t.equal(sum((await widget(app, bob, 'responses_last_30_days')).data), 4)
  t.equal(sum((await widget(app, viewer, 'responses_last_30_days')).data), 0)
  t.equal(sum((await widget(app, root, 'responses_last_30_days')).data), 7)
})

t.test('responses_per_form shows the top 10 of the user\'s forms', async (t) => {
  const app = await build(t)
  const owner = await createUser(app, 'editor')
  const forms = []
  for (let i = 0; i < 12; i++) forms.push(await createForm(app, owner, { title: `Form ${i}` }))
  for (let i = 0; i < 3; i++) await submit(app, forms[11]!.id)
  const data = (await widget(app, owner, 'responses_per_form')).data
  t.equal(data.length, 10)
  t.same(data[0], { form_id: forms[11]!.id, title: 'Form 11', count: 3 })
})

t.test('a widget is dropped by the writes that change what it shows: a response leaves forms_by_status cached, a status change does not', async (t) => {
  const app = await build(t)
  const root = await admin(app)
  const alice = await createUser(app, 'editor', root)
  const form = await createForm(app, alice, { status: 'published' })
  const xCache = async (user: TestUser, id: string) => (await get(app, user, `/api/v1/dashboard/widgets/${id}`)).headers['x-cache']
  const everyWidget = async (user: TestUser) => Object.fromEntries(await Promise.all(WIDGET_IDS.map(async (id) => [id, await xCache(user, id)])))
  for (const user of [alice, root]) await everyWidget(user)

  await submit(app, form.id)
  for (const user of [alice, root]) {
    t.same(await everyWidget(user), { forms_by_status: 'HIT', responses_per_form: 'MISS', recent_responses: 'MISS', responses_last_30_days: 'MISS' },
      `after a response, ${user === root ? 'the admin' : 'the owner'}: only the widget over forms alone is still cached`)
  }

  const archived = await app.inject({ method: 'PATCH', url: `/api/v1/forms/${form.id}`, headers: alice.headers, payload: { status: 'archived' } })
  t.equal(archived.statusCode, 200)
  for (const user of [alice, root]) {
    t.same(await everyWidget(user), { forms_by_status: 'MISS', responses_per_form: 'MISS', recent_responses: 'MISS', responses_last_30_days: 'HIT' },
      `after a status change, ${user === root ? 'the admin' : 'the owner'}: every widget showing forms is computed again`)
  }
  t.match((await widget(app, alice, 'forms_by_status')).data, { published: 0, archived: 1 }, 'and shows the form archived')
})

t.test('a form given to another owner takes its responses along: both owners\' response widgets change at once', async (t) => {
  const app = await build(t)
  const root = await admin(app)
  const alice = await createUser(app, 'editor', root)
  const bob = await createUser(app, 'editor', root)
  const form = await createForm(app, alice, { status: 'published' })
  await submit(app, form.id)
  const total = async (user: TestUser) => (await widget(app, user, 'responses_last_30_days')).data.reduce((sum: number, day: { count: number }) => sum + day.count, 0)
  t.same([await total(alice), await total(bob)], [1, 0], 'the response is alice\'s')

  const given = await app.inject({ method: 'PATCH', url: `/api/v1/forms/${form.id}`, headers: root.headers, payload: { owner_id: bob.id } })
  t.equal(given.statusCode, 200)
  t.same([await total(alice), await total(bob)], [0, 1], 'and now bob\'s, on the next read of each')
})

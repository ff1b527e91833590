import t from 'tap'
import type { FastifyInstance } from 'fastify'
import { admin, build, createForm, createUser } from './support/app.js'

const fields = [
  { name: 'color', label: 'Colour', type: 'select', required: false, options: ['red', 'green', 'blue'] },
  { name: 'toppings', label: 'Toppings', type: 'checkbox', required: false, options: ['cheese', 'ham', 'olives'] },
  { name: 'age', label: 'Age', type: 'number', required: false },
  { name: 'rating', label: 'Rating', type: 'number', required: false },
  { name: 'comment', label: 'Comment', type: 'text', required: false }
]

const submit = async (app: FastifyInstance, formId: string, answers: object) => {
  const res = await app.inject({ method: 'POST', url: `/api/v1/forms/${formId}/responses`, payload: { answers } })
  if (res.statusCode !== 201) throw new Error(res.body)
  return res.json()
}

const today = () => new Date().toISOString().slice(0, 10)

t.test('analytics of a known data set: totals, 30 days with zeros, option counts, number summaries', async (t) => {
  const app = await build(t)
  const root = await admin(app)
  const owner = await createUser(app, 'editor', root)
  const form = await createForm(app, owner, { fields })
  const other = await createForm(app, owner, { fields })
  const responses = [
    await submit(app, form.id, { color: 'red', toppings: ['cheese', 'ham'], age: 30, comment: 'hi' }),
    await submit(app, form.id, { color: 'blue', toppings: ['cheese'], age: 41.5 }),
    await submit(app, form.id, { color: 'red', toppings: [], age: 18.5 }),
    await submit(app, form.id, { comment: 'no choices' })
  ]
  await submit(app, other.id, { color: 'green', toppings: ['olives'], age: 99, rating: 5 })

  const before = today()
  const res = await app.inject({ url: `/api/v1/forms/${form.id}/analytics`, headers: owner.headers })
  const after = today()
  t.equal(res.statusCode, 200, 'the owner')
  const analytics = res.json()
  t.equal(analytics.form_id, form.id)
  t.equal(analytics.total_responses, 4, 'only this form\'s responses')
  t.same(analytics.fields, {
    color: { counts: { red: 2, green: 0, blue: 1 } },
    toppings: { counts: { cheese: 2, ham: 1, olives: 0 } },
    age: { min: 18.5, max: 41.5, mean: 30 }
    // rating: no numeric answer, so no summary; comment: text is not summarised
  })

  const days = analytics.responses_per_day as Array<{ date: string, count: number }>
  t.equal(days.length, 30, 'exactly 30 days')
  t.ok([before, after].includes(days[29]!.date), 'ending today')
  t.same(days.map((d) => d.date), [...days.map((d) => d.date)].sort(), 'oldest first')
  t.equal(new Set(days.map((d) => d.date)).size, 30, 'no day twice')
  const perDay = new Map<string, number>()
  for (const r of responses) perDay.set(r.submitted_at.slice(0, 10), (perDay.get(r.submitted_at.slice(0, 10)) ?? 0) + 1)
  t.same(days.filter((d) => d.count > 0), [...perDay].map(([date, count]) => ({ date, count })), 'responses on their day')
  t.equal(days.filter((d) => d.count === 0).length, 30 - perDay.size, 'every other day is there with 0')
})

t.test('analytics follow the current fields: a new option shows 0, a removed one is not counted', async (t) => {
  const app = await build(t)
  const owner = await createUser(app, 'editor')
  const form = await createForm(app, owner, { fields: [fields[0]] })
  await submit(app, form.id, { color: 'green' })
  await submit(app, form.id, { color: 'red' })
  const changed = await app.inject({
    method: 'PATCH',
    url: `/api/v1/forms/${form.id}`,
    headers: owner.headers,
    payload: { fields: [{ ...fields[0], options: ['red', 'blue', 'mauve'] }] }
  })
  t.equal(changed.statusCode, 200)
  const analytics = (await app.inject({ url: `/api/v1/forms/${form.id}/analytics`, headers: owner.headers })).json()
  t.same(analytics.fields, { color: { counts: { red: 1, blue: 0, mauve: 0 } } })
  t.equal(analytics.total_responses, 2)
})

t.test('a form without responses: zeros everywhere, no number summary', async (t) => {
  const app = await build(t)
  const owner = await createUser(app, 'editor')
  const form = await createForm(app, owner, { fields, status: 'draft' })
  const analytics = (await app.inject({ url: `/api/v1/forms/${form.id}/analytics`, headers: owner.headers })).json()
  t.equal(analytics.total_responses, 0)
  t.equal(analytics.responses_per_day.length, 30)
  t.ok(analytics.responses_per_day.every((d: { count: number }) => d.count === 0))
  t.same(analytics.fields, { color: { counts: { red: 0, green: 0, blue: 0 } }, toppings: { counts: { cheese: 0, ham: 0, olives: 0 } } })
})

t.test('analytics need a signed-in user and an existing form', async (t) => {
  const app = await build(t)
  const root = await admin(app)
  const form = await createForm(app, root, { fields })
  t.equal((await app.inject({ url: `/api/v1/forms/${form.id}/analytics` })).statusCode, 401)
  t.equal((await app.inject({ url: `/api/v1/forms/${'f'.repeat(24)}/analytics`, headers: root.headers })).statusCode, 404)
  t.equal((await app.inject({ url: '/api/v1/forms/123/analytics', headers: root.headers })).statusCode, 400)
})

t.test('options named like Object members (__proto__, constructor, toString) are counted as data', async (t) => {
  const app = await build(t)
  const owner = await createUser(app, 'editor')
  const options = ['__proto__', 'constructor', 'toString', 'hasOwnProperty']
  const form = await createForm(app, owner, {
    fields: [
      { name: 'pick', label: 'Pick', type: 'select', required: false, options },
      { name: 'ticks', label: 'Ticks', type: 'checkbox', required: false, options }
    ]
  })
  await submit(app, form.id, { pick: '__proto__', ticks: ['__proto__', 'toString'] })
  await submit(app, form.id, { pick: '__proto__', ticks: ['__proto__'] })
  await submit(app, form.id, { pick: 'toString' })
  const res = await app.inject({ url: `/api/v1/forms/${form.id}/analytics`, headers: owner.headers })
  t.equal(res.statusCode, 200)
  const { fields: summaries } = res.json()
  // entries: an object literal cannot spell an own __proto__ key
  const expected = [['__proto__', 2], ['constructor', 0], ['toString', 1], ['hasOwnProperty', 0]]
  t.same(Object.entries(summaries.pick.counts), expected, 'select')
  t.same(Object.entries(summaries.ticks.counts), expected, 'checkbox')
})

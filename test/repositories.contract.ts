import type { Test } from 'tap'
import type { FormField } from '../schemas/forms.js'
import type { DashboardLayout } from '../schemas/dashboards.js'
import type { WebhookEvent } from '../schemas/webhooks.js'
import { DuplicateError, NotFoundError } from '../services/infra/errors.js'
import { newObjectId, OBJECT_ID } from '../services/repositories/ids.js'
import type { DayCount, FormFilter, NewForm, NewUser, Owed, RecentResponse, Repositories } from '../services/repositories/port.js'

// The behaviour every adapter of the persistence port must have, run by
// test/repositories.test.ts against SQLite always and MongoDB when reachable.

export interface OpenedRepositories {
  repositories: Repositories
  /** Closes the adapter and removes everything it stored (file, database). */
  cleanup (): Promise<void>
}

/** Opens a new, empty store. */
export type OpenRepositories = () => Promise<OpenedRepositories>

const ALL = { page: 1, per_page: 100 }

// Timestamps have millisecond precision: waiting a little makes "later" observable.
const tick = () => new Promise((resolve) => setTimeout(resolve, 5))

const isIso = (value: unknown) => typeof value === 'string' && new Date(value).toISOString() === value

const field = (name: string, type: FormField['type'], options?: string[]): FormField =>
  ({ name, label: name, type, required: false, ...(options === undefined ? {} : { options }) })

const newForm = (ownerId: string, changes: Partial<NewForm> = {}): NewForm =>
  ({ title: 'A form', description: '', status: 'draft', fields: [], owner_id: ownerId, ...changes })

const newUser = (email: string, changes: Partial<NewUser> = {}): NewUser =>
  ({ email, name: 'Ada', role: 'editor', password_hash: `hash of ${email}`, ...changes })

const layout = (x: number): DashboardLayout => ({ widgets: [{ widget_id: 'forms_by_status', x, y: 0, w: 4, h: 2 }] })

/** The per-day counts expected for these timestamps: UTC days with at least one at or after `since`, oldest first. */
function expectedPerDay (timestamps: string[], since: string): DayCount[] {
  const counts = new Map<string, number>()
  for (const at of timestamps.filter((at) => at >= since).sort()) {
    counts.set(at.slice(0, 10), (counts.get(at.slice(0, 10)) ?? 0) + 1)
  }
  return [...counts].map(([date, count]) => ({ date, count }))
}

export function repositoryContract (t: Test, kind: Repositories['kind'], open: OpenRepositories) {
  return t.test(`${kind} repositories`, async (t) => {
    // every test gets an empty store of its own, removed when the test ends
    async function fresh (t: Test): Promise<Repositories> {
      const { repositories, cleanup } = await open()
      t.teardown(cleanup)
      return repositories
    }

    t.test('reports its kind and answers a ping', async (t) => {
      const repos = await fresh(t)
      t.equal(repos.kind, kind)
      await t.resolves(repos.ping())
    })

    t.test('forms', async (t) => {
      t.test('create stores a form with a 24-hex id, version 1 and ISO timestamps; findById reads it back', async (t) => {
        const { forms } = await fresh(t)
        const owner = newObjectId()
        const fields = [field('color', 'select', ['red', 'blue']), field('age', 'number')]
        const form = await forms.create(newForm(owner, { title: 'Survey', description: 'About you', status: 'published', fields }))
        t.match(form.id, OBJECT_ID)
        t.match(form, { title: 'Survey', description: 'About you', status: 'published', owner_id: owner, version: 1 })
        t.same(form.fields, fields)
        t.ok(isIso(form.created_at), 'created_at is an ISO timestamp')
        t.equal(form.updated_at, form.created_at)
        t.same(await forms.findById(form.id), form)
        t.equal(await forms.findById(newObjectId()), null, 'unknown id')
        t.equal(await forms.findById('not-an-object-id'), null, 'malformed id')
      })

      t.test('list pages most recently updated first, with the total', async (t) => {
        const { forms } = await fresh(t)
        const owner = newObjectId()
        const created = []
        for (let i = 1; i <= 5; i++) {
          created.push(await forms.create(newForm(owner, { title: `Form ${i}` })))
          await tick()
        }
        const [f1, f2, f3, f4, f5] = created
        t.same(await forms.list({}, { page: 1, per_page: 2 }), { items: [f5, f4], total: 5 })
        t.same(await forms.list({}, { page: 2, per_page: 2 }), { items: [f3, f2], total: 5 })
        t.same(await forms.list({}, { page: 3, per_page: 2 }), { items: [f1], total: 5 })
        t.same(await forms.list({}, { page: 4, per_page: 2 }), { items: [], total: 5 }, 'past the last page')

        const updated = await forms.update(f2!.id, { title: 'Form 2, edited' }, 1)
        const { items } = await forms.list({}, { page: 1, per_page: 2 })
        t.same(items, [updated, f5], 'an update moves the form to the front')
      })

      t.test('findByIds returns the forms it knows, leaving out unknown and malformed ids', async (t) => {
        const { forms } = await fresh(t)
        const owner = newObjectId()
        const [a, b] = [await forms.create(newForm(owner, { title: 'A' })), await forms.create(newForm(owner, { title: 'B' }))]
        await forms.create(newForm(owner, { title: 'not asked for' }))
        const found = await forms.findByIds([b.id, newObjectId(), 'not-an-object-id', a.id])
        t.same(found.sort((x, y) => x.title.localeCompare(y.title)), [a, b])
        t.same(await forms.findByIds([]), [], 'no ids, no forms')
      })

      t.test('list filters by status and by owner, together or alone', async (t) => {
        const { forms } = await fresh(t)
        const [alice, bob] = [newObjectId(), newObjectId()]
        const aliceDraft = await forms.create(newForm(alice, { title: 'alice draft' }))
        await tick()
        const alicePublished = await forms.create(newForm(alice, { title: 'alice published', status: 'published' }))
        await tick()
        const bobPublished = await forms.create(newForm(bob, { title: 'bob published', status: 'published' }))
        await tick()
        const bobArchived = await forms.create(newForm(bob, { title: 'bob archived', status: 'archived' }))

        t.same(await forms.list({ status: 'published' }, ALL), { items: [bobPublished, alicePublished], total: 2 })
        t.same(await forms.list({ status: 'archived' }, ALL), { items: [bobArchived], total: 1 })
        t.same(await forms.list({ owner_id: alice }, ALL), { items: [alicePublished, aliceDraft], total: 2 })
        t.same(await forms.list({ owner_id: bob, status: 'published' }, ALL), { items: [bobPublished], total: 1 })
        t.same(await forms.list({ owner_id: alice, status: 'archived' }, ALL), { items: [], total: 0 })
        t.same(await forms.list({ owner_id: newObjectId() }, ALL), { items: [], total: 0 }, 'an owner without forms')
        t.same(await forms.list({ owner_id: 'not-an-object-id' }, ALL), { items: [], total: 0 }, 'a malformed owner id')
        t.equal((await forms.list({ owner_id: bob }, { page: 2, per_page: 1 })).total, 2, 'total ignores paging')
      })

      t.test('q is a case-insensitive literal substring of the title or the description', async (t) => {
        const { forms } = await fresh(t)
        const owner = newObjectId()
        const make = async (title: string, description: string, status: NewForm['status'] = 'draft') => {
          await forms.create(newForm(owner, { title, description, status }))
          await tick()
        }
        await make('Customer Survey', 'How was your STAY?')
        await make('Price (USD) .* [beta]', 'Costs + fees', 'published')
        await make('abc', 'plain')
        await make('a.c notation', '')
        await make('Été', 'C:\\temp | ^start$ {2}')
        await make('Say "hi"', 'OR NOT near(x) *')

        const titles = async (filter: FormFilter) => {
          const { items, total } = await forms.list(filter, ALL)
          t.equal(total, items.length, `total for ${JSON.stringify(filter)}`)
          return items.map((form) => form.title).sort()
        }
        t.same(await titles({ q: 'survey' }), ['Customer Survey'], 'title, case-folded')
        t.same(await titles({ q: 'CUSTOMER' }), ['Customer Survey'], 'upper-case query')
        t.same(await titles({ q: 'was your stay?' }), ['Customer Survey'], 'description, with a literal ?')
        t.same(await titles({ q: '.*' }), ['Price (USD) .* [beta]'], '.* is literal')
        t.same(await titles({ q: '[beta]' }), ['Price (USD) .* [beta]'], 'brackets are literal')
        t.same(await titles({ q: '(usd' }), ['Price (USD) .* [beta]'], 'an unbalanced parenthesis is literal')
        t.same(await titles({ q: '+ fees' }), ['Price (USD) .* [beta]'], '+ is literal')
        t.same(await titles({ q: 'a.c' }), ['a.c notation'], 'a.c does not match abc')
        t.same(await titles({ q: '.' }), ['Price (USD) .* [beta]', 'a.c notation'], '. matches only a dot')
        t.same(await titles({ q: 'abc' }), ['abc'])
        t.same(await titles({ q: '^abc' }), [], '^ is no anchor')
        t.same(await titles({ q: '^start$' }), ['Été'], '^ and $ are literal')
        t.same(await titles({ q: 'c:\\temp |' }), ['Été'], 'backslash and bar are literal')
        t.same(await titles({ q: '{2}' }), ['Été'], 'braces are literal')
        t.same(await titles({ q: 'ÉTÉ' }), ['Été'], 'non-ASCII letters fold case too')
        t.same(await titles({ q: 'nowhere' }), [])
        t.same(await titles({ q: '"hi"' }), ['Say "hi"'], 'double quotes are literal')
        t.same(await titles({ q: 'say "' }), ['Say "hi"'], 'an unbalanced double quote too')
        t.same(await titles({ q: 'or not near(' }), ['Say "hi"'], 'search operators are words')
        t.same(await titles({ q: 'x) *' }), ['Say "hi"'], 'a star is no prefix')
        t.same(await titles({ q: 'hi"\nor' }), ['Say "hi"'], 'across the title and the description, as one text')
        t.same(await titles({ q: 'c', status: 'published' }), ['Price (USD) .* [beta]'], 'q with a status')
        t.same(await titles({ q: 'c', owner_id: newObjectId() }), [], 'q with another owner')
      })

      t.test('update applies the changes and increments version, only from the expected version', async (t) => {
        const { forms } = await fresh(t)
        const [alice, bob] = [newObjectId(), newObjectId()]
        const form = await forms.create(newForm(alice, { title: 'Original', description: 'first words' }))
        await tick()

        const renamed = await forms.update(form.id, { title: 'Renamed' }, 1)
        t.match(renamed, { id: form.id, title: 'Renamed', description: 'first words', status: 'draft', version: 2, created_at: form.created_at })
        t.ok(isIso(renamed?.updated_at) && renamed!.updated_at > form.updated_at, 'updated_at is bumped')
        t.same(await forms.findById(form.id), renamed)

        t.equal(await forms.update(form.id, { title: 'Lost' }, 1), null, 'a stale version is refused')
        t.same(await forms.findById(form.id), renamed, 'and changes nothing')
        t.equal(await forms.update(newObjectId(), { title: 'Nobody' }, 1), null, 'an unknown form')

        const search = async (q: string) => (await forms.list({ q }, ALL)).items.map((f) => f.id)
        t.same(await search('renamed'), [form.id], 'the search follows the new title')
        t.same(await search('original'), [], 'and forgets the old one')
        t.same(await search('first words'), [form.id], 'and keeps the unchanged description')

        const described = await forms.update(form.id, { description: 'second words' }, 2)
        t.match(described, { title: 'Renamed', description: 'second words', version: 3 })
        t.same(await search('second'), [form.id])
        t.same(await search('renamed'), [form.id], 'the unchanged title stays searchable')

        const fields = [field('rating', 'number')]
        const moved = await forms.update(form.id, { owner_id: bob, status: 'published', fields }, 3)
        t.match(moved, { owner_id: bob, status: 'published', version: 4 })
        t.same(moved?.fields, fields)
        t.equal(await forms.countByOwner(alice), 0)
        t.equal(await forms.countByOwner(bob), 1)
        t.same(await forms.findById(form.id), moved)
      })

      t.test('delete removes the form with its responses and webhooks', async (t) => {
        const { forms, responses, webhooks } = await fresh(t)
        const owner = newObjectId()
        const doomed = await forms.create(newForm(owner, { title: 'doomed' }))
        const kept = await forms.create(newForm(owner, { title: 'kept' }))
        const hook = { url: 'https://example.com/hook', events: ['response.submitted' as const], active: true, secret: 's' }
        const doomedResponse = await responses.create({ form_id: doomed.id, form_version: 1, answers: { a: 'x' } })
        const doomedHook = await webhooks.create({ ...hook, form_id: doomed.id })
        const keptResponse = await responses.create({ form_id: kept.id, form_version: 1, answers: { a: 'y' } })
        const keptHook = await webhooks.create({ ...hook, form_id: kept.id })

        t.equal(await forms.delete(doomed.id), true)
        t.equal(await forms.findById(doomed.id), null)
        t.equal(await responses.findById(doomed.id, doomedResponse.id), null, 'its responses are gone')
        t.same(await responses.list(doomed.id, ALL), { items: [], total: 0 })
        t.equal(await webhooks.findById(doomed.id, doomedHook.id), null, 'its webhooks are gone')
        t.same(await webhooks.listByForm(doomed.id), [])

        t.same(await forms.findById(kept.id), kept, 'other forms stay')
        t.same(await responses.findById(kept.id, keptResponse.id), keptResponse)
        t.same(await webhooks.listByForm(kept.id), [keptHook])

        t.equal(await forms.delete(doomed.id), false, 'a second delete finds nothing')
        t.equal(await forms.delete(newObjectId()), false)
      })

      t.test('countByOwner and countByStatus, for one owner or everyone', async (t) => {
        const { forms } = await fresh(t)
        const [alice, bob] = [newObjectId(), newObjectId()]
        t.same(await forms.countByStatus(), { draft: 0, published: 0, archived: 0 }, 'empty store')
        await forms.create(newForm(alice))
        await forms.create(newForm(alice))
        await forms.create(newForm(alice, { status: 'published' }))
        await forms.create(newForm(bob, { status: 'published' }))
        await forms.create(newForm(bob, { status: 'archived' }))

        t.equal(await forms.countByOwner(alice), 3)
        t.equal(await forms.countByOwner(bob), 2)
        t.equal(await forms.countByOwner(newObjectId()), 0)
        t.same(await forms.countByStatus(alice), { draft: 2, published: 1, archived: 0 })
        t.same(await forms.countByStatus(bob), { draft: 0, published: 1, archived: 1 })
        t.same(await forms.countByStatus(), { draft: 2, published: 2, archived: 1 })
        t.same(await forms.countByStatus(newObjectId()), { draft: 0, published: 0, archived: 0 })
      })

      t.test('counts and listing totals follow every write: a new form, a status or an owner changed, a form deleted', async (t) => {
        const { forms } = await fresh(t)
        const [alice, bob] = [newObjectId(), newObjectId()]
        const counts = async () => ({
          alice: await forms.countByStatus(alice),
          all: await forms.countByStatus(),
          bob: await forms.countByOwner(bob),
          totals: [
            (await forms.list({}, ALL)).total,
            (await forms.list({ status: 'published' }, ALL)).total,
            (await forms.list({ owner_id: alice, status: 'draft' }, ALL)).total,
            (await forms.list({ q: 'form' }, ALL)).total
          ]
        })
        const first = await forms.create(newForm(alice, { title: 'First form' }))
        const second = await forms.create(newForm(alice, { title: 'Second form', status: 'published' }))
        t.same(await counts(), { alice: { draft: 1, published: 1, archived: 0 }, all: { draft: 1, published: 1, archived: 0 }, bob: 0, totals: [2, 1, 1, 2] })
        await forms.update(first.id, { status: 'published' }, first.version)
        t.same(await counts(), { alice: { draft: 0, published: 2, archived: 0 }, all: { draft: 0, published: 2, archived: 0 }, bob: 0, totals: [2, 2, 0, 2] }, 'a status changed')
        await forms.update(second.id, { owner_id: bob, status: 'archived', title: 'Second' }, second.version)
        t.same(await counts(), { alice: { draft: 0, published: 1, archived: 0 }, all: { draft: 0, published: 1, archived: 1 }, bob: 1, totals: [2, 1, 0, 1] }, 'an owner, a status and a title changed')
        await forms.delete(first.id)
        t.same(await counts(), { alice: { draft: 0, published: 0, archived: 0 }, all: { draft: 0, published: 0, archived: 1 }, bob: 1, totals: [1, 0, 0, 0] }, 'a form deleted')
      })
    })

    t.test('responses', async (t) => {
      t.test('create, findById scoped to the form, update', async (t) => {
        const { forms, responses } = await fresh(t)
        const owner = newObjectId()
        const form = await forms.create(newForm(owner))
        const other = await forms.create(newForm(owner))
        const answers = { name: 'Ada', age: 36, consent: true, tags: ['a', 'b'] }
        const response = await responses.create({ form_id: form.id, form_version: 1, answers })
        t.match(response.id, OBJECT_ID)
        t.match(response, { form_id: form.id, form_version: 1 })
        t.same(response.answers, answers)
        t.ok(isIso(response.submitted_at), 'submitted_at is an ISO timestamp')
        t.equal(response.updated_at, response.submitted_at)

        t.same(await responses.findById(form.id, response.id), response)
        t.equal(await responses.findById(other.id, response.id), null, 'not found through another form')
        t.equal(await responses.findById(form.id, newObjectId()), null)

        await tick()
        const updated = await responses.update(form.id, response.id, { answers: { name: 'Grace' }, form_version: 2 })
        t.match(updated, { id: response.id, form_id: form.id, form_version: 2, submitted_at: response.submitted_at })
        t.same(updated?.answers, { name: 'Grace' }, 'the answers are replaced')
        t.ok(updated!.updated_at > response.updated_at, 'updated_at is bumped')
        t.same(await responses.findById(form.id, response.id), updated)

        t.equal(await responses.update(other.id, response.id, { answers: {}, form_version: 3 }), null, 'not through another form')
        t.equal(await responses.update(form.id, newObjectId(), { answers: {}, form_version: 3 }), null)
        t.same(await responses.findById(form.id, response.id), updated, 'unchanged')
      })

      t.test('list is newest first, paged, with the total, for one form', async (t) => {
        const { forms, responses } = await fresh(t)
        const owner = newObjectId()
        const form = await forms.create(newForm(owner))
        const other = await forms.create(newForm(owner))
        const created = []
        for (let i = 1; i <= 5; i++) {
          created.push(await responses.create({ form_id: form.id, form_version: 1, answers: { i } }))
          await tick()
        }
        const foreign = await responses.create({ form_id: other.id, form_version: 1, answers: {} })
        const [r1, r2, r3, r4, r5] = created
        t.same(await responses.list(form.id, { page: 1, per_page: 2 }), { items: [r5, r4], total: 5 })
        t.same(await responses.list(form.id, { page: 2, per_page: 2 }), { items: [r3, r2], total: 5 })
        t.same(await responses.list(form.id, { page: 3, per_page: 2 }), { items: [r1], total: 5 })
        t.same(await responses.list(other.id, ALL), { items: [foreign], total: 1 })
        t.same(await responses.list(newObjectId(), ALL), { items: [], total: 0 })
      })

      t.test('analytics summarises a known data set', async (t) => {
        const { forms, responses } = await fresh(t)
        const owner = newObjectId()
        const fields = [
          field('color', 'select', ['red', 'green', 'blue']),
          field('toppings', 'checkbox', ['cheese', 'ham', 'olives']),
          field('age', 'number'),
          field('rating', 'number'),
          field('comment', 'text')
        ]
        const form = await forms.create(newForm(owner, { fields }))
        const other = await forms.create(newForm(owner, { fields }))
        const submit = async (formId: string, answers: Record<string, string | number | string[]>) => {
          const response = await responses.create({ form_id: formId, form_version: 1, answers })
          await tick()
          return response
        }
        const r1 = await submit(form.id, { color: 'red', toppings: ['cheese', 'ham'], age: 30, comment: 'hi' })
        const r2 = await submit(form.id, { color: 'blue', toppings: ['cheese'], age: 41.5 })
        await submit(other.id, { color: 'green', toppings: ['olives'], age: 99, rating: 5 })
        const r3 = await submit(form.id, { color: 'red', toppings: [], age: 18.5 })
        const r4 = await submit(form.id, { comment: 'no choices' })
        const times = [r1, r2, r3, r4].map((r) => r.submitted_at)

        const yesterday = new Date(Date.now() - 86_400_000).toISOString()
        const analytics = await responses.analytics(form.id, fields, yesterday)
        t.equal(analytics.total_responses, 4, 'only this form\'s responses')
        t.same(analytics.fields, {
          color: { counts: { red: 2, blue: 1 } },
          toppings: { counts: { cheese: 2, ham: 1 } },
          age: { min: 18.5, max: 41.5, mean: 30 }
          // rating: a number field without answers has no summary; comment: text is not summarised
        })
        t.same(analytics.responses_per_day, expectedPerDay(times, yesterday))
        t.equal(analytics.responses_per_day.reduce((sum, day) => sum + day.count, 0), 4)

        const sinceThird = await responses.analytics(form.id, fields, r3.submitted_at)
        t.same(sinceThird.responses_per_day, expectedPerDay(times, r3.submitted_at), 'since is inclusive')
        t.equal(sinceThird.total_responses, 4, 'the total is not limited by since')

        const future = new Date(Date.now() + 3_600_000).toISOString()
        t.same((await responses.analytics(form.id, fields, future)).responses_per_day, [])

        const empty = await forms.create(newForm(owner, { fields }))
        t.same(await responses.analytics(empty.id, fields, yesterday), {
          total_responses: 0,
          responses_per_day: [],
          fields: { color: { counts: {} }, toppings: { counts: {} } }
        }, 'a form without responses')
      })

      t.test('analytics counts values named like Object members as data', async (t) => {
        const { forms, responses } = await fresh(t)
        const options = ['__proto__', 'constructor', 'toString']
        const fields = [field('pick', 'select', options), field('ticks', 'checkbox', options), field('constructor', 'number')]
        const form = await forms.create(newForm(newObjectId(), { fields }))
        await responses.create({ form_id: form.id, form_version: 1, answers: { pick: '__proto__', ticks: ['__proto__', 'toString'], constructor: 4 } })
        await responses.create({ form_id: form.id, form_version: 1, answers: { pick: 'toString', ticks: ['__proto__'] } })
        const { fields: summaries } = await responses.analytics(form.id, fields, new Date(Date.now() - 86_400_000).toISOString())
        const counts = (name: string) => {
          const summary = Object.hasOwn(summaries, name) ? summaries[name] : undefined
          return summary !== undefined && 'counts' in summary ? Object.entries(summary.counts).sort() : summary
        }
        t.same(counts('pick'), [['__proto__', 1], ['toString', 1]])
        t.same(counts('ticks'), [['__proto__', 2], ['toString', 1]])
        t.same(counts('constructor'), { min: 4, max: 4, mean: 4 })
      })

      t.test('countPerForm, recent and perDay cover one owner\'s forms or everyone\'s', async (t) => {
        const { forms, responses } = await fresh(t)
        const [alice, bob] = [newObjectId(), newObjectId()]
        const a1 = await forms.create(newForm(alice, { title: 'A one' }))
        const a2 = await forms.create(newForm(alice, { title: 'A two' }))
        const a3 = await forms.create(newForm(alice, { title: 'A three' }))
        const b1 = await forms.create(newForm(bob, { title: 'B one' }))
        const sequence = [a1, b1, a1, a2, b1, a1]
        const created: RecentResponse[] = []
        for (const form of sequence) {
          await tick()
          created.push({ ...await responses.create({ form_id: form.id, form_version: 1, answers: {} }), form_title: form.title })
        }
        const newestFirst = [...created].reverse()
        const ofAlice = newestFirst.filter((r) => r.form_id !== b1.id)

        t.same(await responses.countPerForm(alice, 10), [
          { form_id: a1.id, title: 'A one', count: 3 },
          { form_id: a2.id, title: 'A two', count: 1 },
          { form_id: a3.id, title: 'A three', count: 0 }
        ], 'most answered first, forms without responses included')
        t.same(await responses.countPerForm(undefined, 2), [
          { form_id: a1.id, title: 'A one', count: 3 },
          { form_id: b1.id, title: 'B one', count: 2 }
        ], 'everyone\'s, limited')
        t.same(await responses.countPerForm(bob, 10), [{ form_id: b1.id, title: 'B one', count: 2 }])
        t.same(await responses.countPerForm(newObjectId(), 10), [])

        t.same(await responses.recent(alice, 3), ofAlice.slice(0, 3), 'newest of alice\'s, with the form title')
        t.same(await responses.recent(undefined, 10), newestFirst, 'everyone\'s')
        t.same(await responses.recent(undefined, 2), newestFirst.slice(0, 2))
        t.same(await responses.recent(bob, 1), [newestFirst[1]])
        t.same(await responses.recent(newObjectId(), 5), [])

        const yesterday = new Date(Date.now() - 86_400_000).toISOString()
        const times = (list: RecentResponse[]) => list.map((r) => r.submitted_at)
        t.same(await responses.perDay(alice, yesterday), expectedPerDay(times(ofAlice), yesterday))
        t.same(await responses.perDay(undefined, yesterday), expectedPerDay(times(created), yesterday))
        const fourth = created[3]!.submitted_at
        t.same(await responses.perDay(alice, fourth), expectedPerDay(times(ofAlice), fourth), 'since is inclusive')
        t.same(await responses.perDay(bob, fourth), expectedPerDay([created[4]!.submitted_at], fourth))
        t.same(await responses.perDay(undefined, new Date(Date.now() + 3_600_000).toISOString()), [])
        t.same(await responses.perDay(newObjectId(), yesterday), [])

        await forms.update(a1.id, { owner_id: bob }, a1.version)
        t.same(await responses.countPerForm(bob, 10), [
          { form_id: a1.id, title: 'A one', count: 3 },
          { form_id: b1.id, title: 'B one', count: 2 }
        ], 'a form keeps its count when it changes owner')
        await forms.delete(b1.id)
        t.same(await responses.countPerForm(undefined, 2), [
          { form_id: a1.id, title: 'A one', count: 3 },
          { form_id: a2.id, title: 'A two', count: 1 }
        ], 'a deleted form is gone from the counts')
      })
    })

    t.test('users', async (t) => {
      t.test('create and find; only findByEmail returns the password hash', async (t) => {
        const { users } = await fresh(t)
        const user = await users.create(newUser('Ada@Example.com', { role: 'admin' }))
        t.match(user.id, OBJECT_ID)
        t.match(user, { email: 'Ada@Example.com', name: 'Ada', role: 'admin' }, 'the email keeps its case')
        t.ok(isIso(user.created_at), 'created_at is an ISO timestamp')
        t.equal(user.updated_at, user.created_at)
        t.notOk('password_hash' in user, 'create does not return the hash')

        const found = await users.findById(user.id)
        t.same(found, user)
        t.notOk(found !== null && 'password_hash' in found, 'findById does not return the hash')
        const { items } = await users.list(ALL)
        t.same(items, [user])
        t.notOk(items.some((u) => 'password_hash' in u), 'list does not return hashes')

        t.same(await users.findByEmail('ada@example.COM'), { ...user, token_generation: 0, password_hash: 'hash of Ada@Example.com' },
          'findByEmail ignores case and returns the hash (and the token generation)')
        t.equal(await users.findByEmail('nobody@example.com'), null)
        t.equal(await users.findById(newObjectId()), null)
      })

      t.test('emails are unique regardless of case, on create and on update', async (t) => {
        const { users } = await fresh(t)
        const ada = await users.create(newUser('ada@example.com'))
        await t.rejects(users.create(newUser('ADA@example.COM')), DuplicateError, 'create')
        t.equal(await users.count(), 1)

        const grace = await users.create(newUser('grace@example.com'))
        await t.rejects(users.update(grace.id, { email: 'Ada@Example.com' }), DuplicateError, 'update')
        t.same(await users.findById(grace.id), grace, 'the refused update changed nothing')

        const recased = await users.update(ada.id, { email: 'ADA@example.com' })
        t.equal(recased?.email, 'ADA@example.com', 'a user may change the case of their own email')
        t.equal((await users.findByEmail('ada@EXAMPLE.com'))?.id, ada.id)
      })

      t.test('update changes the given fields and bumps updated_at', async (t) => {
        const { users } = await fresh(t)
        const user = await users.create(newUser('grace@example.com'))
        await tick()
        const updated = await users.update(user.id, { name: 'Grace H', role: 'admin', password_hash: 'new hash' })
        t.match(updated, { id: user.id, email: 'grace@example.com', name: 'Grace H', role: 'admin', created_at: user.created_at })
        t.notOk(updated !== null && 'password_hash' in updated, 'update does not return the hash')
        t.ok(updated!.updated_at > user.updated_at, 'updated_at is bumped')
        t.same(await users.findById(user.id), updated)
        t.equal((await users.findByEmail('grace@example.com'))?.password_hash, 'new hash')

        await users.update(user.id, { email: 'grace@navy.mil' })
        t.equal(await users.findByEmail('grace@example.com'), null, 'the old email no longer finds her')
        t.equal((await users.findByEmail('GRACE@navy.mil'))?.id, user.id)
        t.equal(await users.update(newObjectId(), { name: 'Nobody' }), null, 'an unknown user')
      })

      t.test('findByIds returns the users it knows, without password hashes', async (t) => {
        const { users } = await fresh(t)
        const ada = await users.create(newUser('ada@example.com'))
        const grace = await users.create(newUser('grace@example.com'))
        await users.create(newUser('not-asked@example.com'))
        const found = await users.findByIds([grace.id, 'not-an-object-id', newObjectId(), ada.id])
        t.same(found.sort((x, y) => x.email.localeCompare(y.email)), [ada, grace])
        t.notOk(found.some((u) => 'password_hash' in u), 'no hashes')
        t.same(await users.findByIds([]), [])
      })

      t.test('token generations: 0 at first, moved on by a new password or a revocation, nothing else', async (t) => {
        const { users } = await fresh(t)
        const ada = await users.create(newUser('ada@example.com'))
        const grace = await users.create(newUser('grace@example.com'))
        t.same(await users.findSession(ada.id), { ...ada, token_generation: 0 })
        await users.update(ada.id, { name: 'Ada L', role: 'admin', email: 'ada@example.org' })
        t.equal((await users.findSession(ada.id))?.token_generation, 0, 'other changes keep the sessions')
        const renamed = await users.update(ada.id, { password_hash: 'new hash' })
        t.notOk(renamed !== null && 'token_generation' in renamed, 'update returns the public user')
        t.equal((await users.findSession(ada.id))?.token_generation, 1, 'a new password moves it on')
        t.equal((await users.findByEmail('ada@example.org'))?.token_generation, 1, 'findByEmail reads it with the hash')
        const revoked = await users.revokeTokens(ada.id)
        t.match(revoked, { id: ada.id, email: 'ada@example.org', token_generation: 2 })
        t.notOk(revoked !== null && 'password_hash' in revoked, 'never the hash')
        t.equal((await users.findSession(grace.id))?.token_generation, 0, 'other users keep theirs')
        t.same((await users.findSessions([grace.id, 'nope', newObjectId(), ada.id])).map((u) => [u.email, u.token_generation]).sort(),
          [['ada@example.org', 2], ['grace@example.com', 0]])
        t.same(await users.findSessions([]), [])
        t.equal(await users.findSession(newObjectId()), null)
        t.equal(await users.revokeTokens(newObjectId()), null, 'an unknown user')
        t.equal(await users.revokeTokens('not-an-id'), null, 'a malformed id')
      })

      t.test('recent lists the most recently updated users first, up to the limit, without hashes', async (t) => {
        const { users } = await fresh(t)
        const created = []
        for (const email of ['a@example.com', 'b@example.com', 'c@example.com']) {
          created.push(await users.create(newUser(email)))
          await tick()
        }
        const [a, b, c] = created
        t.same(await users.recent(2), [c, b])
        const renamed = await users.update(a!.id, { name: 'Ada, renamed' })
        t.same(await users.recent(10), [renamed, c, b], 'an update moves the user to the front')
        t.notOk((await users.recent(10)).some((u) => 'password_hash' in u), 'no hashes')
      })

      t.test('list is oldest first, paged, with the total; count', async (t) => {
        const { users } = await fresh(t)
        const created = []
        for (const email of ['a@example.com', 'b@example.com', 'c@example.com']) {
          created.push(await users.create(newUser(email)))
          await tick()
        }
        t.same(await users.list({ page: 1, per_page: 2 }), { items: created.slice(0, 2), total: 3 })
        t.same(await users.list({ page: 2, per_page: 2 }), { items: created.slice(2), total: 3 })
        t.equal(await users.count(), 3)
      })

      t.test('delete removes the user and their dashboard', async (t) => {
        const { users, dashboards } = await fresh(t)
        const ada = await users.create(newUser('ada@example.com'))
        const grace = await users.create(newUser('grace@example.com'))
        await dashboards.put(ada.id, layout(1))
        const graceDashboard = await dashboards.put(grace.id, layout(2))

        t.equal(await users.delete(ada.id), true)
        t.equal(await users.findById(ada.id), null)
        t.equal(await users.findByEmail('ada@example.com'), null)
        t.equal(await dashboards.get(ada.id), null, 'the dashboard went with the user')
        t.same(await dashboards.get(grace.id), graceDashboard, 'other dashboards stay')
        t.equal(await users.count(), 1)
        t.equal(await users.delete(ada.id), false, 'a second delete finds nothing')

        const again = await users.create(newUser('ada@example.com'))
        t.not(again.id, ada.id, 'the email is free again')
      })
    })

    t.test('webhooks', async (t) => {
      const hook = { url: 'https://example.com/hook', events: ['response.submitted' as const], active: true, secret: 'first secret' }

      t.test('create, find scoped to the form, list oldest first', async (t) => {
        const { forms, webhooks } = await fresh(t)
        const form = await forms.create(newForm(newObjectId()))
        const other = await forms.create(newForm(newObjectId()))
        const first = await webhooks.create({ ...hook, form_id: form.id })
        await tick()
        const second = await webhooks.create({ ...hook, form_id: form.id, events: ['form.updated', 'form.deleted'], active: false })
        const foreign = await webhooks.create({ ...hook, form_id: other.id })

        t.match(first.id, OBJECT_ID)
        t.match(first, { form_id: form.id, url: hook.url, active: true, secret: 'first secret' })
        t.same(first.events, ['response.submitted'])
        t.notOk('last_delivery' in first, 'no delivery yet')
        t.ok(isIso(first.created_at), 'created_at is an ISO timestamp')
        t.equal(first.updated_at, first.created_at)

        t.same(await webhooks.findById(form.id, first.id), first)
        t.equal(await webhooks.findById(other.id, first.id), null, 'not through another form')
        t.same(await webhooks.listByForm(form.id), [first, second])
        t.same(await webhooks.listByForm(other.id), [foreign])
      })

      t.test('update and delete, scoped to the form', async (t) => {
        const { forms, webhooks } = await fresh(t)
        const form = await forms.create(newForm(newObjectId()))
        const other = await forms.create(newForm(newObjectId()))
        const webhook = await webhooks.create({ ...hook, form_id: form.id })
        await tick()

        const updated = await webhooks.update(form.id, webhook.id, { url: 'https://example.org/new', active: false })
        t.match(updated, { id: webhook.id, url: 'https://example.org/new', active: false, secret: 'first secret', created_at: webhook.created_at })
        t.same(updated?.events, hook.events, 'unchanged fields stay')
        t.ok(updated!.updated_at > webhook.updated_at, 'updated_at is bumped')
        t.same(await webhooks.findById(form.id, webhook.id), updated)
        t.equal(await webhooks.update(other.id, webhook.id, { active: true }), null, 'not through another form')
        t.equal(await webhooks.update(form.id, newObjectId(), { active: true }), null)

        t.equal(await webhooks.delete(other.id, webhook.id), false, 'not through another form')
        t.equal(await webhooks.delete(form.id, webhook.id), true)
        t.same(await webhooks.listByForm(form.id), [])
        t.equal(await webhooks.delete(form.id, webhook.id), false, 'a second delete finds nothing')
      })
    })

    t.test('a response, webhook or dashboard of a form or user deleted meanwhile is refused as not found', async (t) => {
      const { forms, responses, users, webhooks, dashboards } = await fresh(t)
      const form = await forms.create(newForm(newObjectId()))
      const user = await users.create(newUser('gone@example.com'))
      t.equal(await forms.delete(form.id), true)
      t.equal(await users.delete(user.id), true)

      await t.rejects(responses.create({ form_id: form.id, form_version: 1, answers: {} }), NotFoundError)
      await t.rejects(webhooks.create({ url: 'https://example.com/hook', events: ['form.updated'], active: true, secret: 's', form_id: form.id }), NotFoundError)
      await t.rejects(dashboards.put(user.id, layout(1)), NotFoundError)
      t.same(await responses.list(form.id, ALL), { items: [], total: 0 }, 'nothing was stored')
      t.same(await webhooks.listByForm(form.id), [])
      t.equal(await dashboards.get(user.id), null)
    })

    t.test('outbox', async (t) => {
      const LEASE = 1000
      const invalidation = (tags: string[], leaseMs = LEASE): Owed => ({
        invalidation: { id: newObjectId(), event: 'on_test', args: { n: 1 }, tags, lease: { owner: 'the writer', until: Date.now() + leaseMs } }
      })
      const webhookEvent = (formId: string, event: WebhookEvent, data: unknown = { x: 1 }): Owed => ({
        webhook: { id: newObjectId(), event, occurred_at: new Date().toISOString(), form_id: formId, data }
      })
      const hook = (formId: string, url: string, changes = {}) =>
        ({ form_id: formId, url, events: ['response.submitted' as const], active: true, secret: `secret of ${url}`, ...changes })
      // every claim in these tests looks this far ahead, past any lease they set
      const later = () => Date.now() + 10 * LEASE

      t.test('a write records its invalidation with itself, held by the writer until its lease ends', async (t) => {
        const { forms, outbox } = await fresh(t)
        const owed = invalidation(['form:1', 'forms'])
        const form = await forms.create(newForm(newObjectId()), (written) => {
          t.equal(written.title, 'A form', 'owed sees what was written')
          return owed
        })
        t.same(await outbox.claimInvalidations('relay', LEASE, 10, Date.now()), [], 'the writer holds it')
        t.equal(await outbox.pending(), 1)
        const [claimed] = await outbox.claimInvalidations('relay', LEASE, 10, owed.invalidation!.lease.until)
        t.same(claimed, { id: owed.invalidation!.id, event: 'on_test', args: { n: 1 }, tags: ['form:1', 'forms'], attempts: 2 },
          'due when the writer\'s lease ends; the writer\'s own try was the first attempt')
        t.ok(await forms.findById(form.id))
      })

      t.test('nothing is recorded for a write that did not happen, and no write happens when its record fails', async (t) => {
        const { forms, outbox } = await fresh(t)
        const form = await forms.create(newForm(newObjectId()))
        let asked = 0
        t.equal(await forms.update(form.id, { title: 'x' }, form.version + 1, () => { asked++; return invalidation(['a']) }), null, 'a stale version')
        t.equal(await forms.update(newObjectId(), { title: 'x' }, 1, () => { asked++; return invalidation(['a']) }), null, 'an unknown form')
        t.equal(await forms.delete(newObjectId(), () => { asked++; return invalidation(['a']) }), false)
        t.equal(asked, 0, 'owed is not asked')
        await t.rejects(forms.update(form.id, { title: 'never' }, form.version, () => { throw new Error('cannot record') }), /cannot record/)
        t.same(await forms.findById(form.id), form, 'the update was rolled back with its record')
        await t.rejects(forms.create(newForm(newObjectId(), { title: 'never' }), () => { throw new Error('cannot record') }))
        t.equal((await forms.list({ q: 'never' }, ALL)).total, 0, 'the insert too')
        t.equal(await outbox.pending(), 0)
      })

      t.test('every write of the port records what it owes', async (t) => {
        const repos = await fresh(t)
        const owed = () => invalidation(['t'])
        const user = await repos.users.create(newUser('ada@example.com'))
        const form = await repos.forms.create(newForm(user.id), owed)
        await repos.forms.update(form.id, { title: 'B' }, form.version, owed)
        const response = await repos.responses.create({ form_id: form.id, form_version: 1, answers: {} }, owed)
        await repos.responses.update(form.id, response.id, { answers: { a: 1 }, form_version: 2 }, owed)
        const webhook = await repos.webhooks.create(hook(form.id, 'https://example.com/a'), owed)
        await repos.webhooks.update(form.id, webhook.id, { active: false }, owed)
        await repos.webhooks.delete(form.id, webhook.id, owed)
        await repos.dashboards.put(user.id, layout(1), owed)
        await repos.users.update(user.id, { name: 'Ada L.' }, owed)
        await repos.forms.delete(form.id, owed)
        await repos.users.delete(user.id, owed)
        t.equal((await repos.outbox.claimInvalidations('relay', LEASE, 100, later())).length, 11)
      })

      t.test('a webhook event becomes one delivery per active webhook of the form subscribed to it', async (t) => {
        const { forms, responses, webhooks, outbox } = await fresh(t)
        const form = await forms.create(newForm(newObjectId()))
        const other = await forms.create(newForm(newObjectId()))
        const subscribed = await webhooks.create(hook(form.id, 'https://example.com/subscribed'))
        await webhooks.create(hook(form.id, 'https://example.com/inactive', { active: false }))
        await webhooks.create(hook(form.id, 'https://example.com/other-event', { events: ['form.updated'] }))
        await webhooks.create(hook(other.id, 'https://example.com/other-form'))
        let owed: Owed | undefined
        const response = await responses.create({ form_id: form.id, form_version: 1, answers: { a: 1 } }, (written) => {
          owed = webhookEvent(form.id, 'response.submitted', written)
          return owed
        })
        const claimed = await outbox.claimDeliveries('relay', LEASE, 10, Date.now())
        t.equal(claimed.length, 1, 'due at once, one delivery')
        t.match(claimed[0]?.id, OBJECT_ID)
        t.same({ ...claimed[0], id: undefined }, {
          id: undefined,
          webhook_id: subscribed.id,
          form_id: form.id,
          event: 'response.submitted',
          event_id: owed!.webhook!.id,
          body: JSON.stringify(owed!.webhook),
          attempts: 1,
          target: { url: 'https://example.com/subscribed', secret: 'secret of https://example.com/subscribed', active: true }
        })
        t.same(JSON.parse(claimed[0]!.body).data, response)
        t.same(await outbox.claimDeliveries('another relay', LEASE, 10, Date.now()), [], 'held by the first claim')
      })

      t.test('a claim takes due items once; a held item is due again when its lease ends; only the holder settles it', async (t) => {
        const { forms, outbox } = await fresh(t)
        await forms.create(newForm(newObjectId()), () => invalidation(['a'], 0))
        const t0 = later()
        const [first] = await outbox.claimInvalidations('first', LEASE, 10, t0)
        t.equal(first?.attempts, 2)
        t.same(await outbox.claimInvalidations('second', LEASE, 10, t0 + LEASE - 1), [], 'not before the lease ends')
        t.equal(await outbox.nextDue(), t0 + LEASE, 'due again when the lease ends')
        const [again] = await outbox.claimInvalidations('second', LEASE, 10, t0 + LEASE)
        t.equal(again?.attempts, 3, 'the first holder died: taken over, another attempt')
        await outbox.settleInvalidations('first', [first!.id], null, t0 + LEASE)
        t.equal(await outbox.pending(), 1, 'the first holder can no longer settle it')
        await outbox.settleInvalidations('second', [again!.id], t0 + 5 * LEASE, t0 + LEASE)
        t.equal(await outbox.nextDue(), t0 + 5 * LEASE, 'released until its retry')
        t.same(await outbox.claimInvalidations('third', LEASE, 10, t0 + 5 * LEASE - 1), [])
        const [third] = await outbox.claimInvalidations('third', LEASE, 10, t0 + 5 * LEASE)
        await outbox.settleInvalidations('third', [third!.id], null, t0 + 5 * LEASE)
        t.equal(await outbox.pending(), 0, 'done')
        t.equal(await outbox.nextDue(), null)
        t.same(await outbox.claimInvalidations('fourth', LEASE, 10, t0 + 100 * LEASE), [], 'never claimed again')
      })

      t.test('claims take the oldest due first, up to the limit', async (t) => {
        const { forms, outbox } = await fresh(t)
        const ids: string[] = []
        for (let i = 0; i < 5; i++) {
          const owed = invalidation([`t${i}`], i)
          ids.push(owed.invalidation!.id)
          await forms.create(newForm(newObjectId()), () => owed)
        }
        const first = await outbox.claimInvalidations('relay', LEASE, 3, later())
        t.same(first.map((item) => item.id).sort(), ids.slice(0, 3).sort())
        t.same((await outbox.claimInvalidations('relay', LEASE, 3, later())).map((item) => item.id).sort(), ids.slice(3).sort())
      })

      t.test('a delivery\'s outcome is in its webhook\'s log (newest first, paged) and its last_delivery', async (t) => {
        const { forms, responses, webhooks, outbox } = await fresh(t)
        const form = await forms.create(newForm(newObjectId()))
        const webhook = await webhooks.create(hook(form.id, 'https://example.com/a'))
        t.notOk('last_delivery' in webhook, 'no delivery yet')
        for (let i = 0; i < 3; i++) {
          await responses.create({ form_id: form.id, form_version: 1, answers: { i } }, (r) => webhookEvent(form.id, 'response.submitted', r))
          await tick()
        }
        const t0 = Date.now()
        const claimed = await outbox.claimDeliveries('relay', LEASE, 10, t0)
        t.equal(claimed.length, 3)
        const [a, b, c] = claimed.sort((x, y) => JSON.parse(x.body).data.answers.i - JSON.parse(y.body).data.answers.i)
        await outbox.settleDelivery('relay', a!.id, { status: 'delivered', status_code: 204 }, t0 + 1)
        await outbox.settleDelivery('relay', b!.id, { status: 'pending', status_code: 503, error: 'HTTP 503', next_attempt_at: t0 + 60_000 }, t0 + 2)
        await outbox.settleDelivery('relay', c!.id, { status: 'failed', error: 'address not allowed' }, t0 + 3)
        await outbox.settleDelivery('someone else', a!.id, { status: 'failed', error: 'timeout' }, t0 + 4)

        const log = await webhooks.deliveries(webhook.id, ALL)
        t.equal(log.total, 3)
        t.same(log.items.map((item) => item.id), [c!.id, b!.id, a!.id], 'newest first')
        const [failed, pending, delivered] = log.items
        t.same(delivered, {
          id: a!.id,
          event: 'response.submitted',
          status: 'delivered',
          attempts: 1,
          last_status_code: 204,
          last_error: null,
          next_attempt_at: null,
          created_at: delivered!.created_at,
          delivered_at: new Date(t0 + 1).toISOString()
        }, 'a settle without the claim\'s token changes nothing')
        t.ok(isIso(delivered!.created_at))
        t.match(pending, { status: 'pending', attempts: 1, last_status_code: 503, last_error: 'HTTP 503', next_attempt_at: new Date(t0 + 60_000).toISOString(), delivered_at: null })
        t.match(failed, { status: 'failed', attempts: 1, last_status_code: null, last_error: 'address not allowed', next_attempt_at: null, delivered_at: null })
        t.same((await webhooks.findById(form.id, webhook.id))?.last_delivery,
          { event: 'response.submitted', status: 'failed', attempts: 1, error: 'address not allowed', at: new Date(t0 + 3).toISOString() })
        t.same((await webhooks.deliveries(webhook.id, { page: 2, per_page: 2 })).items.map((item) => item.id), [a!.id], 'paged')
        t.same(await webhooks.deliveries(newObjectId(), ALL), { items: [], total: 0 })

        const [retry] = await outbox.claimDeliveries('relay', LEASE, 10, t0 + 60_000)
        t.equal(retry?.id, b!.id, 'the pending one is due at its next attempt')
        t.equal(retry?.attempts, 2)
      })

      t.test('each claim sees the webhook as it is now; deleting a webhook ends its pending deliveries', async (t) => {
        const { forms, responses, webhooks, outbox } = await fresh(t)
        const form = await forms.create(newForm(newObjectId()))
        const kept = await webhooks.create(hook(form.id, 'https://example.com/kept'))
        const doomed = await webhooks.create(hook(form.id, 'https://example.com/doomed'))
        await responses.create({ form_id: form.id, form_version: 1, answers: {} }, (r) => webhookEvent(form.id, 'response.submitted', r))
        await webhooks.update(form.id, kept.id, { url: 'https://example.com/moved', secret: 'a new secret', active: false })
        t.equal(await webhooks.delete(form.id, doomed.id), true)
        const claimed = await outbox.claimDeliveries('relay', LEASE, 10, later())
        t.same(claimed.map((item) => [item.webhook_id, item.target]), [[kept.id, { url: 'https://example.com/moved', secret: 'a new secret', active: false }]])
        t.match(await outbox.pending(), 1)
        await outbox.prune(later() + 1, 100)
        t.equal(await outbox.pending(), 1, 'pruning never touches pending items')
      })

      t.test('form.deleted goes to the webhooks the delete removed, as they were', async (t) => {
        const { forms, webhooks, outbox } = await fresh(t)
        const form = await forms.create(newForm(newObjectId()))
        const webhook = await webhooks.create(hook(form.id, 'https://example.com/gone', { events: ['form.deleted'] }))
        t.equal(await forms.delete(form.id, () => webhookEvent(form.id, 'form.deleted', form)), true)
        t.same(await webhooks.listByForm(form.id), [], 'the webhook went with the form')
        const [claimed] = await outbox.claimDeliveries('relay', LEASE, 10, later())
        t.match(claimed, { webhook_id: webhook.id, event: 'form.deleted', target: { url: 'https://example.com/gone', secret: 'secret of https://example.com/gone', active: true } })
      })

      t.test('prune deletes items finished before the cut-off, up to the limit', async (t) => {
        const { forms, responses, webhooks, outbox } = await fresh(t)
        const form = await forms.create(newForm(newObjectId()))
        const webhook = await webhooks.create(hook(form.id, 'https://example.com/a'))
        for (let i = 0; i < 3; i++) await forms.update(form.id, { title: `v${i}` }, i + 1, () => invalidation([`v${i}`], 0))
        await responses.create({ form_id: form.id, form_version: 1, answers: {} }, (r) => webhookEvent(form.id, 'response.submitted', r))
        const t0 = later()
        const items = await outbox.claimInvalidations('relay', LEASE, 10, t0)
        await outbox.settleInvalidations('relay', items.map((item) => item.id), null, t0)
        const [delivery] = await outbox.claimDeliveries('relay', LEASE, 10, t0)
        await outbox.settleDelivery('relay', delivery!.id, { status: 'delivered', status_code: 200 }, t0 + 10)
        t.equal(await outbox.prune(t0, 100), 0, 'nothing finished before t0')
        t.equal(await outbox.prune(t0 + 1, 2), 2, 'up to the limit')
        t.equal(await outbox.prune(t0 + 1, 100), 1)
        t.equal((await webhooks.deliveries(webhook.id, ALL)).total, 1, 'the delivery finished later')
        t.equal(await outbox.prune(t0 + 11, 100), 1)
        t.equal((await webhooks.deliveries(webhook.id, ALL)).total, 0)
      })
    })

    t.test('dashboards: get is null until put, put replaces', async (t) => {
      const { users, dashboards } = await fresh(t)
      const ada = await users.create(newUser('ada@example.com'))
      const grace = await users.create(newUser('grace@example.com'))
      t.equal(await dashboards.get(ada.id), null)

      const first = await dashboards.put(ada.id, layout(1))
      t.same(first, { user_id: ada.id, layout: layout(1), updated_at: first.updated_at })
      t.ok(isIso(first.updated_at), 'updated_at is an ISO timestamp')
      t.same(await dashboards.get(ada.id), first)

      await tick()
      const second = await dashboards.put(ada.id, layout(7))
      t.same(second.layout, layout(7))
      t.ok(second.updated_at > first.updated_at, 'updated_at is bumped')
      t.same(await dashboards.get(ada.id), second, 'the second put replaced the first')
      t.equal(await dashboards.get(grace.id), null, 'dashboards are per user')
    })
  })
}

import { ObjectId } from 'mongodb'
import t from 'tap'
import {
  analyticsPipeline, analyticsResult, countPerFormPipeline, escapeRegex, formFilter, idMatch, idsMatch, INDEXES, parseId, userUpdate,
  perDayAggregation, recentAggregation, RESPONSE_ORDER, setFields, sinceDate
} from '../services/repositories/mongo/queries.js'
import * as outbox from '../services/repositories/mongo/outbox-queries.js'
import { searchText } from '../services/repositories/search.js'

// The MongoDB adapter's query builders, checked without a server. That the
// server runs them as the port says is proven by the contract suite
// (test/repositories.test.ts with MONGODB_URL set).

const HEX = '665f1c2e9b1e8a3d4c5b6a79'
const OID = ObjectId.createFromHexString(HEX)
const NOTHING = { $in: [] }

t.test('escapeRegex makes every metacharacter literal', async (t) => {
  const samples = ['.*', 'a.c', '(usd', '[beta]', '+ fees', '^start$', 'C:\\temp | x', '{2}', 'why?', 'a/b-c', 'plain text']
  for (const sample of samples) {
    const literal = new RegExp(`^${escapeRegex(sample)}$`, 'u')
    t.ok(literal.test(sample), `${sample} matches itself`)
  }
  t.notOk(new RegExp(escapeRegex('a.c')).test('abc'), 'a.c does not match abc')
  t.notOk(new RegExp(escapeRegex('.*')).test('anything'), '.* does not match anything')
  t.notOk(new RegExp(escapeRegex('^abc')).test('abc'), '^ is no anchor')
  t.equal(escapeRegex('a.c'), 'a\\.c')
  t.equal(escapeRegex('no metacharacters here'), 'no metacharacters here', 'plain text is unchanged')
})

t.test('parseId and idMatch: a malformed id matches nothing instead of throwing', async (t) => {
  t.same(parseId(HEX), OID)
  t.equal(parseId('not-an-object-id'), null)
  t.equal(parseId('ABCDEF0123456789ABCDEF01'), null, 'upper case, as SQLite compares ids exactly')
  t.equal(parseId('abcdefabcdef'), null, 'a 12-character string is no id here')
  t.same(idMatch(HEX), OID)
  t.same(idMatch('nope'), NOTHING)
})

t.test('idsMatch keeps the well-formed ids: malformed ones match nothing, none at all matches nothing', async (t) => {
  t.same(idsMatch([HEX, 'nope']), { $in: [OID] })
  t.same(idsMatch([]), NOTHING)
})

t.test('formFilter', async (t) => {
  t.same(formFilter({}), {}, 'no filter: every form')
  t.same(formFilter({ status: 'published', owner_id: HEX }), { status: 'published', owner_id: OID })
  t.same(formFilter({ owner_id: 'nope' }), { owner_id: NOTHING })
  t.same(formFilter({ q: 'Price (USD).*' }), { search_text: { $regex: 'price \\(usd\\)\\.\\*' } },
    'q is lower-cased and escaped, without the i flag')

  const matches = (q: string, title: string, description = '') => {
    const { $regex } = formFilter({ q }).search_text as { $regex: string }
    return new RegExp($regex).test(searchText(title, description))
  }
  t.ok(matches('A.C', 'the a.c notation'), 'case-insensitive literal match')
  t.notOk(matches('a.c', 'abc'), 'a.c does not match abc')
  t.ok(matches('STAY?', 'Survey', 'How was your stay?'), 'the description is searched too')
  t.ok(matches('ÉTÉ', 'Été'), 'non-ASCII case folds as in JavaScript')
})

t.test('setFields keeps the listed keys that are set', async (t) => {
  const changes = { title: 'T', description: undefined, status: 'draft', version: 9 }
  t.same(setFields(changes, ['title', 'description', 'status']), { title: 'T', status: 'draft' })
  t.notOk('description' in setFields(changes, ['description']), 'undefined is no change')
})

t.test('the indexes cover the unique email key and the list paths', async (t) => {
  t.match(INDEXES.users, [{ key: { email_key: 1 }, unique: true }, { key: { created_at: 1, _id: 1 } }, { key: { updated_at: -1, _id: -1 } }])
  t.same(INDEXES.forms.map((index) => index.key), [
    { updated_at: -1, _id: -1 }, { owner_id: 1, updated_at: -1 }, { status: 1, updated_at: -1 }
  ])
  t.same(INDEXES.responses.map((index) => index.key), [{ form_id: 1, submitted_at: -1, _id: -1 }, { submitted_at: -1, _id: -1 }])
  t.same(INDEXES.webhooks.map((index) => index.key), [{ form_id: 1, created_at: 1, _id: 1 }])
})

t.test('sinceDate parses ISO instants and dates, and refuses garbage', async (t) => {
  t.equal(sinceDate('2024-05-01T10:00:00.000Z').toISOString(), '2024-05-01T10:00:00.000Z')
  t.equal(sinceDate('2024-05-01').toISOString(), '2024-05-01T00:00:00.000Z', 'a date is midnight UTC')
  t.throws(() => sinceDate('yesterday'), RangeError)
})

const since = new Date('2024-05-01T00:00:00.000Z')
const day = (path: string) => ({ $dateToString: { format: '%Y-%m-%d', date: path } })

t.test('analyticsPipeline: one $facet per summarised field over the form\'s responses', async (t) => {
  const fields = [
    { name: 'color', type: 'select' as const },
    { name: 'toppings', type: 'checkbox' as const },
    { name: 'age', type: 'number' as const },
    { name: 'comment', type: 'text' as const }
  ]
  t.same(analyticsPipeline(HEX, fields, since), [
    { $match: { form_id: OID } },
    {
      $facet: {
        total: [{ $count: 'n' }],
        per_day: [
          { $match: { submitted_at: { $gte: since } } },
          { $group: { _id: day('$submitted_at'), count: { $sum: 1 } } },
          { $sort: { _id: 1 } },
          { $project: { _id: 0, date: '$_id', count: 1 } }
        ],
        field_0: [{ $match: { 'answers.color': { $ne: null } } }, { $group: { _id: '$answers.color', n: { $sum: 1 } } }],
        field_1: [{ $unwind: '$answers.toppings' }, { $group: { _id: '$answers.toppings', n: { $sum: 1 } } }],
        field_2: [
          { $match: { $expr: { $isNumber: '$answers.age' } } },
          { $group: { _id: null, min: { $min: '$answers.age' }, max: { $max: '$answers.age' }, mean: { $avg: '$answers.age' } } }
        ]
        // no facet for the text field
      }
    }
  ])
  t.same(analyticsPipeline('nope', [], since)[0], { $match: { form_id: NOTHING } })
  t.throws(() => analyticsPipeline(HEX, [{ name: 'a.b', type: 'select' }], since), RangeError,
    'a name that is no field name never becomes a document path')
  t.throws(() => analyticsPipeline(HEX, [{ name: '$where', type: 'number' }], since), RangeError)
})

t.test('analyticsResult turns the $facet document into the port\'s shape', async (t) => {
  const fields = [
    { name: 'color', type: 'select' as const },
    { name: 'toppings', type: 'checkbox' as const },
    { name: 'age', type: 'number' as const },
    { name: 'rating', type: 'number' as const },
    { name: 'comment', type: 'text' as const }
  ]
  const doc = {
    total: [{ n: 4 }],
    per_day: [{ date: '2024-05-01', count: 3 }, { date: '2024-05-03', count: 1 }],
    field_0: [{ _id: 'red', n: 2 }, { _id: 'blue', n: 1 }],
    field_1: [{ _id: 'cheese', n: 2 }, { _id: 'ham', n: 1 }],
    field_2: [{ _id: null, min: 18.5, max: 41.5, mean: 30 }],
    field_3: []
  }
  t.same(analyticsResult(doc, fields), {
    total_responses: 4,
    responses_per_day: [{ date: '2024-05-01', count: 3 }, { date: '2024-05-03', count: 1 }],
    fields: {
      color: { counts: { red: 2, blue: 1 } },
      toppings: { counts: { cheese: 2, ham: 1 } },
      age: { min: 18.5, max: 41.5, mean: 30 }
    }
  }, 'a number field without answers is left out')
  t.same(analyticsResult({ total: [], per_day: [], field_0: [], field_1: [], field_2: [] }, fields.slice(0, 3)), {
    total_responses: 0, responses_per_day: [], fields: { color: { counts: {} }, toppings: { counts: {} } }
  }, 'no responses')
})

t.test('analyticsResult keeps values named like Object members as own keys', async (t) => {
  const fields = [{ name: 'pick', type: 'select' as const }, { name: 'constructor', type: 'number' as const }]
  const doc = {
    total: [{ n: 3 }],
    per_day: [],
    field_0: [{ _id: '__proto__', n: 2 }, { _id: 'toString', n: 1 }],
    field_1: [{ _id: null, min: 1, max: 2, mean: 1.5 }]
  }
  const { fields: summaries } = analyticsResult(doc, fields)
  const pick = summaries.pick as { counts: Record<string, number> }
  t.same(Object.entries(pick.counts), [['__proto__', 2], ['toString', 1]])
  t.equal(Object.getPrototypeOf(pick.counts), Object.prototype, 'no prototype was replaced')
  t.ok(Object.hasOwn(summaries, 'constructor'), 'a field called constructor is an own summary')
  t.same(summaries.constructor, { min: 1, max: 2, mean: 1.5 })
})

t.test('userUpdate: the fields set, and a new token generation with a new password hash', async (t) => {
  const at = new Date(0)
  t.same(userUpdate({ name: 'Ada', email: 'Ada@Example.com' }, at), { $set: { name: 'Ada', email: 'Ada@Example.com', email_key: 'ada@example.com', updated_at: at } })
  t.same(userUpdate({ password_hash: 'h' }, at), { $set: { password_hash: 'h', updated_at: at }, $inc: { token_generation: 1 } })
  t.same(userUpdate({ role: 'admin', name: undefined }, at), { $set: { role: 'admin', updated_at: at } }, 'an undefined value is no change')
})

t.test('countPerFormPipeline counts each form\'s responses in a $lookup, zero included', async (t) => {
  const pipeline = countPerFormPipeline(HEX, 5)
  t.same(pipeline, [
    { $match: { owner_id: OID } },
    { $lookup: { from: 'responses', localField: '_id', foreignField: 'form_id', pipeline: [{ $count: 'n' }], as: 'responses' } },
    { $project: { _id: 0, form_id: '$_id', title: 1, updated_at: 1, count: { $ifNull: [{ $arrayElemAt: ['$responses.n', 0] }, 0] } } },
    { $sort: { count: -1, updated_at: -1, form_id: -1 } },
    { $limit: 5 },
    { $project: { updated_at: 0 } }
  ])
  t.same(countPerFormPipeline(undefined, 5)[0], { $match: {} }, 'everyone\'s forms')
})

t.test('recentAggregation', async (t) => {
  const everyone = recentAggregation(undefined, 10)
  t.equal(everyone.collection, 'responses', 'for everyone: walk the responses newest first')
  t.same(everyone.pipeline, [
    { $sort: RESPONSE_ORDER },
    { $lookup: { from: 'forms', localField: 'form_id', foreignField: '_id', pipeline: [{ $project: { title: 1 } }], as: 'form' } },
    { $unwind: '$form' },
    { $limit: 10 },
    { $set: { form_title: '$form.title' } },
    { $unset: 'form' }
  ])
  const owned = recentAggregation(HEX, 3)
  t.equal(owned.collection, 'forms', 'for one owner: start from their forms')
  t.same(owned.pipeline, [
    { $match: { owner_id: OID } },
    { $project: { title: 1 } },
    { $lookup: { from: 'responses', localField: '_id', foreignField: 'form_id', pipeline: [{ $sort: RESPONSE_ORDER }, { $limit: 3 }], as: 'response' } },
    { $unwind: '$response' },
    { $replaceWith: { $mergeObjects: ['$response', { form_title: '$title' }] } },
    { $sort: RESPONSE_ORDER },
    { $limit: 3 }
  ])
  t.same(RESPONSE_ORDER, { submitted_at: -1, _id: -1 })
})

t.test('perDayAggregation groups by UTC day since the given instant', async (t) => {
  const tail = [{ $sort: { _id: 1 } }, { $project: { _id: 0, date: '$_id', count: 1 } }]
  t.same(perDayAggregation(undefined, since), {
    collection: 'responses',
    pipeline: [
      { $match: { submitted_at: { $gte: since } } },
      { $group: { _id: day('$submitted_at'), count: { $sum: 1 } } },
      ...tail
    ]
  })
  t.same(perDayAggregation(HEX, since), {
    collection: 'forms',
    pipeline: [
      { $match: { owner_id: OID } },
      { $project: { _id: 1 } },
      {
        $lookup: {
          from: 'responses',
          localField: '_id',
          foreignField: 'form_id',
          pipeline: [{ $match: { submitted_at: { $gte: since } } }, { $project: { _id: 0, submitted_at: 1 } }],
          as: 'response'
        }
      },
      { $unwind: '$response' },
      { $group: { _id: day('$response.submitted_at'), count: { $sum: 1 } } },
      ...tail
    ]
  })
})

t.test('outbox: claims take due pending items, and each document goes to one claimer', async (t) => {
  const { claimUpdate, dueFilter, heldBy } = outbox
  const now = new Date('2025-01-01T00:00:00Z')
  const until = new Date('2025-01-01T00:00:10Z')
  t.same(dueFilter(now), { status: 'pending', next_attempt_at: { $lte: now } })
  const { filter, update } = claimUpdate([OID], 'token', now, until)
  t.same(filter, { _id: { $in: [OID] }, status: 'pending', next_attempt_at: { $lte: now } }, 'still due when the update reaches it')
  t.same(update, { $set: { lease_owner: 'token', next_attempt_at: until }, $inc: { attempts: 1 } }, 'held until the lease ends, one more attempt')
  t.same(heldBy('token', [OID]), { _id: { $in: [OID] }, lease_owner: 'token', status: 'pending' })
})

t.test('outbox: settling an invalidation marks it done or releases it until its retry', async (t) => {
  const { settleInvalidationUpdate } = outbox
  const now = new Date('2025-01-01T00:00:00Z')
  const retry = new Date('2025-01-01T00:00:05Z')
  t.same(settleInvalidationUpdate(null, now), { $set: { status: 'delivered', done_at: now, next_attempt_at: null, lease_owner: null } })
  t.same(settleInvalidationUpdate(retry, now), { $set: { next_attempt_at: retry, lease_owner: null } })
})

t.test('outbox: a delivery\'s outcome, and the cancellation of a deleted webhook\'s deliveries', async (t) => {
  const { cancelDeliveries, settleDeliveryUpdate } = outbox
  const now = new Date('2025-01-01T00:00:00Z')
  t.same(settleDeliveryUpdate({ status: 'delivered', status_code: 204 }, now), {
    $set: { status: 'delivered', next_attempt_at: null, last_status_code: 204, last_error: null, done_at: now, lease_owner: null }
  })
  const next = now.getTime() + 5000
  t.same(settleDeliveryUpdate({ status: 'pending', status_code: 503, error: 'HTTP 503', next_attempt_at: next }, now), {
    $set: { status: 'pending', next_attempt_at: new Date(next), last_status_code: 503, last_error: 'HTTP 503', done_at: null, lease_owner: null }
  })
  t.same(settleDeliveryUpdate({ status: 'failed', error: 'timeout' }, now).$set, {
    status: 'failed', next_attempt_at: null, last_status_code: null, last_error: 'timeout', done_at: now, lease_owner: null
  })
  t.same(cancelDeliveries(OID, now), {
    filter: { webhook_id: OID, status: 'pending' },
    update: { $set: { status: 'failed', last_error: 'webhook deleted', next_attempt_at: null, lease_owner: null, done_at: now } }
  })
})

t.test('outbox: new documents, the subscribed webhooks, pruning and the log', async (t) => {
  const q = outbox
  const now = new Date('2025-01-01T00:00:00Z')
  const invalidation = q.newInvalidationDoc({ id: HEX, event: 'on_form_updated', args: { form_id: HEX }, tags: ['form:x'], lease: { owner: 'w', until: now.getTime() + 1000 } }, now)
  t.same(invalidation, {
    _id: OID,
    event: 'on_form_updated',
    args: { form_id: HEX },
    tags: ['form:x'],
    status: 'pending',
    attempts: 1,
    next_attempt_at: new Date(now.getTime() + 1000),
    lease_owner: 'w',
    created_at: now,
    done_at: null
  }, 'held by the writer, its try counted')
  const hook = { _id: new ObjectId(), url: 'https://example.com/h', secret: 's' }
  const delivery = q.newDeliveryDoc(hook, { id: 'e'.repeat(24), event: 'response.submitted', form_id: HEX }, '{"a":1}', now)
  t.match(delivery, {
    webhook_id: hook._id,
    form_id: OID,
    event: 'response.submitted',
    event_id: 'e'.repeat(24),
    body: '{"a":1}',
    url: hook.url,
    secret: 's',
    status: 'pending',
    attempts: 0,
    next_attempt_at: now,
    lease_owner: null,
    last_status_code: null,
    last_error: null,
    created_at: now,
    done_at: null
  }, 'due at once')
  t.ok(delivery._id instanceof ObjectId)
  t.same(q.subscribedWebhooks(OID, 'form.updated'), { form_id: OID, active: true, events: 'form.updated' }, 'an array field matches one of its elements')
  t.same(q.prunable(now), { status: { $in: ['delivered', 'failed'] }, done_at: { $lt: now } })
  t.same(q.toWebhookDelivery({ ...delivery, status: 'delivered', attempts: 2, last_status_code: 200, done_at: now, next_attempt_at: null }), {
    id: delivery._id.toHexString(),
    event: 'response.submitted',
    status: 'delivered',
    attempts: 2,
    last_status_code: 200,
    last_error: null,
    next_attempt_at: null,
    created_at: now.toISOString(),
    delivered_at: now.toISOString()
  })
  t.match(q.toWebhookDelivery(delivery), { status: 'pending', next_attempt_at: now.toISOString(), delivered_at: null })
  t.same(q.DELIVERY_LOG_ORDER, { created_at: -1, _id: -1 })
  t.same(q.OUTBOX_INDEXES.deliveries.map((index) => index.key), [{ next_attempt_at: 1 }, { webhook_id: 1, created_at: -1, _id: -1 }, { done_at: 1 }])
  t.same(q.OUTBOX_INDEXES.deliveries[0]?.partialFilterExpression, { status: 'pending' }, 'the due index holds pending items only')
})

t.test('outbox: the adapter requires a replica set (or mongos) for its transactions', async (t) => {
  const { transactionsProblem } = outbox
  t.equal(transactionsProblem({ setName: 'rs0' }), null)
  t.equal(transactionsProblem({ msg: 'isdbgrid' }), null)
  t.match(transactionsProblem({}), /replica set/)
})

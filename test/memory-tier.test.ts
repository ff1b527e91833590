import t from 'tap'
import { entryTags, kindTag } from '../services/cache/keys.js'
import { CACHE_KINDS, type CacheKind } from '../services/cache/kinds.js'
import { createMemoryTier, type MemoryEntry } from '../services/cache/memory-tier.js'

// The in-process tier on its own (pure logic): what dropping a tag removes, and what its tag index keeps.

function tier () {
  const kinds = Object.fromEntries(CACHE_KINDS.map((kind) => [kind, { ttl: 60, maxEntries: 100 }])) as Record<CacheKind, { ttl: number, maxEntries: number }>
  return createMemoryTier({ kinds, maxBytes: 1024 * 1024 })
}

function entry (kind: CacheKind, tags: string[]): MemoryEntry {
  const now = Date.now()
  const all = entryTags(kind, tags)
  return { payload: Buffer.from('{}'), createdAt: now, ttlMs: 60_000, expiresAt: now + 60_000, graceUntil: now + 60_000, tags: all, versions: all.map(() => 'v') }
}

t.test('dropping a kind drops its entries and their place in the tag index; other kinds keep theirs', async (t) => {
  const memory = tier()
  memory.set('query_result', 'q1', entry('query_result', ['forms', 'only:searches']))
  memory.set('query_result', 'q2', entry('query_result', ['forms']))
  memory.set('api_response', 'r1', entry('api_response', ['forms']))

  t.same(memory.dropTags([kindTag('query_result')]).query_result, 2, 'both entries of the kind dropped')
  t.equal(memory.size('query_result'), 0)
  t.equal(memory.size('api_response'), 1, 'the other kind keeps its entry')
  t.notOk(memory.tags().includes('only:searches'), 'a tag only the dropped entries carried is out of the index')
  t.ok(memory.tags().includes('forms'), 'a tag another kind\'s entry carries stays')

  // the kind fills again: the index holds the new entries only
  memory.set('query_result', 'q3', entry('query_result', ['forms']))
  t.same(memory.dropTags(['forms']), { form_schema: 0, user_session: 0, query_result: 1, dashboard_widget: 0, api_response: 1 },
    'an own tag then drops exactly the entries that carry it now, in every kind')
  t.same(memory.tags(), [], 'and nothing is left in the index')
})

t.test('an entry replaced or evicted leaves the tag index', async (t) => {
  const memory = tier()
  memory.set('form_schema', 'f1', entry('form_schema', ['form:1']))
  memory.set('form_schema', 'f1', entry('form_schema', ['form:2']))
  t.notOk(memory.tags().includes('form:1'), 'the replaced entry\'s tag is gone')
  t.same(memory.dropTags(['form:2']).form_schema, 1)
  for (let i = 0; i <= 100; i++) memory.set('form_schema', `f${i}`, entry('form_schema', [`form:${i}`]))
  t.notOk(memory.tags().includes('form:0'), 'the evicted entry\'s tag is gone (the kind holds 100)')
  t.equal(memory.tags().filter((tag) => tag.startsWith('form:')).length, 100)
})

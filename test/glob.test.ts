import t from 'tap'
import { Redis } from 'ioredis'
import { compileGlob, globProblem, matchGlob } from '../services/cache/glob.js'
import { cleanUp, uniquePrefix } from './support/app.js'

t.test('matchGlob: stars, question marks, classes and escapes as Redis reads them', async (t) => {
  const cases: Array<[string, string, boolean]> = [
    ['', '', true],
    ['*', '', false], // Redis never calls its matcher for `*` alone; for an empty key it answers no
    ['a', '', false],
    ['', 'a', false],
    ['*', 'anything', true],
    ['a*', 'a', true],
    ['a*b', 'axxb', true],
    ['a*b', 'axxbx', false],
    ['*a*a*a*b', 'aaaaaaaaab', true],
    ['*a*a*a*b', 'aaaaaaaaaa', false],
    ['?', 'é', false], // two bytes
    ['??', 'é', true],
    ['\\*', '*', true],
    ['\\*', 'a', false],
    ['a\\', 'a\\', true], // a trailing backslash is itself
    ['[abc]', 'b', true],
    ['[^abc]', 'b', false],
    ['[^abc]', 'd', true],
    ['[a-c]x', 'bx', true],
    ['[c-a]x', 'bx', true], // swapped
    ['[\\]]', ']', true],
    ['[\\]', ']', true], // unclosed after the escaped ]
    ['[a-]', ']', true], // the range ]..a
    ['[a-]', '^', true],
    ['[a-]', '-', false],
    ['[a-]b', 'ab', false], // the class never closed: `b]` is in it, nothing follows
    ['[ab', 'b', true],
    ['[ab', 'ab', false],
    ['a[', 'a', false],
    ['[]', 'a', false],
    ['[]a]', 'a]', false],
    ['[^]', 'z', true],
    ['[\\-a]', '-', true],
    ['x[é]', 'x\u00c3', false],
    ['x[a-\u00e9]y', 'x\u00e9y', false] // bytes >= 0x80 are negative chars: the range is 0xC3..a
  ]
  for (const [pattern, text, expected] of cases) {
    t.equal(matchGlob(pattern, text), expected, `${JSON.stringify(pattern)} ~ ${JSON.stringify(text)}`)
  }
  const match = compileGlob('form:*:[0-9]')
  t.ok(match('form:x:1'))
  t.notOk(match('form:x:a'))
  t.ok(match('form:é:1'), 'one matcher, many keys, ASCII or not')
  const long = `form:${'é'.repeat(3000)}:7`
  t.ok(match(long), 'a key longer than the matcher\'s buffer')
  t.notOk(match(`${long}x`))
})

t.test('matchGlob takes steps in proportion to pattern × key, however many stars', async (t) => {
  // a backtracking matcher needs ~C(40, 19) steps here; this one answers at once, and right
  const key = 'a'.repeat(40)
  t.notOk(matchGlob('*a'.repeat(19) + '!', key))
  t.ok(matchGlob('*a'.repeat(19) + '*', key))
  t.notOk(matchGlob('*'.repeat(19) + '!', key))
  t.notOk(matchGlob('*******!', key))
})

t.test('globProblem names what Redis would read differently, and accepts plain globs', async (t) => {
  for (const plain of ['form:schema:*', 'query:result:?', 'a[bc]d', '[^a-z]', '\\*', '[\\]]', '[\\-x]', 'api:*:[0-9a-f]*']) {
    t.equal(globProblem(plain), null, plain)
  }
  const problems: Array<[string, RegExp]> = [
    ['form:[z-a]', /out of order/],
    ['form:[a-]', /range up to "]"/],
    ['form:[abc', /never closed/],
    ['form:[', /never closed/],
    ['form:[]', /matches nothing/],
    ['form:[^]', /any character/],
    ['form:\\', /trailing/],
    ['form:[a-\\]', /escaped/],
    ['form:[a-é]', /ASCII/]
  ]
  for (const [pattern, reason] of problems) t.match(globProblem(pattern), reason, pattern)
})

// Keys with every character a glob treats specially, and a few multi-byte ones.
const KEYS = [
  'a', 'b', 'z', 'A', 'ab', 'abc', 'abd', 'aXc', 'a-c', 'a]c', 'a[c', 'a^c', 'a\\c', 'a*c', 'a?c', 'a!', 'a!!',
  '-', ']', '[', '^', '\\', '*', '?', '!', '_', '`', 'é', 'ée', 'aé', 'e\u0301', '€', 'x', 'x]', 'x-', 'xy',
  'form:schema:1', 'form:schema:12', 'form:schema:abc', 'form:x:1', 'query:result:a', 'query:result:ab',
  'aaaaaaaaaaaaaaaaaaaa', 'aaaaaaaaaaaaaaaaaaa!', 'api:response:Z9'
]

const PATTERNS = [
  '*', '?', '??', '???', 'a*', '*c', 'a?c', 'a*c', '*a*', 'a\\*c', 'a\\?c', 'a\\\\c', '\\*', '\\', 'a\\', '\\a',
  '[ab]', '[^ab]', '[a-c]', '[c-a]', '[a-]', '[a-]c', '[-a]', '[a\\-]', '[\\-a]', '[]', '[]]', '[^]', '[^]]', '[\\]]', '[\\]',
  'a[]]c', 'a[[]c', 'a[\\]]c', 'a[^a-z]c', 'a[', '[', '[a', '[ab', '[a-', '[^', '[\\', 'a[-]c', 'a[*]c', 'a[?]c',
  '[!-a]', '[a-!]', '[_-`]', '[`-_]', '[Z-a]', '[a-Z]', '[\u00e9]', '??[e]', '[\u00c3]?', '[a-\u00e9]', '[\u00e9-a]*',
  'form:schema:*', 'form:*:1', 'form:schema:[0-9]', 'form:schema:[0-9]*', 'form:schema:[^0-9]*', 'query:result:a?',
  '*******!', '*'.repeat(19) + '!', '*a'.repeat(19) + '*', '*a'.repeat(19) + '!', 'a*a*a*a*!', '*\\!', '*!*', '**!!',
  '*[!]', '*[^!]', '?*', '*?', '*??', '[a-c]*[!]', 'x[]-]', 'x[]-a]', 'x[\\]-a]', '[x-x]*', '[x-]*', '*[-]'
]

/** Patterns from the characters that matter, to cover combinations no one thought of. */
function randomPatterns (count: number, seed: number): string[] {
  const alphabet = ['*', '?', '[', ']', '^', '-', '\\', 'a', 'b', 'c', '!', 'é', 'x']
  let state = seed
  const next = (n: number) => {
    state = (state * 1103515245 + 12345) % 2 ** 31
    return state % n
  }
  return Array.from({ length: count }, () =>
    Array.from({ length: 1 + next(7) }, () => alphabet[next(alphabet.length)]).join(''))
}

t.test('matchGlob selects exactly the keys SCAN MATCH finds in Redis', async (t) => {
  const prefix = uniquePrefix()
  cleanUp(t, prefix)
  const redis = new Redis({ port: 6379, maxRetriesPerRequest: 1 })
  t.teardown(() => redis.disconnect())
  await redis.mset(...KEYS.flatMap((key) => [prefix + key, '1']))

  async function scan (pattern: string): Promise<string[]> {
    const found = new Set<string>()
    let cursor = '0'
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', prefix + pattern, 'COUNT', 5000)
      cursor = next
      for (const key of keys) found.add(key.slice(prefix.length))
    } while (cursor !== '0')
    return [...found].sort()
  }

  const patterns = [...new Set([...PATTERNS, ...randomPatterns(400, 15)])]
  const disagreements: string[] = []
  for (const pattern of patterns) {
    const redisAnswer = await scan(pattern)
    const ours = KEYS.filter((key) => matchGlob(prefix + pattern, prefix + key)).sort()
    if (JSON.stringify(ours) !== JSON.stringify(redisAnswer)) {
      disagreements.push(`${JSON.stringify(pattern)}: Redis ${JSON.stringify(redisAnswer)}, ours ${JSON.stringify(ours)}`)
    }
  }
  t.same(disagreements, [], `${patterns.length} patterns over ${KEYS.length} keys`)
  t.ok((await scan('*')).length === KEYS.length, 'every key was stored')
})

import t from 'tap'
import { globProblem } from '../services/cache/glob.js'

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

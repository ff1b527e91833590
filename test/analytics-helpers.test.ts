import t from 'tap'
import type { FormField } from '../schemas/forms.js'
import { completeSummaries } from '../services/domain/analytics.js'
import { fillDays, lastDays, startOf } from '../services/domain/days.js'

t.test('lastDays: n UTC days ending today, oldest first, across month and year ends', async (t) => {
  t.same(lastDays(3, new Date('2024-03-01T23:59:59.999Z')), ['2024-02-28', '2024-02-29', '2024-03-01'])
  t.same(lastDays(2, new Date('2025-01-01T00:00:00.000Z')), ['2024-12-31', '2025-01-01'])
  const month = lastDays(30, new Date('2024-06-15T12:00:00Z'))
  t.equal(month.length, 30)
  t.equal(month[0], '2024-05-17')
  t.equal(month[29], '2024-06-15')
  t.equal(startOf('2024-05-17'), '2024-05-17T00:00:00.000Z')
})

t.test('fillDays: zero for days the database did not return; days outside the window are ignored', async (t) => {
  const days = ['2024-05-01', '2024-05-02', '2024-05-03']
  t.same(fillDays(days, [{ date: '2024-05-02', count: 4 }, { date: '2024-04-30', count: 9 }]), [
    { date: '2024-05-01', count: 0 }, { date: '2024-05-02', count: 4 }, { date: '2024-05-03', count: 0 }
  ])
})

t.test('completeSummaries: every current option, numbers only when summarised, nothing for text', async (t) => {
  const fields: FormField[] = [
    { name: 'color', label: 'c', type: 'select', required: false, options: ['red', 'green'] },
    { name: 'tags', label: 't', type: 'checkbox', required: false, options: ['a', 'b'] },
    { name: 'age', label: 'a', type: 'number', required: false },
    { name: 'rating', label: 'r', type: 'number', required: false },
    { name: 'note', label: 'n', type: 'text', required: false }
  ]
  t.same(completeSummaries(fields, {
    color: { counts: { red: 3, purple: 2 } },
    age: { min: 1, max: 3, mean: 2 }
  }), {
    color: { counts: { red: 3, green: 0 } },
    tags: { counts: { a: 0, b: 0 } },
    age: { min: 1, max: 3, mean: 2 }
  }, '"purple" is no longer an option and is left out')
})

import t from 'tap'
import type { FormField } from '../schemas/forms.js'
import type { Answers } from '../schemas/responses.js'
import { isIsoDate, validateAnswers } from '../services/domain/answers.js'

// The per-field answer rules, without Fastify.

const fields: FormField[] = [
  { name: 'full_name', label: 'Name', type: 'text', required: true },
  { name: 'bio', label: 'Bio', type: 'textarea', required: false },
  { name: 'age', label: 'Age', type: 'number', required: false },
  { name: 'email', label: 'Email', type: 'email', required: false },
  { name: 'born', label: 'Born', type: 'date', required: false },
  { name: 'color', label: 'Colour', type: 'select', required: false, options: ['red', 'green'] },
  { name: 'toppings', label: 'Toppings', type: 'checkbox', required: false, options: ['cheese', 'ham', 'olives'] },
  { name: 'terms', label: 'Terms', type: 'checkbox', required: true, options: ['accept'] }
]
const valid: Answers = { full_name: 'Ada', terms: ['accept'] }

t.test('valid answers pass, optional fields may be left out', async (t) => {
  t.doesNotThrow(() => validateAnswers(fields, valid))
  t.doesNotThrow(() => validateAnswers(fields, {
    ...valid,
    bio: '',
    age: -1.5,
    email: 'ada@example.com',
    born: '1815-12-10',
    color: 'green',
    toppings: ['olives', 'cheese']
  }))
  t.doesNotThrow(() => validateAnswers(fields, { ...valid, toppings: [] }), 'an optional checkbox may be left empty')
})

t.test('each rule fails with a message naming the field', async (t) => {
  const cases: Array<[string, Answers, string]> = [
    ['unknown field', { ...valid, nickname: 'x' }, 'answers.nickname: not a field of this form'],
    ['required field missing', { terms: ['accept'] }, 'answers.full_name: is required'],
    ['required field blank', { ...valid, full_name: '   ' }, 'answers.full_name: is required'],
    ['required checkbox with nothing ticked', { ...valid, terms: [] }, 'answers.terms: is required'],
    ['text given a number', { ...valid, full_name: 42 }, 'answers.full_name: must be a string'],
    ['textarea given an array', { ...valid, bio: ['a'] }, 'answers.bio: must be a string'],
    ['number given a numeric string', { ...valid, age: '42' }, 'answers.age: must be a number'],
    ['number given a boolean', { ...valid, age: true }, 'answers.age: must be a number'],
    ['email without a domain', { ...valid, email: 'ada@' }, 'answers.email: must be an email address'],
    ['email with spaces', { ...valid, email: 'a da@example.com' }, 'answers.email: must be an email address'],
    ['email that is not a string', { ...valid, email: 7 }, 'answers.email: must be an email address'],
    ['date in another format', { ...valid, born: '10/12/1815' }, 'answers.born: must be an ISO date (YYYY-MM-DD)'],
    ['date that does not exist', { ...valid, born: '2023-02-29' }, 'answers.born: must be an ISO date (YYYY-MM-DD)'],
    ['date-time instead of a date', { ...valid, born: '1815-12-10T00:00:00Z' }, 'answers.born: must be an ISO date (YYYY-MM-DD)'],
    ['select value that is not an option', { ...valid, color: 'blue' }, 'answers.color: must be one of the field\'s options'],
    ['select given an array', { ...valid, color: ['red'] }, 'answers.color: must be one of the field\'s options'],
    ['select left blank', { ...valid, color: '' }, 'answers.color: must be one of the field\'s options'],
    ['checkbox given a string', { ...valid, toppings: 'cheese' }, 'answers.toppings: must be an array of the field\'s options'],
    ['checkbox with an unknown option', { ...valid, toppings: ['cheese', 'pineapple'] }, 'answers.toppings[1]: must be one of the field\'s options'],
    ['checkbox with an option twice', { ...valid, toppings: ['ham', 'ham'] }, 'answers.toppings[1]: is a duplicate option']
  ]
  for (const [name, answers, message] of cases) {
    t.throws(() => validateAnswers(fields, answers), { statusCode: 400, code: 'BAD_REQUEST', message }, name)
  }
})

t.test('unknown names are reported before missing ones', async (t) => {
  t.throws(() => validateAnswers(fields, { typo_name: 'Ada' }), { message: 'answers.typo_name: not a field of this form' })
})

t.test('isIsoDate accepts real calendar days only', async (t) => {
  for (const ok of ['2024-02-29', '2000-01-01', '1999-12-31']) t.ok(isIsoDate(ok), ok)
  for (const bad of ['2023-02-29', '2024-13-01', '2024-00-10', '2024-1-01', '20240101', '']) t.notOk(isIsoDate(bad), bad)
})

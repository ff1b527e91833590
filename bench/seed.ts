// Seeds a SQLite database for the workload benches directly through the
// repositories (compiled, as the service uses them): users, forms with a
// Zipf-ranked popularity, and responses for the popular ones.
import type { FormField } from '../schemas/forms.js'
import { ADMIN, compiled, login, prng, progress } from './lib.js'

export const PASSWORD = 'bench-user-password'

/** A JSON document of about `bytes` bytes (a form, as the API returns it). */
export function payloadOf (bytes: number): Buffer {
  const fields: object[] = []
  const doc = () => JSON.stringify({ id: '6560a1b2c3d4e5f6a7b8c9d0', title: 'Customer survey', version: 3, fields })
  while (doc().length < bytes - 120) {
    const i = fields.length
    fields.push({ name: `field_${i}`, label: `Question number ${i}`, type: i % 3 === 0 ? 'select' : 'text', required: i % 2 === 0 })
  }
  return Buffer.from(doc())
}

/**
 * The default entry limits (form_schema 1,000) hold a tenth of 10,000 forms;
 * an operator sizes them to the data set, as the workload benches do (the default limits are per deployment).
 */
export const SIZED_FOR_THE_DATA = { CACHE_MAX_ENTRIES_FORM_SCHEMA: '30000', CACHE_MAX_ENTRIES_QUERY_RESULT: '30000', CACHE_MAX_ENTRIES_API_RESPONSE: '30000' }
const WORDS = ['customer', 'employee', 'event', 'product', 'service', 'delivery', 'support', 'training', 'onboarding', 'pricing',
  'website', 'mobile', 'store', 'partner', 'quarterly', 'annual', 'feedback', 'satisfaction', 'registration', 'volunteer']
export const SEARCH_TERMS = WORDS

export const FIELDS: FormField[] = [
  { name: 'rating', label: 'How would you rate us?', type: 'select', required: true, options: ['1', '2', '3', '4', '5'] },
  { name: 'channels', label: 'How do you reach us?', type: 'checkbox', required: false, options: ['email', 'phone', 'web', 'store'] },
  { name: 'age', label: 'Your age', type: 'number', required: false },
  { name: 'comment', label: 'Anything else?', type: 'textarea', required: false }
]

export interface SeededUser { id: string, email: string, role: 'admin' | 'editor' | 'viewer' }
export interface SeededForm { id: string, ownerId: string, status: 'draft' | 'published' | 'archived', responses: number }

export interface Seed {
  users: SeededUser[]
  /** By popularity rank: forms[0] is the most read. */
  forms: SeededForm[]
}

/** Answers valid for FIELDS, varied by `random`. */
export function answers (random: () => number) {
  return {
    rating: String(1 + Math.floor(random() * 5)),
    channels: ['email', 'phone', 'web', 'store'].filter(() => random() < 0.4),
    age: 18 + Math.floor(random() * 60),
    comment: random() < 0.3 ? 'Thanks!' : ''
  }
}

/** Responses a form of popularity rank `rank` starts with (the popular ones have a history). */
const responsesAt = (rank: number) => Math.round(20 / Math.sqrt(rank + 1))

export async function seedDatabase (path: string, { forms: formCount, editors, viewers, admin }: {
  forms: number, editors: number, viewers: number, admin: { email: string, password: string }
}): Promise<Seed> {
  const { createSqliteRepositories } = await compiled<typeof import('../services/repositories/sqlite.js')>('services/repositories/sqlite.js')
  const { hashPassword } = await compiled<typeof import('../services/infra/passwords.js')>('services/infra/passwords.js')
  const repositories = createSqliteRepositories(path)
  const random = prng(42)
  progress(`seeding ${formCount.toLocaleString('en-US')} forms, ${editors + viewers + 1} users`)

  const adminHash = await hashPassword(admin.password)
  const userHash = await hashPassword(PASSWORD)
  const users: SeededUser[] = []
  const adminUser = await repositories.users.create({ email: admin.email, name: 'Bench admin', role: 'admin', password_hash: adminHash })
  users.push({ id: adminUser.id, email: admin.email, role: 'admin' })
  for (const [role, count] of [['editor', editors], ['viewer', viewers]] as const) {
    for (let i = 0; i < count; i++) {
      const email = `${role}-${i}@bench.test`
      const user = await repositories.users.create({ email, name: `${role} ${i}`, role, password_hash: userHash })
      users.push({ id: user.id, email, role })
    }
  }
  const owners = users.filter((user) => user.role === 'editor')

  // created in an order unrelated to popularity, so the popular forms are spread over the list pages
  const created: SeededForm[] = []
  for (let i = 0; i < formCount; i++) {
    const word = () => WORDS[Math.floor(random() * WORDS.length)]!
    const status = random() < 0.9 ? 'published' : random() < 0.5 ? 'draft' : 'archived'
    const form = await repositories.forms.create({
      title: `${word()} ${word()} survey ${i}`,
      description: `Tell us about the ${word()} ${word()}`,
      status,
      fields: FIELDS,
      owner_id: owners[i % owners.length]!.id
    })
    created.push({ id: form.id, ownerId: form.owner_id, status, responses: 0 })
  }
  const forms = created.map((_, rank) => created[(rank * 7919) % formCount]!)
  for (let rank = 0; rank < forms.length; rank++) {
    const form = forms[rank]!
    form.responses = responsesAt(rank)
    for (let i = 0; i < form.responses; i++) await repositories.responses.create({ form_id: form.id, form_version: 1, answers: answers(random) })
  }
  await repositories.close()
  progress(`seeded (${forms.reduce((sum, form) => sum + form.responses, 0).toLocaleString('en-US')} responses)`)
  return { users, forms }
}

/** A token for every seeded user, signed in at `base`. */
export async function signIn (data: Seed, base: string): Promise<Map<string, string>> {
  const tokens = new Map<string, string>()
  for (const user of data.users) tokens.set(user.id, await login(base, user.email, user.role === 'admin' ? ADMIN.password : PASSWORD))
  return tokens
}

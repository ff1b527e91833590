import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { pathToFileURL } from 'node:url'
import Database from 'better-sqlite3'
import { MongoClient } from 'mongodb'
import t, { type Test } from 'tap'
import { createMongoRepositories } from '../services/repositories/mongo.js'
import { createSqliteRepositories } from '../services/repositories/sqlite.js'
import { repositoryContract } from './repositories.contract.js'

/** A directory for SQLite files, removed (with the -wal and -shm files) when the test ends. */
function tempDir (test: Test): string {
  const dir = mkdtempSync(join(tmpdir(), 'forms-repositories-'))
  test.teardown(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

repositoryContract(t, 'sqlite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'forms-contract-'))
  const repositories = createSqliteRepositories(join(dir, 'forms.db'))
  return {
    repositories,
    async cleanup () {
      await repositories.close()
      rmSync(dir, { recursive: true, force: true })
    }
  }
})

const mongodbUrl = process.env.MONGODB_URL
if (mongodbUrl === undefined) {
  t.skip('mongodb repositories: MONGODB_URL is not set, the MongoDB contract did not run', () => {})
} else {
  t.test('mongodb', async (t) => {
    const client = await new MongoClient(mongodbUrl).connect()
    t.teardown(() => client.close())
    // a database of its own for every test of this run, dropped when it ends
    const run = `forms_contract_${process.pid}_${Date.now().toString(36)}`
    let opened = 0
    await repositoryContract(t, 'mongodb', async () => {
      const db = client.db(`${run}_${++opened}`)
      return { repositories: await createMongoRepositories(db), cleanup: async () => { await db.dropDatabase() } }
    })
  })
}

t.test('sqlite: data survives closing and reopening the file', async (t) => {
  const path = join(tempDir(t), 'forms.db')
  const before = createSqliteRepositories(path)
  const user = await before.users.create({ email: 'ada@example.com', name: 'Ada', role: 'admin', password_hash: 'h' })
  const form = await before.forms.create({ title: 'Kept', description: '', status: 'published', fields: [], owner_id: user.id })
  const response = await before.responses.create({ form_id: form.id, form_version: 1, answers: { a: 1 } })
  const dashboard = await before.dashboards.put(user.id, { widgets: [] })
  await before.close()

  const after = createSqliteRepositories(path)
  t.teardown(() => after.close())
  t.same(await after.users.findById(user.id), user)
  t.same(await after.forms.findById(form.id), form)
  t.same(await after.responses.findById(form.id, response.id), response)
  t.same(await after.dashboards.get(user.id), dashboard)
})

t.test('sqlite: a database from before token revocation gets the column, and its users keep their tokens (generation 0)', async (t) => {
  const path = join(tempDir(t), 'forms.db')
  const old = new Database(path)
  old.exec(`CREATE TABLE users (id TEXT PRIMARY KEY, email TEXT NOT NULL, email_key TEXT NOT NULL UNIQUE, name TEXT NOT NULL,
    role TEXT NOT NULL, password_hash TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL)`)
  const at = new Date().toISOString()
  old.prepare('INSERT INTO users VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run('a'.repeat(24), 'ada@example.com', 'ada@example.com', 'Ada', 'admin', 'h', at, at)
  old.close()

  const repositories = createSqliteRepositories(path)
  t.teardown(() => repositories.close())
  t.match(await repositories.users.findSession('a'.repeat(24)), { email: 'ada@example.com', token_generation: 0 })
  t.match(await repositories.users.revokeTokens('a'.repeat(24)), { token_generation: 1 })
  await repositories.close()
  const reopened = createSqliteRepositories(path)
  t.teardown(() => reopened.close())
  t.match(await reopened.users.findSession('a'.repeat(24)), { token_generation: 1 }, 'opening it again changes nothing')
})

t.test('sqlite: the derived data (search index, form counts, response counts) is rebuilt on open when it does not match the forms', async (t) => {
  const path = join(tempDir(t), 'forms.db')
  const owner = 'b'.repeat(24)
  const first = createSqliteRepositories(path)
  const survey = await first.forms.create({ owner_id: owner, title: 'Customer survey', description: '', status: 'published', fields: [] })
  await first.forms.create({ owner_id: owner, title: 'Event sign-up', description: '', status: 'draft', fields: [] })
  await first.responses.create({ form_id: survey.id, form_version: 1, answers: {} })
  await first.close()
  const listed = async (repositories: typeof first) => ({
    found: (await repositories.forms.list({ q: 'survey' }, { page: 1, per_page: 10 })).items.map((form) => form.id),
    total: (await repositories.forms.list({ status: 'draft' }, { page: 1, per_page: 10 })).total,
    counts: await repositories.forms.countByStatus(owner),
    answered: (await repositories.responses.countPerForm(owner, 1)).map(({ form_id: id, count }) => ({ id, count }))
  })
  const expected = { found: [survey.id], total: 1, counts: { draft: 1, published: 1, archived: 0 }, answered: [{ id: survey.id, count: 1 }] }

  for (const [what, damage] of [
    ['a database from before they existed', 'DROP TABLE forms_search; DROP TABLE form_counts; DROP INDEX forms_by_responses; DROP INDEX forms_by_responses_all; ALTER TABLE forms DROP COLUMN response_count'],
    ['rows renumbered or lost, counts wrong', 'UPDATE forms_search SET rowid = rowid + 100; UPDATE form_counts SET n = 7'],
    ['a response count wrong, nothing else', 'UPDATE forms SET response_count = 5'],
    ['a count for forms that do not exist', 'INSERT INTO form_counts VALUES (\'someone\', \'draft\', -1)']
  ] as const) {
    const raw = new Database(path)
    raw.exec(`DROP TRIGGER forms_derived_insert; DROP TRIGGER forms_search_update; DROP TRIGGER forms_counts_update; DROP TRIGGER forms_derived_delete;
      DROP TRIGGER responses_count_insert; DROP TRIGGER responses_count_delete; ${damage}`)
    raw.close()
    const reopened = createSqliteRepositories(path)
    t.same(await listed(reopened), expected, what)
    await reopened.forms.create({ owner_id: owner, title: 'Another survey', description: '', status: 'draft', fields: [] })
    t.equal((await reopened.forms.list({ q: 'survey' }, { page: 1, per_page: 10 })).total, 2, `${what}: and kept up to date again`)
    t.equal(await reopened.forms.countByOwner(owner), 3)
    await reopened.forms.delete((await reopened.forms.list({ q: 'another' }, { page: 1, per_page: 10 })).items[0]!.id)
    await reopened.close()
  }
})

t.test('sqlite: a write acknowledged before a kill -9 is on disk', async (t) => {
  const path = join(tempDir(t), 'forms.db')
  const adapter = pathToFileURL(join(import.meta.dirname, '../services/repositories/sqlite.ts')).href
  // writes one form, reports its id, then stays alive until killed
  const script = `
    const { createSqliteRepositories } = await import(${JSON.stringify(adapter)})
    const repositories = createSqliteRepositories(${JSON.stringify(path)})
    const form = await repositories.forms.create({ title: 'Survivor', description: '', status: 'draft', fields: [], owner_id: '${'a'.repeat(24)}' })
    console.log(JSON.stringify(form))
    setInterval(() => {}, 60_000)
  `
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] })
  t.teardown(() => { if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL') })
  const exited = once(child, 'exit')

  const [line] = await once(createInterface({ input: child.stdout }), 'line') as [string]
  child.kill('SIGKILL')
  const [code, signal] = await exited
  t.same({ code, signal }, { code: null, signal: 'SIGKILL' }, 'the writer died without closing the database')

  const written = JSON.parse(line)
  const reopened = createSqliteRepositories(path)
  t.teardown(() => reopened.close())
  t.same(await reopened.forms.findById(written.id), written)
})

import { join } from 'node:path'
import t, { type Test } from 'tap'
import { NO_USER_YET } from '../plugins/app/domain.js'
import { loadConfig } from '../services/infra/config.js'
import { buildLogged, login, tempDir, uniquePrefix, type Env } from './support/app.js'

/** The app on the given database, with or without the ADMIN_* variables, and its log lines. */
async function start (t: Test, sqlitePath: string, env: Env = {}) {
  const config = loadConfig({ SQLITE_PATH: sqlitePath, REDIS_KEY_PREFIX: uniquePrefix(), JWT_SECRET: 'test-secret-test-secret-test-secret-0123', ...env })
  return buildLogged<{ level: number, msg: string }>(t, config)
}

const WARN = 40

t.test('with no user and no ADMIN_* variables, the start-up log says how to create the first admin', async (t) => {
  const { lines } = await start(t, join(tempDir(t), 'forms.db'))
  const hint = lines.filter((line) => line.msg === NO_USER_YET)
  t.equal(hint.length, 1, 'one line')
  t.equal(hint[0]!.level, WARN, 'a warning: nobody can sign in')
  t.match(NO_USER_YET, /ADMIN_EMAIL.*ADMIN_PASSWORD/)
})

t.test('ADMIN_EMAIL and ADMIN_PASSWORD create the first admin, who can sign in; later starts say nothing', async (t) => {
  const sqlitePath = join(tempDir(t), 'forms.db')
  const admin = { ADMIN_EMAIL: 'first@example.test', ADMIN_PASSWORD: 'first-admin-password' }
  const first = await start(t, sqlitePath, admin)
  t.ok(first.lines.some((line) => line.msg.startsWith('created the first admin, first@example.test')))
  t.notOk(first.lines.some((line) => line.msg === NO_USER_YET))
  t.type(await login(first.app, admin.ADMIN_EMAIL, admin.ADMIN_PASSWORD), 'string')
  await first.app.close()

  const second = await start(t, sqlitePath)
  t.notOk(second.lines.some((line) => line.msg === NO_USER_YET), 'the database has a user now')
})

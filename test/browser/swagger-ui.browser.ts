// Swagger UI as an admin uses it, in headless Chromium (Debian's chromium,
// driven by playwright-core). Slow, so not part of `npm test`: run it with
// `npm run test:browser`.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import t from 'tap'
import { chromium, type Page } from 'playwright-core'
import { loginExample } from '../../schemas/examples.js'
import { build } from '../support/app.js'

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'
]

/** Expands an operation, presses "Try it out" and "Execute" with what the UI pre-filled; the status it shows. */
async function tryItOut (page: Page, tag: string, operationId: string): Promise<{ status: string, body: string }> {
  const operation = page.locator(`#operations-${tag}-${operationId}`)
  if (!await operation.locator('.try-out').isVisible()) await operation.locator('.opblock-summary').first().click()
  const tryOut = operation.locator('button.try-out__btn')
  if ((await tryOut.textContent())?.includes('Try it out') === true) await tryOut.click()
  await operation.locator('button.execute').click()
  const row = operation.locator('.live-responses-table tbody .response').first()
  await row.waitFor()
  const status = (await row.locator('.response-col_status').textContent())?.trim() ?? ''
  const body = (await row.locator('.response-col_description pre').first().textContent()) ?? ''
  // leave it as found: collapsed, so the next call starts the same way
  await operation.locator('button.btn-clear').click()
  await operation.locator('button.try-out__btn.cancel').click()
  return { status, body }
}

t.test('Swagger UI: sign in with the pre-filled login, authorize, try an admin endpoint and POST /forms, keep the authorization over a reload', async (t) => {
  // the service starts with the bootstrap admin the login example names, as the README says
  const app = await build(t, { ADMIN_EMAIL: loginExample.email, ADMIN_PASSWORD: loginExample.password })
  const base = await app.listen({ port: 0, host: '127.0.0.1' })

  const profile = mkdtempSync(join(tmpdir(), 'forms-api-chromium-'))
  const browser = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: ARGS })
  t.teardown(async () => {
    await browser.close()
    rmSync(profile, { recursive: true, force: true })
  })
  // the page talks to this server only
  const elsewhere: string[] = []
  await browser.route('**/*', (route) => {
    if (route.request().url().startsWith(base)) return route.continue()
    elsewhere.push(route.request().url())
    return route.abort()
  })
  const page = browser.pages()[0] ?? await browser.newPage()
  await page.goto(`${base}/docs`)
  await page.locator('#operations-auth-login').waitFor()

  const login = await tryItOut(page, 'auth', 'login')
  t.equal(login.status, '200', 'the pre-filled login example signs in')
  const token: unknown = JSON.parse(login.body).access_token
  t.type(token, 'string')

  const unauthorized = await tryItOut(page, 'admin', 'getCacheStats')
  t.equal(unauthorized.status, '401', 'an admin endpoint wants the token')

  await page.locator('.auth-wrapper button.authorize').click()
  const dialog = page.locator('.dialog-ux')
  await dialog.locator('input[type=text], input[type=password]').first().fill(String(token))
  await dialog.locator('button.authorize').click()
  await dialog.locator('button.btn-done').click()

  const stats = await tryItOut(page, 'admin', 'getCacheStats')
  t.equal(stats.status, '200', 'GET /api/v1/admin/cache/stats as the admin')
  t.match(JSON.parse(stats.body), { backend: String, cache_enabled: true })

  const created = await tryItOut(page, 'forms', 'createForm')
  t.equal(created.status, '201', 'POST /api/v1/forms with the pre-filled example')
  t.match(JSON.parse(created.body), { title: String, status: 'draft' })

  await page.reload()
  await page.locator('#operations-admin-getCacheStats').waitFor()
  t.equal(await page.locator('.auth-wrapper button.authorize.locked').count(), 1, 'still authorized after a reload')
  const again = await tryItOut(page, 'admin', 'getCacheStats')
  t.equal(again.status, '200', 'and the token is still sent')

  const optionalPage = page.locator('#operations-forms-listForms')
  await optionalPage.locator('.opblock-summary').first().click()
  t.equal(await optionalPage.locator('tr[data-param-name="page"] .parameter__name.required').count(), 0, 'page is optional')
  t.same(elsewhere, [], 'no request left for another host')
})

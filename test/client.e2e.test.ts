// The generated client (clients/typescript) against a real server on a free
// port, for a whole flow. Written as a client project would write it: no
// casts, no `any`, no `@ts-` comments (eslint.config.js enforces it here), so
// `npm run typecheck` proves the generated types accept valid calls.
import t from 'tap'
import { createFormsApiClient, type FormField } from '../clients/typescript/index.js'
import { ADMIN, build } from './support/app.js'

t.test('the generated client: sign in, create and publish a form, answer it anonymously, list, analytics, 304, delete', async (t) => {
  const app = await build(t)
  const baseUrl = await app.listen({ port: 0, host: '127.0.0.1' })
  const anonymous = createFormsApiClient({ baseUrl })

  const login = await anonymous.POST('/api/v1/auth/login', { body: { email: ADMIN.email, password: ADMIN.password } })
  if (login.data === undefined) throw new Error(`login failed: ${login.error.message}`)
  t.equal(login.data.token_type, 'Bearer')
  const client = createFormsApiClient({ baseUrl, headers: { Authorization: `Bearer ${login.data.access_token}` } })

  // `required` left out: the server defaults it, and the types allow it
  const fields: FormField[] = [
    { name: 'full_name', label: 'Full name', type: 'text', required: true },
    { name: 'rating', label: 'Rating', type: 'select', options: ['1', '2', '3'] }
  ]
  const created = await client.POST('/api/v1/forms', { body: { title: 'Client flow', fields } })
  if (created.data === undefined) throw new Error(`create failed: ${created.error.message}`)
  t.equal(created.response.status, 201)
  t.equal(created.data.status, 'draft')
  t.equal(created.response.headers.get('location'), `/api/v1/forms/${created.data.id}`)
  const path = { form_id: created.data.id }

  const published = await client.PATCH('/api/v1/forms/{form_id}', {
    params: { path, header: { 'If-Match': created.response.headers.get('etag') ?? '' } },
    body: { status: 'published' }
  })
  t.equal(published.data?.status, 'published')
  t.equal(published.data?.fields[1]?.required, false, 'defaulted by the server')

  const stale = await client.PATCH('/api/v1/forms/{form_id}', {
    params: { path, header: { 'If-Match': created.response.headers.get('etag') ?? '' } },
    body: { title: 'Too late' }
  })
  t.equal(stale.response.status, 412)
  t.equal(stale.error?.code, 'PRECONDITION_FAILED')

  const submitted = await anonymous.POST('/api/v1/forms/{form_id}/responses', {
    params: { path },
    body: { answers: { full_name: 'Ada Lovelace', rating: '3' } }
  })
  t.equal(submitted.response.status, 201, 'answered without a token')
  t.equal(submitted.data?.form_id, created.data.id)

  // no paging parameters: the server defaults them
  const forms = await client.GET('/api/v1/forms')
  t.match(forms.data, { page: 1, per_page: 20 })
  t.ok(forms.data?.items.some((form) => form.id === created.data.id), 'the form is listed')
  const found = await client.GET('/api/v1/forms', { params: { query: { q: 'client flow', status: 'published' } } })
  t.equal(found.data?.total, 1)

  const responses = await client.GET('/api/v1/forms/{form_id}/responses', { params: { path } })
  t.same(responses.data?.items.map((response) => response.answers.full_name), ['Ada Lovelace'])

  const analytics = await client.GET('/api/v1/forms/{form_id}/analytics', { params: { path } })
  t.equal(analytics.data?.total_responses, 1)
  t.same(analytics.data?.fields.rating, { counts: { 1: 0, 2: 0, 3: 1 } })

  const widget = await client.GET('/api/v1/dashboard/widgets/{widget_id}', { params: { path: { widget_id: 'forms_by_status' } } })
  // the discriminator narrows `data` to the widget's own shape
  if (widget.data?.widget_id !== 'forms_by_status') throw new Error('not the forms_by_status widget')
  t.equal(widget.data.data.published, 1)

  const first = await client.GET('/api/v1/forms/{form_id}', { params: { path } })
  const etag = first.response.headers.get('etag')
  t.equal(first.data?.title, 'Client flow')
  t.type(etag, 'string')
  const revalidated = await client.GET('/api/v1/forms/{form_id}', { params: { path, header: { 'If-None-Match': etag ?? '' } } })
  t.equal(revalidated.response.status, 304, 'not modified')
  t.equal(revalidated.data, undefined)
  t.equal(revalidated.error, undefined, 'a 304 is not an error')
  t.equal(revalidated.response.headers.get('etag'), etag)

  const deleted = await client.DELETE('/api/v1/forms/{form_id}', { params: { path } })
  t.equal(deleted.response.status, 204)
  const gone = await client.GET('/api/v1/forms/{form_id}', { params: { path } })
  t.equal(gone.response.status, 404)
  t.equal(gone.error?.code, 'NOT_FOUND')
})

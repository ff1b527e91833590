import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { BearerAuth, PageOf, errors, described } from '../../../../schemas/common.js'
import { Form, FormCreate, FormListQuery, FormParams, FormPatch, FormReplace, FormSchema } from '../../../../schemas/forms.js'
import { formEtag } from '../../../../services/domain/forms.js'
import { optionalUser } from '../../../../plugins/app/auth.js'
import { responseTags } from '../../../../services/caching/tags.js'

const FormRef = Type.Ref(Form)
const IfMatch = Type.Object({
  'if-match': Type.Optional(Type.String({ description: 'the ETag of the form as last read; 412 when it changed since' }))
})

// Sign-in: see autohooks.ts. A form's responses and webhooks: _form_id/.
const forms: FastifyPluginAsyncTypebox = async (fastify) => {
  const { forms } = fastify

  fastify.get('', {
    config: { cache: { kind: 'query_result', tags: responseTags.formLists } },
    schema: {
      tags: ['forms'],
      operationId: 'listForms',
      summary: 'List forms, most recently updated first',
      security: BearerAuth,
      querystring: FormListQuery,
      response: { 200: described(PageOf(FormRef), 'A page of forms, most recently updated first'), ...errors(400, 401) }
    }
  }, async (request) => forms.list(request.query))

  fastify.post('', {
    schema: {
      tags: ['forms'],
      operationId: 'createForm',
      summary: 'Create a form (editor or admin); it starts as a draft unless a status is given',
      security: BearerAuth,
      body: FormCreate,
      response: { 201: described(FormRef, 'The form, created'), ...errors(400, 401, 403) }
    }
  }, async (request, reply) => {
    const form = await forms.create(request.user, request.body)
    return reply.code(201).header('location', `/api/v1/forms/${form.id}`).header('etag', formEtag(form)).send(form)
  })

  fastify.get('/:form_id', {
    config: { cache: { tags: responseTags.form } },
    schema: {
      tags: ['forms'],
      operationId: 'getForm',
      summary: 'Get a form',
      security: BearerAuth,
      params: FormParams,
      response: { 200: described(FormRef, 'The form'), ...errors(400, 401, 404) }
    }
  }, async (request, reply) => {
    const form = await forms.get(request.params.form_id)
    return reply.header('etag', formEtag(form)).send(form)
  })

  fastify.put('/:form_id', {
    schema: {
      tags: ['forms'],
      operationId: 'replaceForm',
      summary: 'Replace a form (owner or admin); honours If-Match',
      security: BearerAuth,
      params: FormParams,
      headers: IfMatch,
      body: FormReplace,
      response: { 200: described(FormRef, 'The form as replaced'), ...errors(400, 401, 403, 404, 409, 412) }
    }
  }, async (request, reply) => {
    const form = await forms.replace(request.user, request.params.form_id, request.body, request.headers['if-match'])
    return reply.header('etag', formEtag(form)).send(form)
  })

  fastify.patch('/:form_id', {
    schema: {
      tags: ['forms'],
      operationId: 'updateForm',
      summary: 'Change some of a form\'s fields (owner or admin; owner_id: admin only); honours If-Match',
      security: BearerAuth,
      params: FormParams,
      headers: IfMatch,
      body: FormPatch,
      response: { 200: described(FormRef, 'The form as changed'), ...errors(400, 401, 403, 404, 409, 412) }
    }
  }, async (request, reply) => {
    const form = await forms.patch(request.user, request.params.form_id, request.body, request.headers['if-match'])
    return reply.header('etag', formEtag(form)).send(form)
  })

  fastify.delete('/:form_id', {
    schema: {
      tags: ['forms'],
      operationId: 'deleteForm',
      summary: 'Delete a form with its responses and webhooks (owner or admin)',
      security: BearerAuth,
      params: FormParams,
      headers: IfMatch,
      response: { 204: Type.Null({ description: 'Deleted; no body' }), ...errors(400, 401, 403, 404, 412) }
    }
  }, async (request, reply) => {
    await forms.remove(request.user, request.params.form_id, request.headers['if-match'])
    return reply.code(204).send(null)
  })

  fastify.get('/:form_id/schema', {
    config: { auth: 'optional', cache: { kind: 'form_schema', tags: responseTags.form } },
    schema: {
      tags: ['forms'],
      operationId: 'getFormSchema',
      summary: 'The form\'s field schema: public for published forms, signed-in users for the others',
      security: [{}, ...BearerAuth],
      params: FormParams,
      response: { 200: described(Type.Ref(FormSchema), 'The form\'s field schema'), ...errors(400, 401, 404) }
    }
  }, async (request, reply) => {
    const schema = await forms.schema(request.params.form_id, optionalUser(request))
    // only published schemas are public: another form is shown to signed-in users, never from the shared cache
    if (schema.status !== 'published') reply.header('cache-control', 'private, no-cache')
    return schema
  })
}

export default forms

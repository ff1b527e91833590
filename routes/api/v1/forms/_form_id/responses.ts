import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { BearerAuth, PageOf, errors, described } from '../../../../../schemas/common.js'
import { FormParams } from '../../../../../schemas/forms.js'
import { Analytics, FormResponse, ResponseListQuery, ResponseParams, ResponseSubmit } from '../../../../../schemas/responses.js'
import { optionalUser } from '../../../../../plugins/app/auth.js'
import { responseTags, tags } from '../../../../../services/caching/tags.js'

const ResponseRef = Type.Ref(FormResponse)

/**
 * Cached per user (only the owner and admins may read them): the form's responses, the
 * form (its owner decides who reads them) and the user (their role).
 */
const perUser = {
  scope: 'user' as const,
  tags: (request: { params: unknown, user: { id: string, role: string } }) =>
    [...responseTags.formResponses(request), tags.user(request.user.id)]
}

// A form's responses and the analytics computed from them (one file: the OpenAPI document lists these paths in this order).
// Sign-in: see ../autohooks.ts.
const responses: FastifyPluginAsyncTypebox = async (fastify) => {
  const { responses, config } = fastify

  fastify.post('/responses', {
    // public: limited per client (IP) instead; a token, when sent, must be valid
    config: { auth: 'optional', rateLimit: { max: config.rateLimit.responses, timeWindow: '1 minute' } },
    schema: {
      tags: ['responses'],
      operationId: 'submitResponse',
      summary: 'Answer a published form (anyone; rate limited per client)',
      description: 'The answers are validated against the form\'s current fields; each failure is a 400 naming the field. ' +
        'Draft and archived forms take no responses: 404 for an anonymous client (as for an unknown id), 409 for a signed-in user.',
      security: [{}, ...BearerAuth],
      params: FormParams,
      body: ResponseSubmit,
      response: { 201: described(ResponseRef, 'The response, recorded'), ...errors(400, 401, 404, 409, 429) }
    }
  }, async (request, reply) => {
    const response = await responses.submit(request.params.form_id, request.body.answers, optionalUser(request))
    return reply.code(201).header('location', `/api/v1/forms/${response.form_id}/responses/${response.id}`).send(response)
  })

  fastify.get('/responses', {
    config: { cache: { kind: 'query_result', ...perUser } },
    schema: {
      tags: ['responses'],
      operationId: 'listResponses',
      summary: 'List a form\'s responses, newest first (the form\'s owner or an admin: answers are personal data)',
      security: BearerAuth,
      params: FormParams,
      querystring: ResponseListQuery,
      response: { 200: described(PageOf(ResponseRef), 'A page of responses, newest first'), ...errors(400, 401, 403, 404) }
    }
  }, async (request) => responses.list(request.user, request.params.form_id, request.query))

  fastify.get('/responses/:response_id', {
    config: { cache: perUser },
    schema: {
      tags: ['responses'],
      operationId: 'getResponse',
      summary: 'Get a response (the form\'s owner or an admin)',
      security: BearerAuth,
      params: ResponseParams,
      response: { 200: described(ResponseRef, 'The response'), ...errors(400, 401, 403, 404) }
    }
  }, async (request) => responses.get(request.user, request.params.form_id, request.params.response_id))

  fastify.put('/responses/:response_id', {
    schema: {
      tags: ['responses'],
      operationId: 'replaceResponse',
      summary: 'Replace a response\'s answers (the form\'s owner or an admin)',
      description: 'Validated against the form\'s current fields, whatever its status; the response then records the current form version.',
      security: BearerAuth,
      params: ResponseParams,
      body: ResponseSubmit,
      response: { 200: described(ResponseRef, 'The response with its new answers'), ...errors(400, 401, 403, 404) }
    }
  }, async (request) => {
    const { form_id: formId, response_id: responseId } = request.params
    return responses.update(request.user, formId, responseId, request.body.answers)
  })

  fastify.get('/analytics', {
    // per user, as the responses it is computed from
    config: { cache: { kind: 'query_result', ...perUser } },
    schema: {
      tags: ['responses'],
      operationId: 'getFormAnalytics',
      summary: 'A form\'s response analytics: totals, the last 30 days, per-field summaries (the form\'s owner or an admin)',
      security: BearerAuth,
      params: FormParams,
      response: { 200: described(Type.Ref(Analytics), 'The form\'s analytics'), ...errors(400, 401, 403, 404) }
    }
  }, async (request) => responses.analytics(request.user, request.params.form_id))
}

export default responses

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { BearerAuth, errors, described } from '../../../../schemas/common.js'
import { FormParams } from '../../../../schemas/forms.js'
import { Analytics } from '../../../../schemas/responses.js'
import { responseTags, tags } from '../../../../services/caching/tags.js'

const analytics: FastifyPluginAsyncTypebox = async (fastify) => {
  const { responses, authenticate } = fastify

  fastify.get('/:form_id/analytics', {
    onRequest: authenticate,
    // per user: only the owner and admins may read it (the user tag: their role)
    config: { cache: { kind: 'query_result', scope: 'user', tags: (request) => [...responseTags.formResponses(request), tags.user(request.user.id)] } },
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

export default analytics

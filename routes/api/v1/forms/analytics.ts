import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { BearerAuth, errors, described } from '../../../../schemas/common.js'
import { FormParams } from '../../../../schemas/forms.js'
import { Analytics } from '../../../../schemas/responses.js'
import { responseTags } from '../../../../services/tags.js'

const analytics: FastifyPluginAsyncTypebox = async (fastify) => {
  const { responses, authenticate } = fastify

  fastify.get('/:form_id/analytics', {
    onRequest: authenticate,
    config: { cache: { kind: 'query_result', tags: responseTags.formResponses } },
    schema: {
      tags: ['responses'],
      operationId: 'getFormAnalytics',
      summary: 'A form\'s response analytics: totals, the last 30 days, per-field summaries',
      security: BearerAuth,
      params: FormParams,
      response: { 200: described(Type.Ref(Analytics), 'The form\'s analytics'), ...errors(400, 401, 404) }
    }
  }, async (request) => responses.analytics(request.params.form_id))
}

export default analytics

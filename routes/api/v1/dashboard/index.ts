import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { BearerAuth, errors } from '../../../../schemas/common.js'
import { DashboardLayout, UserDashboard, Widget, WidgetInfo, WidgetParams } from '../../../../schemas/dashboards.js'
import { responseTags } from '../../../../services/tags.js'

const UserDashboardRef = Type.Ref(UserDashboard)

const dashboard: FastifyPluginAsyncTypebox = async (fastify) => {
  const { dashboards } = fastify

  fastify.get('', {
    config: { cache: { scope: 'user', tags: responseTags.dashboard } },
    schema: {
      tags: ['dashboard'],
      summary: 'The signed-in user\'s dashboard layout (every widget, until they save one)',
      security: BearerAuth,
      response: { 200: UserDashboardRef, ...errors(401) }
    }
  }, async (request) => dashboards.get(request.user))

  fastify.put('', {
    schema: {
      tags: ['dashboard'],
      summary: 'Save the signed-in user\'s dashboard layout; each widget at most once',
      security: BearerAuth,
      body: DashboardLayout,
      response: { 200: UserDashboardRef, ...errors(400, 401) }
    }
  }, async (request) => dashboards.save(request.user, request.body))

  fastify.get('/widgets', {
    config: { cache: {} },
    schema: {
      tags: ['dashboard'],
      summary: 'The widgets a dashboard can show',
      security: BearerAuth,
      response: { 200: Type.Array(WidgetInfo), ...errors(401) }
    }
  }, async () => dashboards.widgets())

  fastify.get('/widgets/:widget_id', {
    config: { cache: { kind: 'dashboard_widget', scope: 'user', tags: responseTags.widgets } },
    schema: {
      tags: ['dashboard'],
      summary: 'A widget\'s data over the signed-in user\'s forms (an admin\'s: all forms)',
      description: 'A well-formed but unknown widget id is a 404 (like any unknown resource); a malformed one a 400.',
      security: BearerAuth,
      params: WidgetParams,
      response: { 200: Type.Ref(Widget), ...errors(400, 401, 404) }
    }
  }, async (request) => dashboards.widget(request.user, request.params.widget_id))
}

export default dashboard

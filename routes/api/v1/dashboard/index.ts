import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { BearerAuth, PageOf, PagingQuery, errors, described } from '../../../../schemas/common.js'
import { DashboardLayout, UserDashboard, Widget, WidgetInfo, WidgetParams } from '../../../../schemas/dashboards.js'
import { responseTags } from '../../../../services/caching/tags.js'

const UserDashboardRef = Type.Ref(UserDashboard)

const dashboard: FastifyPluginAsyncTypebox = async (fastify) => {
  const { dashboards } = fastify

  fastify.get('', {
    config: { cache: { scope: 'user', tags: responseTags.dashboard } },
    schema: {
      tags: ['dashboard'],
      operationId: 'getDashboard',
      summary: 'The signed-in user\'s dashboard layout (every widget, until they save one)',
      security: BearerAuth,
      response: { 200: described(UserDashboardRef, 'The layout (the default one until the user saves theirs)'), ...errors(401) }
    }
  }, async (request) => dashboards.get(request.user))

  fastify.put('', {
    schema: {
      tags: ['dashboard'],
      operationId: 'saveDashboard',
      summary: 'Save the signed-in user\'s dashboard layout; each widget at most once',
      security: BearerAuth,
      body: DashboardLayout,
      response: { 200: described(UserDashboardRef, 'The layout as saved'), ...errors(400, 401) }
    }
  }, async (request) => dashboards.save(request.user, request.body))

  fastify.get('/widgets', {
    config: { cache: {} },
    schema: {
      tags: ['dashboard'],
      operationId: 'listWidgets',
      summary: 'The widgets a dashboard can show',
      security: BearerAuth,
      querystring: Type.Object(PagingQuery, { additionalProperties: false }),
      response: { 200: described(PageOf(WidgetInfo), 'A page of the widget catalogue, in the default layout\'s order'), ...errors(400, 401) }
    }
  }, async (request) => dashboards.widgets(request.query))

  fastify.get('/widgets/:widget_id', {
    config: { cache: { kind: 'dashboard_widget', scope: 'user', tags: responseTags.widgets } },
    schema: {
      tags: ['dashboard'],
      operationId: 'getWidget',
      summary: 'A widget\'s data over the signed-in user\'s forms (an admin\'s: all forms)',
      description: 'A well-formed but unknown widget id is a 404 (like any unknown resource); a malformed one a 400.',
      security: BearerAuth,
      params: WidgetParams,
      response: { 200: described(Type.Ref(Widget), 'The widget\'s data'), ...errors(400, 401, 404) }
    }
  }, async (request) => dashboards.widget(request.user, request.params.widget_id))
}

export default dashboard

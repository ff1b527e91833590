import type { Page, Paging } from '../../schemas/common.js'
import type { DashboardLayout, UserDashboard, Widget, WidgetInfo } from '../../schemas/dashboards.js'
import type { User } from '../../schemas/users.js'
import { BadRequestError, NotFoundError } from '../infra/errors.js'
import type { EventBus } from '../infra/events.js'
import type { Repositories } from '../repositories/port.js'
import { createWidgetLoaders, isWidgetId, WIDGETS, type WidgetScope } from './widgets.js'

export interface DashboardServiceDeps {
  repositories: Repositories
  events: EventBus
  now?: () => Date
}

/** Every widget, two per row on a 12-column grid: what a user sees before saving a layout. */
export const DEFAULT_LAYOUT: DashboardLayout = {
  widgets: WIDGETS.map((widget, i) => ({ widget_id: widget.id, x: (i % 2) * 6, y: Math.floor(i / 2) * 4, w: 6, h: 4 }))
}

/** Admins see every form; everyone else their own. */
export function widgetScope (user: User): WidgetScope {
  return user.role === 'admin' ? undefined : user.id
}

/** A widget placed twice is a mistake the JSON schema cannot see. */
function validateLayout (layout: DashboardLayout): void {
  const seen = new Set<string>()
  layout.widgets.forEach((placement, i) => {
    if (seen.has(placement.widget_id)) throw new BadRequestError(`widgets[${i}] "${placement.widget_id}": this widget is already placed`)
    seen.add(placement.widget_id)
  })
}

export function createDashboardService ({ repositories, events, now = () => new Date() }: DashboardServiceDeps) {
  const { dashboards } = repositories
  const loaders = createWidgetLoaders(repositories, now)

  return {
    async get (user: User): Promise<UserDashboard> {
      const saved = await dashboards.get(user.id)
      return saved ?? { user_id: user.id, layout: DEFAULT_LAYOUT, updated_at: null }
    },

    async save (user: User, layout: DashboardLayout): Promise<UserDashboard> {
      validateLayout(layout)
      const updated = events.prepare('dashboard.updated', () => ({ user_id: user.id }))
      const saved = await dashboards.put(user.id, layout, updated.owed)
      await updated.emit()
      return saved
    },

    /** The catalogue, paged like every list. */
    widgets ({ page, per_page: perPage }: Paging): Page<WidgetInfo> {
      const start = (page - 1) * perPage
      return { items: WIDGETS.slice(start, start + perPage), page, per_page: perPage, total: WIDGETS.length }
    },

    /** Unknown ids are a 404, like any other unknown resource. */
    async widget (user: User, widgetId: string): Promise<Widget> {
      if (!isWidgetId(widgetId)) throw new NotFoundError('Widget')
      return { ...await loaders[widgetId](widgetScope(user)), generated_at: now().toISOString() }
    }
  }
}

export type DashboardService = ReturnType<typeof createDashboardService>

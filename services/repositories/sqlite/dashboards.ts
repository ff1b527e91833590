import type { Dashboard } from '../../../schemas/dashboards.js'
import type { Repositories } from '../port.js'
import { insertChild, now, type SqliteContext } from './context.js'

export function createSqliteDashboards ({ prepare, atomically }: SqliteContext): Repositories['dashboards'] {
  return {
    async get (userId) {
      const row = prepare<[string], { user_id: string, layout: string, updated_at: string }>(
        'SELECT * FROM dashboards WHERE user_id = ?').get(userId)
      return row === undefined ? null : { user_id: row.user_id, layout: JSON.parse(row.layout), updated_at: row.updated_at }
    },

    async put (userId, layout, owed) {
      const dashboard: Dashboard = { user_id: userId, layout, updated_at: now() }
      return atomically(() => {
        insertChild('User', () => prepare(`INSERT INTO dashboards (user_id, layout, updated_at) VALUES (?, ?, ?)
          ON CONFLICT (user_id) DO UPDATE SET layout = excluded.layout, updated_at = excluded.updated_at`)
          .run(userId, JSON.stringify(layout), dashboard.updated_at))
        return dashboard
      }, owed)
    }
  }
}

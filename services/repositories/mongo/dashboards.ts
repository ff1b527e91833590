import { ObjectId } from 'mongodb'
import type { Repositories } from '../port.js'
import { idMatch } from './queries.js'
import { iso, type MongoContext } from './context.js'
import type { Dashboard } from '../../../schemas/dashboards.js'

export function createMongoDashboards ({ dashboards, users, atomically, requireParent }: MongoContext): Repositories['dashboards'] {
  return {
    async get (userId) {
      const doc = await dashboards.findOne({ _id: idMatch(userId) })
      return doc === null ? null : { user_id: doc._id.toHexString(), layout: doc.layout, updated_at: iso(doc.updated_at) }
    },

    async put (userId, layout, owed) {
      const at = new Date()
      return atomically(async (session) => {
        await requireParent(users, userId, 'User', session)
        await dashboards.updateOne({ _id: ObjectId.createFromHexString(userId) }, { $set: { layout, updated_at: at } }, { upsert: true, session })
        return { user_id: userId, layout, updated_at: iso(at) } satisfies Dashboard
      }, owed)
    }
  }
}

import { ObjectId } from 'mongodb'
import type { DayCount, FormResponseCount, Repositories } from '../port.js'
import { analyticsPipeline, analyticsResult, countPerFormPipeline, idMatch, perDayAggregation, recentAggregation, RESPONSE_ORDER, sinceDate, type ResponseDoc } from './queries.js'
import { iso, type MongoContext } from './context.js'
import type { FormResponse } from '../../../schemas/responses.js'

const toResponse = (doc: ResponseDoc): FormResponse => ({
  id: doc._id.toHexString(),
  form_id: doc.form_id.toHexString(),
  form_version: doc.form_version,
  answers: doc.answers,
  submitted_at: iso(doc.submitted_at),
  updated_at: iso(doc.updated_at)
})

export function createMongoResponses ({ responses, forms, atomically, requireParent, aggregate }: MongoContext): Repositories['responses'] {
  return {
    async create (input, owed) {
      const at = new Date()
      const doc: ResponseDoc = {
        _id: new ObjectId(),
        form_id: ObjectId.createFromHexString(input.form_id),
        form_version: input.form_version,
        answers: input.answers,
        submitted_at: at,
        updated_at: at
      }
      return atomically(async (session) => {
        await requireParent(forms, input.form_id, 'Form', session)
        await responses.insertOne(doc, { session })
        return toResponse(doc)
      }, owed)
    },

    async findById (formId, id) {
      const doc = await responses.findOne({ _id: idMatch(id), form_id: idMatch(formId) })
      return doc === null ? null : toResponse(doc)
    },

    async list (formId, { page, per_page: perPage }) {
      const query = { form_id: idMatch(formId) }
      const [docs, total] = await Promise.all([
        responses.find(query).sort(RESPONSE_ORDER).skip((page - 1) * perPage).limit(perPage).toArray(),
        responses.countDocuments(query)
      ])
      return { items: docs.map(toResponse), total }
    },

    async update (formId, id, changes, owed) {
      return atomically(async (session) => {
        const doc = await responses.findOneAndUpdate(
          { _id: idMatch(id), form_id: idMatch(formId) },
          { $set: { answers: changes.answers, form_version: changes.form_version, updated_at: new Date() } },
          { returnDocument: 'after', session }
        )
        return doc === null ? null : toResponse(doc)
      }, owed)
    },

    async analytics (formId, fields, since) {
      // $facet yields exactly one document, even for a form without responses
      const [doc] = await responses.aggregate(analyticsPipeline(formId, fields, sinceDate(since))).toArray()
      return analyticsResult(doc ?? {}, fields)
    },

    async countPerForm (ownerId, limit) {
      const rows = await forms.aggregate<Omit<FormResponseCount, 'form_id'> & { form_id: ObjectId }>(
        countPerFormPipeline(ownerId, limit)).toArray()
      return rows.map((row) => ({ form_id: row.form_id.toHexString(), title: row.title, count: row.count }))
    },

    async recent (ownerId, limit) {
      const rows = await aggregate<ResponseDoc & { form_title: string }>(recentAggregation(ownerId, limit))
      return rows.map((row) => ({ ...toResponse(row), form_title: row.form_title }))
    },

    perDay (ownerId, since) {
      return aggregate<DayCount>(perDayAggregation(ownerId, sinceDate(since)))
    }
  }
}

import type { Page, Paging } from '../../schemas/common.js'
import type { Form } from '../../schemas/forms.js'
import type { Analytics, Answers, FormResponse } from '../../schemas/responses.js'
import type { User } from '../../schemas/users.js'
import { formAnalytics } from './analytics.js'
import { validateAnswers } from './answers.js'
import { ConflictError, ForbiddenError, NotFoundError } from '../infra/errors.js'
import type { EventBus } from '../infra/events.js'
import { canEdit } from './forms.js'
import type { Repositories } from '../repositories/port.js'

export interface ResponseServiceDeps {
  repositories: Repositories
  events: EventBus
  /** The form answers are validated against (FormService.loadForm, where the schema cache goes). */
  loadForm: (formId: string) => Promise<Form>
  now?: () => Date
}

export function createResponseService ({ repositories, events, loadForm, now = () => new Date() }: ResponseServiceDeps) {
  const { responses } = repositories

  /** Answers are personal data: a form's responses, and what is computed from them, are its owner's and the admins'. */
  async function readableForm (actor: User, formId: string): Promise<Form> {
    const form = await loadForm(formId)
    if (!canEdit(actor, form)) throw new ForbiddenError('Only the form\'s owner or an admin may see its responses')
    return form
  }

  return {
    /**
     * Anyone may answer a published form. Drafts and archived forms take no
     * responses: to an anonymous client they do not exist (404, as an unknown
     * id: nothing tells it the form is there), a signed-in user, who may read
     * the form anyway, is told why (409).
     */
    async submit (formId: string, answers: Answers, viewer: User | null = null): Promise<FormResponse> {
      const form = await loadForm(formId)
      if (form.status !== 'published') {
        if (viewer === null) throw new NotFoundError('Form')
        throw new ConflictError(`The form is ${form.status}: only published forms accept responses`)
      }
      validateAnswers(form.fields, answers)
      const submitted = events.prepare('response.submitted', (response: FormResponse) => ({ form, response }))
      const response = await responses.create({ form_id: form.id, form_version: form.version, answers }, submitted.owed)
      await submitted.emit()
      return response
    },

    /** Newest first; the form's owner or an admin. */
    async list (actor: User, formId: string, paging: Paging): Promise<Page<FormResponse>> {
      await readableForm(actor, formId)
      const { items, total } = await responses.list(formId, paging)
      return { items, page: paging.page, per_page: paging.per_page, total }
    },

    /** The form's owner or an admin. */
    async get (actor: User, formId: string, id: string): Promise<FormResponse> {
      await readableForm(actor, formId)
      const response = await responses.findById(formId, id)
      if (response === null) throw new NotFoundError('Response')
      return response
    },

    /** Owner or admin; the new answers are validated against the form as it is now, and its version recorded. */
    async update (actor: User, formId: string, id: string, answers: Answers): Promise<FormResponse> {
      const form = await loadForm(formId)
      if (!canEdit(actor, form)) throw new ForbiddenError('Only the form\'s owner or an admin may change its responses')
      validateAnswers(form.fields, answers)
      const updated = events.prepare('response.updated', (response: FormResponse) => ({ form, response }))
      const response = await responses.update(formId, id, { answers, form_version: form.version }, updated.owed)
      if (response === null) throw new NotFoundError('Response')
      await updated.emit()
      return response
    },

    /** The form's owner or an admin: counts of answers are data about the respondents. */
    async analytics (actor: User, formId: string): Promise<Analytics> {
      return formAnalytics(responses, await readableForm(actor, formId), now())
    }
  }
}

export type ResponseService = ReturnType<typeof createResponseService>

import type { Page } from '../../schemas/common.js'
import type { Form, FormField, FormListQuery, FormSchema, FormStatus } from '../../schemas/forms.js'
import type { User } from '../../schemas/users.js'
import { ifMatchPasses } from '../caching/conditional.js'
import { BadRequestError, ConflictError, ForbiddenError, NotFoundError, PreconditionFailedError } from '../infra/errors.js'
import type { EventBus } from '../infra/events.js'
import { validateFields } from './fields.js'
import type { FormChanges, Repositories } from '../repositories/port.js'
import type { CacheService } from '../cache/cache-service.js'
import { cacheEntries } from '../caching/cache-entries.js'

export interface FormInput {
  title: string
  description?: string
  status?: FormStatus
  fields?: FormField[]
}

export type FormPatch = Partial<FormInput> & { owner_id?: string }

export interface FormServiceDeps {
  repositories: Repositories
  events: EventBus
  cache: Pick<CacheService, 'getOrSet'>
}

/** A strong validator of the form's current representation: it changes exactly when `version` does. */
export function formEtag (form: Pick<Form, 'id' | 'version'>): string {
  return `"${form.id}-${form.version}"`
}

export function toFormSchema (form: Form): FormSchema {
  return { form_id: form.id, title: form.title, description: form.description, status: form.status, version: form.version, fields: form.fields }
}

export function canEdit (actor: User, form: Form): boolean {
  return actor.role === 'admin' || (actor.role === 'editor' && form.owner_id === actor.id)
}

// Concurrent writers without If-Match: re-read and re-apply a few times before giving up.
const MAX_ATTEMPTS = 3

export function createFormService ({ repositories, events, cache }: FormServiceDeps) {
  const { forms, users } = repositories

  async function get (id: string): Promise<Form> {
    const form = await forms.findById(id)
    if (form === null) throw new NotFoundError('Form')
    return form
  }

  function assertCanEdit (actor: User, form: Form) {
    if (!canEdit(actor, form)) throw new ForbiddenError('Only the owner or an admin may change this form')
  }

  /** Read, check rights and If-Match, write with the read version; retried when another write got in between. */
  async function change (actor: User, id: string, ifMatch: string | undefined, compute: (form: Form) => Promise<FormChanges> | FormChanges) {
    for (let attempt = 1; ; attempt++) {
      const before = await get(id)
      assertCanEdit(actor, before)
      if (!ifMatchPasses(ifMatch, formEtag(before))) {
        throw new PreconditionFailedError('The form has changed since it was read (If-Match does not match its ETag)')
      }
      const updated = events.prepare('form.updated', (form: Form) => ({ before, form }))
      const form = await forms.update(id, await compute(before), before.version, updated.owed)
      if (form !== null) {
        await updated.emit()
        return form
      }
      if (ifMatch !== undefined) throw new PreconditionFailedError('The form was changed concurrently (If-Match no longer matches)')
      if (attempt === MAX_ATTEMPTS) throw new ConflictError('The form is being changed concurrently; retry')
    }
  }

  async function checkOwnerChange (actor: User, ownerId: string | undefined) {
    if (ownerId === undefined) return
    if (actor.role !== 'admin') throw new ForbiddenError('Only an admin may reassign a form')
    if (await users.findById(ownerId) === null) throw new BadRequestError('owner_id: no such user')
  }

  /**
   * The form as answer validation reads it, through the form_schema cache.
   * Writes read through `get`, fresh.
   */
  function loadForm (id: string): Promise<Form> {
    const entry = cacheEntries.form(id)
    return cache.getOrSet(entry.kind, entry.key, () => get(id), { tags: entry.tags })
  }

  return {
    get,
    loadForm,

    async list (query: FormListQuery): Promise<Page<Form>> {
      const { page, per_page: perPage, ...filter } = query
      const { items, total } = await forms.list(filter, { page, per_page: perPage })
      return { items, page, per_page: perPage, total }
    },

    /**
     * The field schema: public for published forms, for signed-in users otherwise.
     * An anonymous read is of a published form, whose response the schema route
     * caches under form_schema: the form is read fresh, so the kind holds one copy
     * of it, not two. A signed-in read may be of a draft, whose response is not
     * cached (it is private): the form comes from the form cache, so that it is
     * still answered while the database is unavailable.
     */
    async schema (id: string, viewer: User | null): Promise<FormSchema> {
      const form = viewer === null ? await get(id) : await loadForm(id)
      if (form.status !== 'published' && viewer === null) throw new NotFoundError('Form')
      return toFormSchema(form)
    },

    async create (actor: User, input: FormInput): Promise<Form> {
      if (actor.role === 'viewer') throw new ForbiddenError('Viewers cannot create forms')
      const fields = input.fields ?? []
      validateFields(fields)
      const created = events.prepare('form.created', (form: Form) => ({ form }))
      const form = await forms.create({
        title: input.title,
        description: input.description ?? '',
        status: input.status ?? 'draft',
        fields,
        owner_id: actor.id
      }, created.owed)
      await created.emit()
      return form
    },

    replace (actor: User, id: string, input: Required<Pick<FormInput, 'title' | 'status' | 'fields'>> & FormInput, ifMatch?: string) {
      validateFields(input.fields)
      return change(actor, id, ifMatch, () => ({
        title: input.title, description: input.description ?? '', status: input.status, fields: input.fields
      }))
    },

    async patch (actor: User, id: string, input: FormPatch, ifMatch?: string) {
      if (input.fields !== undefined) validateFields(input.fields)
      await checkOwnerChange(actor, input.owner_id)
      return change(actor, id, ifMatch, () => input)
    },

    async remove (actor: User, id: string, ifMatch?: string): Promise<void> {
      const form = await get(id)
      assertCanEdit(actor, form)
      if (!ifMatchPasses(ifMatch, formEtag(form))) throw new PreconditionFailedError('The form has changed since it was read (If-Match does not match its ETag)')
      // form.deleted goes to the webhooks the delete removes: the repository records it before the cascade
      const deleted = events.prepare('form.deleted', () => ({ form }))
      if (!await forms.delete(id, deleted.owed)) throw new NotFoundError('Form')
      await deleted.emit()
    }
  }
}

export type FormService = ReturnType<typeof createFormService>

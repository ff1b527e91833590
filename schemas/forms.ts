import { Type, type Static } from '@sinclair/typebox'
import { ObjectIdString, PagingQuery, Timestamp } from './common.js'
import { formCreateExample, formPatchExample, formReplaceExample } from './examples.js'

export const FormStatus = Type.Union([
  Type.Literal('draft'), Type.Literal('published'), Type.Literal('archived')
])
export type FormStatus = Static<typeof FormStatus>

export const FieldType = Type.Union([
  Type.Literal('text'), Type.Literal('textarea'), Type.Literal('number'), Type.Literal('email'),
  Type.Literal('date'), Type.Literal('select'), Type.Literal('checkbox')
])
export type FieldType = Static<typeof FieldType>

export const MAX_FIELDS = 200

export const FormField = Type.Object({
  name: Type.String({ pattern: '^[a-z][a-z0-9_]{0,63}$' }),
  label: Type.String({ minLength: 1, maxLength: 200 }),
  type: FieldType,
  required: Type.Boolean({ default: false }),
  options: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 200 }), {
    minItems: 1, maxItems: 100, description: 'required for select and checkbox fields'
  }))
}, { additionalProperties: false, $id: 'FormField', title: 'FormField' })
export type FormField = Static<typeof FormField>

const Title = Type.String({ minLength: 1, maxLength: 200 })
const Description = Type.String({ maxLength: 2000 })
const Fields = Type.Array(Type.Ref(FormField), { maxItems: MAX_FIELDS })

export const Form = Type.Object({
  id: ObjectIdString,
  title: Title,
  description: Description,
  status: FormStatus,
  fields: Fields,
  owner_id: ObjectIdString,
  version: Type.Integer({ minimum: 1, description: 'incremented on every change' }),
  created_at: Timestamp,
  updated_at: Timestamp
}, { $id: 'Form', title: 'Form' })
export type Form = Static<typeof Form>

export const FormCreate = Type.Object({
  title: Title,
  description: Type.Optional(Description),
  status: Type.Optional(FormStatus),
  fields: Type.Optional(Fields)
}, { additionalProperties: false, examples: [formCreateExample] })

export const FormReplace = Type.Object({
  title: Title,
  description: Type.Optional(Description),
  status: FormStatus,
  fields: Fields
}, { additionalProperties: false, examples: [formReplaceExample] })

export const FormPatch = Type.Object({
  title: Type.Optional(Title),
  description: Type.Optional(Description),
  status: Type.Optional(FormStatus),
  fields: Type.Optional(Fields),
  owner_id: Type.Optional(Type.String({ pattern: '^[0-9a-f]{24}$', description: 'admins only: reassign the form to another user' }))
}, { additionalProperties: false, minProperties: 1, examples: [formPatchExample] })

/** The part of a form that answers are validated against (the form_schema cache kind). */
export const FormSchema = Type.Object({
  form_id: ObjectIdString,
  title: Title,
  description: Description,
  status: FormStatus,
  version: Type.Integer({ minimum: 1 }),
  fields: Fields
}, { $id: 'FormSchema', title: 'FormSchema' })
export type FormSchema = Static<typeof FormSchema>

export const FormParams = Type.Object({ form_id: ObjectIdString })

export const FormListQuery = Type.Object({
  status: Type.Optional(FormStatus),
  q: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'case-insensitive literal substring of title or description' })),
  ...PagingQuery
}, { additionalProperties: false })
export type FormListQuery = Static<typeof FormListQuery>

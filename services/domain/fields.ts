import type { FormField } from '../../schemas/forms.js'
import { BadRequestError } from '../infra/errors.js'

const CHOICE_TYPES = new Set(['select', 'checkbox'])

/**
 * Rules the JSON schema cannot express: unique field names, options exactly
 * for select/checkbox fields, unique options. The error names the field.
 */
export function validateFields (fields: FormField[]): void {
  const seen = new Set<string>()
  fields.forEach((field, i) => {
    const where = `fields[${i}] "${field.name}"`
    if (seen.has(field.name)) throw new BadRequestError(`${where}: duplicate field name`)
    seen.add(field.name)
    if (CHOICE_TYPES.has(field.type)) {
      if (field.options === undefined) throw new BadRequestError(`${where}: options are required for ${field.type} fields`)
      if (new Set(field.options).size !== field.options.length) throw new BadRequestError(`${where}: duplicate option`)
    } else if (field.options !== undefined) {
      throw new BadRequestError(`${where}: options are only allowed for select and checkbox fields`)
    }
  })
}

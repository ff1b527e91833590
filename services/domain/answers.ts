import type { FormField } from '../../schemas/forms.js'
import type { AnswerValue, Answers } from '../../schemas/responses.js'
import { BadRequestError } from '../infra/errors.js'

// Answers checked against the form's current field definitions. The JSON
// schema of the request only knows answer values in general (string, number,
// boolean, array of strings); the per-field rules live here. Each error names the field
// (`answers.age: must be a number`) and the first failure wins, as elsewhere.

const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** A real calendar day written YYYY-MM-DD (2024-02-30 is not). */
export function isIsoDate (value: string): boolean {
  const match = ISO_DATE.exec(value)
  if (match === null) return false
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const date = new Date(Date.UTC(year, month - 1, day))
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
}

/** Nothing was given: absent, a blank string or no option ticked. */
function isBlank (value: AnswerValue | undefined): boolean {
  if (value === undefined) return true
  if (typeof value === 'string') return value.trim() === ''
  return Array.isArray(value) && value.length === 0
}

interface Problem { message: string, index?: number }

/** Why `value` does not fit `field` (with the offending array index), or null when it fits. */
function problem (field: FormField, value: AnswerValue): Problem | null {
  const options = new Set(field.options ?? [])
  switch (field.type) {
    case 'text':
    case 'textarea':
      return typeof value === 'string' ? null : { message: 'must be a string' }
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? null : { message: 'must be a number' }
    case 'email':
      return typeof value === 'string' && value.length <= 254 && EMAIL.test(value) ? null : { message: 'must be an email address' }
    case 'date':
      return typeof value === 'string' && isIsoDate(value) ? null : { message: 'must be an ISO date (YYYY-MM-DD)' }
    case 'select':
      return typeof value === 'string' && options.has(value) ? null : { message: 'must be one of the field\'s options' }
    case 'checkbox': {
      if (!Array.isArray(value)) return { message: 'must be an array of the field\'s options' }
      const seen = new Set<string>()
      for (const [index, option] of value.entries()) {
        if (!options.has(option)) return { index, message: 'must be one of the field\'s options' }
        if (seen.has(option)) return { index, message: 'is a duplicate option' }
        seen.add(option)
      }
      return null
    }
  }
}

/**
 * Throws a BadRequestError naming the first field whose answer is unknown,
 * missing while required, or of the wrong type or value.
 */
export function validateAnswers (fields: FormField[], answers: Answers): void {
  const byName = new Map(fields.map((field) => [field.name, field]))
  for (const name of Object.keys(answers)) {
    if (!byName.has(name)) throw new BadRequestError(`answers.${name}: not a field of this form`)
  }
  for (const field of fields) {
    // a field named `constructor` left out is absent, not Object's constructor
    const value = Object.hasOwn(answers, field.name) ? answers[field.name] : undefined
    if (isBlank(value)) {
      if (field.required) throw new BadRequestError(`answers.${field.name}: is required`)
      if (value === undefined) continue
    }
    const found = problem(field, value!)
    if (found !== null) {
      const at = found.index === undefined ? '' : `[${found.index}]`
      throw new BadRequestError(`answers.${field.name}${at}: ${found.message}`)
    }
  }
}

import { globProblem } from '../cache/glob.js'
import { BadRequestError } from '../infra/errors.js'

export const MAX_PATTERN_LENGTH = 200

// C0 controls and DEL: nothing a key of ours contains, and trouble in logs and terminals.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/

/**
 * Checks a glob an admin sent for pattern invalidation. It is matched below
 * the key prefix (the cache service prepends it), so it cannot reach another
 * application's keys; this refuses what cannot be a sensible pattern, and what
 * Redis would read differently from what it seems to say (an unclosed `[`, a
 * range out of order, ...), since Redis' reading is the one that deletes keys.
 */
export function assertCachePattern (pattern: string): void {
  if (pattern.length === 0) throw new BadRequestError('pattern: must not be empty')
  if (pattern.length > MAX_PATTERN_LENGTH) throw new BadRequestError(`pattern: at most ${MAX_PATTERN_LENGTH} characters`)
  if (CONTROL_CHARACTER.test(pattern)) throw new BadRequestError('pattern: must not contain control characters')
  const problem = globProblem(pattern)
  if (problem !== null) throw new BadRequestError(`pattern: ${problem}`)
}

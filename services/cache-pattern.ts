import { globToRegExp } from './cache/keys.js'
import { BadRequestError } from './errors.js'

export const MAX_PATTERN_LENGTH = 200

// C0 controls and DEL: nothing a key of ours contains, and trouble in logs and terminals.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/

/**
 * Checks a glob an admin sent for pattern invalidation. It is matched below
 * the key prefix (the cache service prepends it), so it cannot reach another
 * application's keys; this only refuses what cannot be a sensible pattern.
 */
export function assertCachePattern (pattern: string): void {
  if (pattern.length === 0) throw new BadRequestError('pattern: must not be empty')
  if (pattern.length > MAX_PATTERN_LENGTH) throw new BadRequestError(`pattern: at most ${MAX_PATTERN_LENGTH} characters`)
  if (CONTROL_CHARACTER.test(pattern)) throw new BadRequestError('pattern: must not contain control characters')
  try {
    // the in-process tier matches with this translation: a glob it cannot translate would drop nothing there
    globToRegExp(pattern)
  } catch {
    throw new BadRequestError('pattern: malformed character class (a [...] range out of order?)')
  }
}

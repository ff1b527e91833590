import { DatabaseUnavailableError } from '../infra/errors.js'
import type { Fill } from './fill.js'
import type { CacheKind } from './kinds.js'
import type { CacheCounters } from './stats.js'

export interface LoaderTimeouts { softTimeoutMs: number, hardTimeoutMs: number }

/** A loader that failed (the database), as opposed to one that answered with a 4xx domain error. */
export function isFailure (err: unknown): boolean {
  const status = (err as { statusCode?: number } | null)?.statusCode
  return !(typeof status === 'number' && status >= 400 && status < 500)
}

type Outcome<T> = { value: T } | { error: unknown } | 'timeout'

/**
 * Runs the loader of a miss and settles its fill, whatever the caller is
 * answered with: the loader's value; or, when there is a grace entry, that
 * entry if the loader fails or passes the soft timeout (the load goes on and
 * refreshes the entry when it ends); or, without one, a 503 past the hard
 * timeout — never a hang.
 */
export async function loadThrough<T> (kind: CacheKind, fill: Fill, loader: () => Promise<T> | T, options: {
  encode: (value: T) => Buffer
  decode: (payload: Buffer) => T
  ttl?: number
  timeouts: LoaderTimeouts
  counters: CacheCounters
}): Promise<T> {
  const { encode, decode, ttl, timeouts, counters } = options
  const load = (async () => loader())()
  load.then(
    async (value) => { await (value === undefined || value === null ? fill.abandon() : fill.commit(encode(value), ttl)) },
    async (err) => { await (isFailure(err) ? fill.fail() : fill.abandon()) }
  ).catch(() => {})

  const stale = fill.stale
  let timer: NodeJS.Timeout | undefined
  const outcome: Outcome<T> = await Promise.race([
    load.then((value) => ({ value }), (error: unknown) => ({ error })),
    new Promise<'timeout'>((resolve) => { timer = setTimeout(resolve, stale === undefined ? timeouts.hardTimeoutMs : timeouts.softTimeoutMs, 'timeout') })
  ])
  clearTimeout(timer)

  if (outcome === 'timeout') {
    if (stale !== undefined) {
      counters.stale(kind)
      counters.refresh(kind)
      fill.shareStale()
      return decode(stale.payload)
    }
    counters.timeout(kind)
    void fill.fail()
    throw new DatabaseUnavailableError(`The database did not answer within ${timeouts.hardTimeoutMs} ms`)
  }
  if ('error' in outcome) {
    if (stale !== undefined && isFailure(outcome.error)) {
      counters.stale(kind)
      return decode(stale.payload)
    }
    throw outcome.error
  }
  return outcome.value
}

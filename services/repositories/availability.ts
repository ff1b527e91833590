import { createCircuitBreaker, type BreakerState } from '../cache/breaker.js'
import { DatabaseUnavailableError } from '../infra/errors.js'
import type { Repositories } from './port.js'

// SQLite: the file is locked by another process (a WAL recovery, a long write) or cannot be read.
const SQLITE_UNAVAILABLE = /^SQLITE_(BUSY|LOCKED|IOERR|CANTOPEN|PROTOCOL|NOTADB|CORRUPT)/
// MongoDB: no server to talk to, or it did not answer in time.
const MONGO_UNAVAILABLE = /^Mongo(Network|NetworkTimeout|ServerSelection|TopologyClosed|ServerClosed|Timeout|PoolCleared)Error$/

/** Whether an error says the database cannot be reached or read now (not that the request was wrong). */
export function isUnavailable (err: unknown): boolean {
  const { code, name } = (err ?? {}) as { code?: unknown, name?: unknown }
  return (typeof code === 'string' && SQLITE_UNAVAILABLE.test(code)) || (typeof name === 'string' && MONGO_UNAVAILABLE.test(name))
}

export interface AvailabilityOptions {
  /** A read of the database itself that does not wait for locks (the breaker's probe). */
  probe: () => Promise<void>
  logger: { warn (obj: object, msg: string): void, info (obj: object, msg: string): void }
  cooldownMs?: number
  maxCooldownMs?: number
}

type Method = (...args: unknown[]) => unknown

/**
 * The database as a dependency: a call that finds it unavailable (locked,
 * unreachable, too slow) opens a circuit breaker, and from then on every call
 * fails at once with a 503 (`DATABASE_UNAVAILABLE`) instead of waiting on it
 * again — so cached and grace entries keep being served at full speed — until
 * a background probe reads it again. Each change of state is logged once.
 */
export function guardAvailability<R extends Repositories> (repositories: R, { probe, logger, cooldownMs = 500, maxCooldownMs = 1000 }: AvailabilityOptions) {
  let lastError: string | undefined
  const breaker = createCircuitBreaker({
    failureThreshold: 1,
    cooldownMs,
    maxCooldownMs,
    probe,
    onStateChange (state: BreakerState) {
      if (state === 'open') logger.warn({ error: lastError }, 'database unavailable: answering from the cache where it can, 503 otherwise')
      else if (state === 'closed') logger.info({}, 'database available again')
    }
  })

  function guard<F extends Method> (call: F): F {
    return (async (...args: unknown[]) => {
      if (!breaker.allows()) throw new DatabaseUnavailableError('The database is unavailable; try again shortly')
      try {
        return await call(...args)
      } catch (err) {
        if (!isUnavailable(err)) throw err
        lastError = (err as Error).message
        breaker.trip(err)
        throw new DatabaseUnavailableError('The database is unavailable; try again shortly')
      }
    }) as F
  }

  const guarded = { ...repositories } as Record<string, unknown>
  for (const [name, part] of Object.entries(repositories)) {
    if (typeof part === 'function' || part === null || typeof part !== 'object' || name === 'counts') continue
    guarded[name] = Object.fromEntries(Object.entries(part).map(([method, fn]) =>
      [method, typeof fn === 'function' ? guard((fn as Method).bind(part)) : fn]))
  }
  return Object.assign(guarded as R, {
    /** Reads the database (when the breaker lets it): rejects with a short reason when it is unavailable. */
    ping: guard(() => repositories.ping()),
    availability: {
      get up () { return breaker.allows() },
      get lastError () { return lastError },
      stop: () => breaker.stop()
    }
  })
}

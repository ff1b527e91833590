/** Exponential backoff: `baseMs` before the second attempt, doubling before each next one, at most `maxMs`. */
export function retryDelay (attempts: number, baseMs: number, maxMs: number): number {
  return Math.min(baseMs * 2 ** Math.max(0, attempts - 1), maxMs)
}

/**
 * Invalidations are cheap to retry and their delay is how long other
 * instances may serve stale data once Redis answers again: from the poll
 * interval, doubling, to at most 5 s (or the poll interval when longer).
 */
export function invalidationRetryDelay (attempts: number, pollMs: number): number {
  return retryDelay(attempts, pollMs, Math.max(pollMs, 5000))
}

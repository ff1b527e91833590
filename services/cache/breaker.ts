export type BreakerState = 'closed' | 'open' | 'half_open'

export interface BreakerOptions {
  /** Consecutive failures that open the circuit (a timeout opens it at once). */
  failureThreshold: number
  /** First wait before a probe; doubles after each failed probe, up to maxCooldownMs. */
  cooldownMs: number
  maxCooldownMs: number
  /** Runs in the background while open; resolving closes the circuit. */
  probe: () => Promise<void>
  onStateChange?: (state: BreakerState, error?: unknown) => void
  /** Start open, quietly: the first probe decides (Redis is not known to be usable yet). */
  startOpen?: boolean
}

/**
 * While Redis is down or slow, no request pays for it: the circuit opens, every
 * operation is skipped at once, and a background probe (never a request)
 * decides when to close it again.
 */
export function createCircuitBreaker (options: BreakerOptions) {
  let state: BreakerState = options.startOpen === true ? 'open' : 'closed'
  let failures = 0
  let cooldown = options.cooldownMs
  let timer: NodeJS.Timeout | undefined
  let stopped = false
  let lastError: string | undefined
  let openedAt: number | undefined

  function set (next: BreakerState, error?: unknown) {
    if (next === state) return
    state = next
    options.onStateChange?.(next, error)
  }

  function schedule (delay: number) {
    clearTimeout(timer)
    if (stopped) return
    timer = setTimeout(runProbe, delay)
    timer.unref()
  }

  async function runProbe () {
    if (stopped || state === 'closed') return
    set('half_open')
    try {
      await options.probe()
      if (stopped) return
      failures = 0
      cooldown = options.cooldownMs
      openedAt = undefined
      set('closed')
    } catch (err) {
      lastError = (err as Error).message
      cooldown = Math.min(cooldown * 2, options.maxCooldownMs)
      set('open', err)
      schedule(cooldown)
    }
  }

  function open (err: unknown) {
    lastError = (err as Error | undefined)?.message ?? lastError
    if (state !== 'closed') return
    openedAt = Date.now()
    set('open', err)
    schedule(cooldown)
  }

  return {
    get state () { return state },
    get lastError () { return lastError },
    get openedAt () { return openedAt },
    /** Whether an operation may go to Redis now. */
    allows: () => state === 'closed',
    success () { failures = 0 },
    failure (err: unknown, { trip = false } = {}) {
      lastError = (err as Error).message
      if (trip || ++failures >= options.failureThreshold) open(err)
    },
    /** Opens the circuit now (the connection is known to be gone). */
    trip (err: unknown) { open(err) },
    /** Probes now instead of waiting for the cooldown (the connection came back). */
    probeSoon () { if (state === 'open') schedule(0) },
    stop () { stopped = true; clearTimeout(timer) }
  }
}

export type CircuitBreaker = ReturnType<typeof createCircuitBreaker>

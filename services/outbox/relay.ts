import { randomUUID } from 'node:crypto'
import type { Deliver } from './delivery/attempt.js'
import type { SendResult } from './delivery/http-sender.js'
import type { ClaimedDelivery, ClaimedInvalidation, DeliveryOutcome, OutboxRepository } from '../repositories/port.js'
import { invalidationRetryDelay, retryDelay } from './backoff.js'

export interface RelaySettings {
  /** How often the outbox is read for due items (besides right after a local write and when a retry falls due). */
  pollMs: number
  /** How long a claimed item is held: longer than one delivery attempt may take. */
  leaseMs: number
  /** How long finished items are kept before they are pruned. */
  retentionMs: number
  /** Attempts per webhook delivery, the first included; then it ends as failed. */
  maxAttempts: number
  retryBaseMs: number
  retryMaxMs: number
  /** Webhook attempts in flight at once in this instance. */
  concurrency?: number
  /** Invalidations relayed in one cache call. */
  invalidationBatch?: number
}

interface Log {
  info (details: object, message: string): void
  warn (details: object, message: string): void
  error (details: object, message: string): void
}

export interface RelayDeps {
  outbox: OutboxRepository
  /** Invalidates the items' tags in one call; true when Redis took it (every instance will hear of it). */
  invalidate: (items: ClaimedInvalidation[]) => Promise<boolean>
  deliver: Deliver
  settings: RelaySettings
  log: Log
  now?: () => number
}

export const RELAY_DEFAULTS = { concurrency: 16, invalidationBatch: 100 }
/** Finished items are pruned at most this often. */
const PRUNE_EVERY_MS = 10 * 60_000
const PRUNE_BATCH = 1000
// A pass never follows the previous one sooner than this (items due "now" are claimed in one pass).
const MIN_DELAY_MS = 10

/** How an attempt's result settles the delivery: delivered, due again later, or failed for good. */
export function deliveryOutcome (result: SendResult, attempts: number, settings: RelaySettings, now: number): DeliveryOutcome {
  if (result.ok) return { status: 'delivered', status_code: result.statusCode }
  const failure = { ...(result.statusCode === undefined ? {} : { status_code: result.statusCode }), error: result.error }
  // cut short by a shutdown: due again at once (on the next start, or on another instance)
  if (result.error === 'interrupted') return { status: 'pending', ...failure, next_attempt_at: now }
  if (!result.retry || attempts >= settings.maxAttempts) return { status: 'failed', ...failure }
  return { status: 'pending', ...failure, next_attempt_at: now + retryDelay(attempts, settings.retryBaseMs, settings.retryMaxMs) }
}

/**
 * Carries out what writes recorded in the outbox, in the background of every
 * instance: invalidations (in batches) and webhook deliveries (several at
 * once), each claimed with a lease so no two relays work on one item at the
 * same time. An item whose holder died is due again when its lease ends, so
 * what a crashed process left is picked up by the next start or by another
 * instance. Closing aborts the attempts in flight; they stay pending.
 */
export function createOutboxRelay ({ outbox, invalidate, deliver, settings, log, now = Date.now }: RelayDeps) {
  const concurrency = settings.concurrency ?? RELAY_DEFAULTS.concurrency
  const batch = settings.invalidationBatch ?? RELAY_DEFAULTS.invalidationBatch
  const instance = randomUUID()
  let claims = 0
  /** Every claim has a token of its own: a settle names the claim it belongs to. */
  const newToken = () => `${instance}:${++claims}`

  let timer: NodeJS.Timeout | undefined
  let pass: Promise<void> | undefined
  let again = false
  let started = false
  let closed = false
  let lastPrune = 0
  const inFlight = new Map<AbortController, Promise<void>>()
  let idleWaiters: Array<() => void> = []

  async function relayInvalidations () {
    for (;;) {
      const token = newToken()
      const items = await outbox.claimInvalidations(token, settings.leaseMs, batch, now())
      if (items.length === 0) return
      let delivered = false
      try {
        delivered = await invalidate(items)
      } catch (err) {
        log.error({ err }, 'outbox: invalidation failed')
      }
      const attempts = Math.max(...items.map((item) => item.attempts))
      const retryAt = delivered ? null : now() + invalidationRetryDelay(attempts, settings.pollMs)
      await outbox.settleInvalidations(token, items.map((item) => item.id), retryAt, now())
      if (!delivered) {
        log.warn({ items: items.length, retry_at: new Date(retryAt!).toISOString() }, 'outbox: invalidations did not reach Redis; will retry')
        return
      }
      log.info({ items: items.length }, 'outbox: invalidations relayed')
      if (items.length < batch) return
    }
  }

  async function attempt (token: string, item: ClaimedDelivery, controller: AbortController) {
    const context = { delivery_id: item.id, webhook_id: item.webhook_id, event: item.event, attempt: item.attempts }
    let outcome: DeliveryOutcome
    if (controller.signal.aborted) {
      outcome = { status: 'pending', error: 'interrupted', next_attempt_at: now() }
    } else if (!item.target.active) {
      outcome = { status: 'failed', error: 'webhook inactive' }
    } else {
      let result: SendResult
      try {
        result = await deliver(item, controller.signal)
      } catch (err) {
        result = { ok: false, error: 'network error', retry: true, detail: (err as Error).message }
      }
      outcome = deliveryOutcome(result, item.attempts, settings, now())
      if (!result.ok) Object.assign(context, { error: result.error, detail: result.detail, status_code: result.statusCode })
    }
    try {
      await outbox.settleDelivery(token, item.id, outcome, now())
    } catch (err) {
      log.error({ err, ...context }, 'outbox: could not record a delivery attempt (it is retried when its lease ends)')
      return
    }
    if (outcome.status === 'delivered') log.info(context, 'webhook delivered')
    else if (outcome.status === 'failed') log.warn(context, 'webhook delivery failed for good')
    else log.info({ ...context, next_attempt_at: new Date(outcome.next_attempt_at!).toISOString() }, 'webhook delivery failed; will retry')
  }

  async function startDeliveries () {
    const free = concurrency - inFlight.size
    if (free <= 0 || closed) return
    const token = newToken()
    for (const item of await outbox.claimDeliveries(token, settings.leaseMs, free, now())) {
      const controller = new AbortController()
      if (closed) controller.abort() // claimed while closing: released as interrupted
      const work = attempt(token, item, controller).finally(() => {
        inFlight.delete(controller)
        poke()
      })
      inFlight.set(controller, work)
    }
  }

  async function prune () {
    const before = now() - settings.retentionMs
    let deleted = 0
    let removed: number
    do {
      removed = await outbox.prune(before, PRUNE_BATCH)
      deleted += removed
    } while (removed === PRUNE_BATCH)
    if (deleted > 0) log.info({ deleted, before: new Date(before).toISOString() }, 'outbox: finished items pruned')
    return deleted
  }

  async function settleIdle () {
    if (idleWaiters.length === 0 || inFlight.size > 0 || await outbox.pending() > 0) return
    const waiters = idleWaiters
    idleWaiters = []
    for (const resolve of waiters) resolve()
  }

  /** One pass; returns when the next one should run. */
  async function runPass (): Promise<number> {
    try {
      await relayInvalidations()
      await startDeliveries()
      if (now() - lastPrune >= PRUNE_EVERY_MS) {
        lastPrune = now()
        await prune()
      }
      await settleIdle()
      // while every slot is busy, a finishing attempt starts the next pass
      if (inFlight.size >= concurrency) return settings.pollMs
      const due = await outbox.nextDue()
      return due === null ? settings.pollMs : Math.min(Math.max(due - now(), MIN_DELAY_MS), settings.pollMs)
    } catch (err) {
      log.error({ err }, 'outbox: relay pass failed')
      return settings.pollMs
    }
  }

  function run () {
    if (closed || !started) return
    if (pass !== undefined) {
      again = true
      return
    }
    clearTimeout(timer)
    timer = undefined
    pass = runPass().then((delay) => {
      pass = undefined
      if (closed) return
      if (again) {
        again = false
        run()
      } else {
        timer = setTimeout(run, delay)
      }
    })
  }

  /** Runs a pass soon: something was just recorded, or a slot came free. */
  function poke () {
    if (started && !closed) setImmediate(run)
  }

  return {
    /** The first pass takes over whatever a crashed process left (once its leases have ended). */
    start () {
      started = true
      run()
    },
    poke,
    /** One pass now, and the attempts it started (tests drive a relay that was not started with this). */
    async pass (): Promise<void> {
      await runPass()
      await Promise.allSettled([...inFlight.values()])
    },
    /** Deletes the items finished more than the retention period ago; how many. */
    prune,
    /** Resolves once nothing is pending in the outbox and nothing is in flight here (tests, tools). */
    idle (): Promise<void> {
      return new Promise((resolve) => {
        if (closed) return resolve()
        idleWaiters.push(resolve)
        poke()
      })
    },
    /** Stops relaying; attempts in flight are aborted and stay pending (due at once) for the next start or another instance. */
    async close (): Promise<void> {
      if (closed) return
      closed = true
      clearTimeout(timer)
      for (const controller of inFlight.keys()) controller.abort()
      await pass
      await Promise.allSettled([...inFlight.values()])
      for (const resolve of idleWaiters) resolve()
      idleWaiters = []
    }
  }
}

export type OutboxRelay = ReturnType<typeof createOutboxRelay>

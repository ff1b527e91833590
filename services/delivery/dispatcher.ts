import type { Delivery, StoredWebhook, WebhookEventBody } from '../../schemas/webhooks.js'
import type { Sender, SendResult } from './http-sender.js'
import { SIGNATURE_HEADER, signBody } from './signature.js'

/** The pino-style logger the dispatcher reports to (fastify.log fits). */
export interface DeliveryLog {
  info (details: object, message: string): void
  warn (details: object, message: string): void
  error (details: object, message: string): void
}

export type WebhookTarget = Pick<StoredWebhook, 'id' | 'url' | 'secret' | 'events' | 'active'>

/** Where an event goes: read when the event is processed, after the triggering request has been answered. */
export type LoadTargets = () => Promise<readonly WebhookTarget[]> | readonly WebhookTarget[]

export interface DispatcherOptions {
  send: Sender
  /** Makes the outcome visible as the webhook's `last_delivery`. */
  recordDelivery: (webhookId: string, delivery: Delivery, formId: string) => Promise<void>
  log: DeliveryLog
  /** Attempts per delivery, the first included. */
  attempts?: number
  /** The wait before the first retry; it doubles before each next one. */
  baseDelayMs?: number
  /** The deadline of one attempt. */
  timeoutMs?: number
  /** Deliveries waiting or in flight beyond which new ones are dropped (and logged), so a dead receiver cannot exhaust memory. */
  maxPending?: number
  now?: () => Date
}

interface Job {
  target: WebhookTarget
  event: WebhookEventBody
  body: string
  signature: string
}

export const DELIVERY_DEFAULTS = { attempts: 5, baseDelayMs: 1000, timeoutMs: 5000, maxPending: 10_000 }

/**
 * Delivers webhook events in the background. `publish` only queues: the work
 * starts on a later turn of the event loop, so a request that publishes is
 * never delayed by a delivery. Failed attempts (non-2xx, network error,
 * timeout) are retried after baseDelay, 2×, 4×, ... until `attempts` is
 * reached. Deliveries live in memory: `close` cancels what is still pending
 * and logs what it dropped.
 */
export function createWebhookDispatcher (options: DispatcherOptions) {
  const { send, recordDelivery, log, now = () => new Date() } = options
  const attempts = options.attempts ?? DELIVERY_DEFAULTS.attempts
  const baseDelayMs = options.baseDelayMs ?? DELIVERY_DEFAULTS.baseDelayMs
  const timeoutMs = options.timeoutMs ?? DELIVERY_DEFAULTS.timeoutMs
  const maxPending = options.maxPending ?? DELIVERY_DEFAULTS.maxPending

  let closed = false
  /** Scheduled work (first tries and retries), with what it is for the shutdown log. */
  const timers = new Map<NodeJS.Timeout, string>()
  /** Attempts waiting for the receiver, abortable at shutdown. */
  const inFlight = new Map<AbortController, string>()
  const running = new Set<Promise<void>>()
  let idleWaiters: Array<() => void> = []

  const describe = (job: Job, attempt: number) => `${job.event.event} ${job.event.id} → webhook ${job.target.id} (attempt ${attempt})`

  function settleIdle () {
    if (timers.size > 0 || running.size > 0) return
    const waiters = idleWaiters
    idleWaiters = []
    for (const resolve of waiters) resolve()
  }

  function track (work: Promise<void>) {
    running.add(work)
    // `work` never rejects: attempts and fan-outs report their own failures
    work.finally(() => {
      running.delete(work)
      settleIdle()
    }).catch(() => {})
  }

  function later (delayMs: number, what: string, work: () => Promise<void>) {
    if (closed) {
      log.warn({ dropped: [what] }, 'webhook delivery dropped: the dispatcher is closed')
      return
    }
    const timer = setTimeout(() => {
      timers.delete(timer)
      track(work())
    }, delayMs)
    timers.set(timer, what)
  }

  function headers (job: Job, attempt: number): Record<string, string> {
    return {
      'Content-Type': 'application/json',
      'User-Agent': 'forms-api-webhooks/1',
      'X-Webhook-Event': job.event.event,
      'X-Webhook-Event-Id': job.event.id,
      'X-Webhook-Attempt': String(attempt),
      [SIGNATURE_HEADER]: job.signature
    }
  }

  async function record (job: Job, result: SendResult, attempt: number, status: Delivery['status']) {
    const delivery: Delivery = {
      event: job.event.event,
      status,
      attempts: attempt,
      ...(result.statusCode === undefined ? {} : { status_code: result.statusCode }),
      ...(result.ok ? {} : { error: result.error }),
      at: now().toISOString()
    }
    try {
      await recordDelivery(job.target.id, delivery, job.event.form_id)
    } catch (err) {
      log.error({ err, webhook_id: job.target.id }, 'could not record a webhook delivery')
    }
  }

  async function attempt (job: Job, n: number): Promise<void> {
    const controller = new AbortController()
    inFlight.set(controller, describe(job, n))
    let result: SendResult
    try {
      result = await send({ url: job.target.url, headers: headers(job, n), body: job.body, timeoutMs, signal: controller.signal })
    } catch (err) {
      result = { ok: false, error: err instanceof Error ? err.message : String(err), retry: true }
    } finally {
      inFlight.delete(controller)
    }
    if (closed) return // close() aborted it and logged the drop

    const context = { webhook_id: job.target.id, event: job.event.event, event_id: job.event.id, attempt: n }
    if (result.ok) {
      await record(job, result, n, 'success')
      log.info({ ...context, status_code: result.statusCode }, 'webhook delivered')
    } else if (!result.retry || n >= attempts) {
      await record(job, result, n, 'failed')
      log.warn({ ...context, status_code: result.statusCode, error: result.error }, 'webhook delivery failed for good')
    } else {
      await record(job, result, n, 'retrying')
      const retryInMs = baseDelayMs * 2 ** (n - 1)
      log.info({ ...context, status_code: result.statusCode, error: result.error, retry_in_ms: retryInMs }, 'webhook delivery failed; will retry')
      later(retryInMs, describe(job, n + 1), () => attempt(job, n + 1))
    }
  }

  async function fanOut (event: WebhookEventBody, loadTargets: LoadTargets) {
    let targets: readonly WebhookTarget[]
    try {
      targets = await loadTargets()
    } catch (err) {
      log.error({ err, event: event.event, event_id: event.id }, 'could not read the webhooks of an event; it is not delivered')
      return
    }
    const body = JSON.stringify(event)
    for (const target of targets) {
      if (!target.active || !target.events.includes(event.event)) continue
      const job: Job = { target, event, body, signature: signBody(target.secret, body) }
      if (timers.size + inFlight.size >= maxPending) {
        log.warn({ dropped: [describe(job, 1)], max_pending: maxPending }, 'webhook delivery dropped: too many pending deliveries')
        continue
      }
      track(attempt(job, 1))
    }
  }

  return {
    /** Queues an event for the webhooks `loadTargets` returns (active and subscribed ones only). Returns at once. */
    publish (event: WebhookEventBody, loadTargets: LoadTargets): void {
      later(0, `${event.event} ${event.id} (not yet sent)`, () => fanOut(event, loadTargets))
    },

    /** Resolves once nothing is queued, waiting for a retry or in flight. */
    idle (): Promise<void> {
      return new Promise((resolve) => {
        idleWaiters.push(resolve)
        settleIdle()
      })
    },

    /** Cancels pending retries and in-flight attempts (logging them), then waits for running work to settle. */
    async close (): Promise<void> {
      if (closed) return
      closed = true
      const dropped = [...timers.values(), ...inFlight.values()]
      for (const timer of timers.keys()) clearTimeout(timer)
      timers.clear()
      for (const controller of inFlight.keys()) controller.abort()
      if (dropped.length > 0) log.warn({ dropped }, `dropped ${dropped.length} pending webhook deliveries at shutdown`)
      await Promise.allSettled([...running])
      settleIdle()
    }
  }
}

export type WebhookDispatcher = ReturnType<typeof createWebhookDispatcher>

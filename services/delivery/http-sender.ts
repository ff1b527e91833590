import http from 'node:http'
import https from 'node:https'
import type { AddressPolicy } from './addresses.js'
import { guardedLookup, RefusedTargetError, webhookUrlProblem } from './target-guard.js'

export interface OutgoingDelivery {
  url: string
  headers: Record<string, string>
  body: string
  /** The whole attempt, from connecting to the response headers. */
  timeoutMs: number
  /** Aborted when the dispatcher shuts down. */
  signal: AbortSignal
}

export type SendResult =
  | { ok: true, statusCode: number }
  | { ok: false, statusCode?: number, error: string, retry: boolean }

export type Sender = (delivery: OutgoingDelivery) => Promise<SendResult>

export interface HttpSenderOptions {
  policy: AddressPolicy
  /** dns.lookup; tests pass fake DNS answers. */
  resolve?: Parameters<typeof guardedLookup>[1]
}

/**
 * POSTs one delivery through the SSRF guard. Never throws: every outcome is a
 * SendResult. Refusals by the guard are permanent; network errors, timeouts
 * and non-2xx answers are worth a retry.
 */
export function createHttpSender ({ policy, resolve }: HttpSenderOptions): Sender {
  const lookup = guardedLookup(policy, resolve)

  return ({ url, headers, body, timeoutMs, signal }) => new Promise<SendResult>((resolve) => {
    // literal IPs never reach `lookup`: check them (and the scheme) here
    const problem = webhookUrlProblem(url, policy)
    if (problem !== null) return resolve({ ok: false, error: `refused: ${problem}`, retry: false })

    const deadline = AbortSignal.timeout(timeoutMs)
    const target = new URL(url)
    const request = (target.protocol === 'https:' ? https : http).request(target, {
      method: 'POST',
      headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
      lookup,
      // a fresh connection per delivery: every connection goes through the guard, and none outlives shutdown
      agent: false,
      signal: AbortSignal.any([signal, deadline])
    }, (response) => {
      const statusCode = response.statusCode ?? 0
      response.resume()
      response.on('error', () => {})
      resolve(statusCode >= 200 && statusCode < 300
        ? { ok: true, statusCode }
        : { ok: false, statusCode, error: `HTTP ${statusCode}`, retry: true })
    })
    request.on('error', (err) => {
      if (err instanceof RefusedTargetError) resolve({ ok: false, error: `refused: ${err.message}`, retry: false })
      else if (deadline.aborted) resolve({ ok: false, error: `timed out after ${timeoutMs} ms`, retry: true })
      else if (signal.aborted) resolve({ ok: false, error: 'cancelled at shutdown', retry: false })
      else resolve({ ok: false, error: err.message, retry: true })
    })
    request.end(body)
  })
}

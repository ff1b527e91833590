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
  /** Aborted when the relay shuts down. */
  signal: AbortSignal
}

export type SendResult =
  | { ok: true, statusCode: number }
  /** `error`: a class of failure (failureClass), never an address; `detail`: the full message, for the operator's log only. */
  | { ok: false, statusCode?: number, error: string, retry: boolean, detail?: string }

export type Sender = (delivery: OutgoingDelivery) => Promise<SendResult>

export interface HttpSenderOptions {
  policy: AddressPolicy
  /** dns.lookup; tests pass fake DNS answers. */
  resolve?: Parameters<typeof guardedLookup>[1]
}

const TLS_CODES = /^(ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|HOSTNAME_MISMATCH)/

/**
 * What a delivery log may say about a network error: its class. The error's
 * message is for the operator's log only, since it can name the addresses a
 * host resolved to (internal DNS).
 */
export function failureClass (err: NodeJS.ErrnoException): string {
  const code = err.code ?? ''
  if (code === 'ECONNREFUSED') return 'connection refused'
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_FAIL' || code === 'EAI_NODATA') return 'dns lookup failed'
  if (TLS_CODES.test(code) || /\b(SSL|TLS)\b/.test(err.message)) return 'tls error'
  return 'network error'
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
    if (problem !== null) return resolve({ ok: false, error: 'address not allowed', retry: false, detail: problem })

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
      if (err instanceof RefusedTargetError) resolve({ ok: false, error: 'address not allowed', retry: false, detail: err.message })
      else if (deadline.aborted) resolve({ ok: false, error: 'timeout', retry: true })
      else if (signal.aborted) resolve({ ok: false, error: 'interrupted', retry: true })
      else resolve({ ok: false, error: failureClass(err), retry: true, detail: err.message })
    })
    request.end(body)
  })
}

import dns, { type LookupAddress } from 'node:dns'
import { isIP, type LookupFunction } from 'node:net'
import { addressRefusal, type AddressPolicy } from './addresses.js'

// The SSRF guard. Webhook URLs are checked twice: when saved (scheme, literal
// IPs: `webhookUrlProblem`) and when each delivery connects (`guardedLookup`:
// every address the host name resolves to). The request connects to the very
// addresses the lookup checked, so a DNS answer that changes between the check
// and the connection (rebinding) cannot get through.

/** The connection was refused by the guard: permanent, never retried. */
export class RefusedTargetError extends Error {
  override name = 'RefusedTargetError'
  readonly code = 'ERR_WEBHOOK_TARGET_REFUSED'
}

/** The host of a URL without the brackets of an IPv6 literal. */
function hostOf (url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1')
}

/**
 * Why a webhook may not target `url`, or null when it may. The WHATWG parser
 * has already turned 0x7f.1, 2130706433 and friends into 127.0.0.1.
 */
export function webhookUrlProblem (url: string, policy: AddressPolicy): string | null {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return 'not a valid URL'
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return 'only http and https URLs are allowed'
  const host = hostOf(parsed)
  return isIP(host) === 0 ? null : addressRefusal(host, policy)
}

type LookupAll = (hostname: string, options: dns.LookupAllOptions,
  callback: (err: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void) => void

/**
 * A `lookup` for node:http requests that resolves the host and refuses it
 * when any of its addresses is refused by the policy. `resolve` is dns.lookup
 * except in tests, which simulate DNS answers with it.
 */
export function guardedLookup (policy: AddressPolicy, resolve: LookupAll = dns.lookup): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname, { ...options, all: true }, (err, addresses) => {
      if (err !== null) return callback(err, '', 0)
      if (addresses.length === 0) return callback(Object.assign(new Error(`${hostname} did not resolve`), { code: 'ENOTFOUND' }), '', 0)
      for (const { address } of addresses) {
        const refusal = addressRefusal(address, policy)
        if (refusal !== null) return callback(new RefusedTargetError(`${hostname} resolves to ${refusal}`), '', 0)
      }
      // node:net asks for every address (all: true) when it races IPv4 and IPv6
      if (options.all === true) return (callback as unknown as (err: null, addresses: LookupAddress[]) => void)(null, addresses)
      return callback(null, addresses[0]!.address, addresses[0]!.family)
    })
  }
}

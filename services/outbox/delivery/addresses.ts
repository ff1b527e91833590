import { isIPv4, isIPv6 } from 'node:net'

// Which IP addresses a webhook may connect to. Every address is compared in
// IPv6 form (IPv4 as ::ffff:a.b.c.d), after unwrapping the IPv6 forms that
// embed an IPv4 address, so ::ffff:127.0.0.1 or 64:ff9b::a9fe:a9fe cannot
// smuggle a refused IPv4 address past the check.

export type AddressKind = 'public' | 'private' | 'loopback' | 'unspecified' | 'link-local' | 'metadata' | 'reserved'

export interface AddressPolicy {
  /** WEBHOOK_ALLOW_PRIVATE: loopback, private and unspecified addresses become reachable (development, tests). */
  allowPrivate: boolean
}

/** Refused whatever the configuration: cloud credentials live behind these. */
const ALWAYS_REFUSED = new Set<AddressKind>(['metadata', 'link-local', 'reserved'])
/** Refused unless WEBHOOK_ALLOW_PRIVATE=true: the service itself and its neighbours. */
const PRIVATE = new Set<AddressKind>(['private', 'loopback', 'unspecified'])

function ipv4Bytes (address: string): number[] {
  return address.split('.').map(Number)
}

function mapped (v4: number[]): Uint8Array {
  return Uint8Array.from([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, ...v4])
}

function ipv6Bytes (address: string): Uint8Array {
  let text = address
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text)
  if (dotted !== null) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number]
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`
  }
  const [head = '', tail] = text.split('::')
  const headGroups = head === '' ? [] : head.split(':')
  const tailGroups = tail === undefined || tail === '' ? [] : tail.split(':')
  const zeros = tail === undefined ? [] : Array<string>(8 - headGroups.length - tailGroups.length).fill('0')
  const bytes = new Uint8Array(16)
  ;[...headGroups, ...zeros, ...tailGroups].forEach((group, i) => {
    const value = parseInt(group, 16)
    bytes[2 * i] = value >> 8
    bytes[2 * i + 1] = value & 0xff
  })
  return bytes
}

/** The 16 bytes of an IP address (IPv4 as IPv4-mapped IPv6), or null when `address` is not one. */
export function ipBytes (address: string): Uint8Array | null {
  const withoutZone = address.replace(/%.*$/, '')
  if (isIPv4(withoutZone)) return mapped(ipv4Bytes(withoutZone))
  if (isIPv6(withoutZone)) return ipv6Bytes(withoutZone)
  return null
}

function startsWith (bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte)
}

/** The IPv4 address inside NAT64 (64:ff9b::/96), IPv4-compatible (::/96) and 6to4 (2002::/16) addresses, mapped. */
function unwrapEmbeddedIpv4 (bytes: Uint8Array): Uint8Array {
  const last4 = [...bytes.subarray(12)]
  if (startsWith(bytes, [0, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0])) return mapped(last4)
  // ::/96 holds :: and ::1 too, which are their own (IPv6) kinds
  if (startsWith(bytes, Array(12).fill(0)) && (bytes[12]! | bytes[13]!) !== 0) return mapped(last4)
  if (startsWith(bytes, [0x20, 0x02])) return mapped([...bytes.subarray(2, 6)])
  return bytes
}

interface Range { bytes: Uint8Array, prefix: number }

function range (cidr: string): Range {
  const [address = '', bits = ''] = cidr.split('/')
  const bytes = ipBytes(address)
  if (bytes === null) throw new Error(`bad range ${cidr}`)
  return { bytes, prefix: Number(bits) + (isIPv4(address) ? 96 : 0) }
}

function inRange (bytes: Uint8Array, { bytes: base, prefix }: Range): boolean {
  for (let bit = 0; bit < prefix; bit += 8) {
    const mask = prefix - bit >= 8 ? 0xff : (0xff << (8 - (prefix - bit))) & 0xff
    if ((bytes[bit / 8]! & mask) !== (base[bit / 8]! & mask)) return false
  }
  return true
}

// First match wins: the metadata addresses sit inside link-local, CGNAT and unique-local ranges.
const KINDS: Array<[AddressKind, Range[]]> = ([
  ['metadata', ['169.254.169.254/32', 'fd00:ec2::254/128', '100.100.100.200/32']],
  ['link-local', ['169.254.0.0/16', 'fe80::/10']],
  // multicast, reserved-for-future-use and broadcast, documentation ranges: nothing to deliver to
  ['reserved', ['224.0.0.0/4', '240.0.0.0/4', 'ff00::/8', '192.0.2.0/24', '198.51.100.0/24', '203.0.113.0/24', '2001:db8::/32']],
  ['unspecified', ['0.0.0.0/8', '::/128']],
  ['loopback', ['127.0.0.0/8', '::1/128']],
  ['private', [
    '10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10', '192.0.0.0/24', '198.18.0.0/15',
    'fc00::/7', 'fec0::/10', '64:ff9b:1::/48'
  ]]
] as Array<[AddressKind, string[]]>).map(([kind, cidrs]) => [kind, cidrs.map(range)])

/** What kind of address this is; null when it is not an IP address. */
export function classifyAddress (address: string): AddressKind | null {
  const bytes = ipBytes(address)
  if (bytes === null) return null
  const effective = unwrapEmbeddedIpv4(bytes)
  for (const [kind, ranges] of KINDS) {
    if (ranges.some((r) => inRange(effective, r))) return kind
  }
  return 'public'
}

/** Why a webhook may not connect to `address` under `policy`, or null when it may. */
export function addressRefusal (address: string, policy: AddressPolicy): string | null {
  const kind = classifyAddress(address)
  if (kind === null) return `${address} is not an IP address`
  if (ALWAYS_REFUSED.has(kind)) return `${address} is a ${kind} address, never a webhook target`
  if (PRIVATE.has(kind) && !policy.allowPrivate) return `${address} is a ${kind} address (allowed only with WEBHOOK_ALLOW_PRIVATE=true)`
  return null
}

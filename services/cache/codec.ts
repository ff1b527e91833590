import { constants, deflateRawSync, inflateRawSync } from 'node:zlib'

// An entry as stored in Redis:
//   [0]      flags (bit 0: payload deflated)
//   [1..8]   created at, ms since the epoch (float64, big-endian) — for `Age`
//   [9..12]  time to live, ms (uint32, big-endian)
//   [13..14] length of the versions string (uint16, big-endian)
//   [15..]   versions: the tag versions the value was computed under, space-separated
//   [...]    payload
// The payload is opaque bytes (JSON for typed values, an HTTP envelope for responses).

const COMPRESSED = 1
const HEADER = 15
// The fastest level: a 12 KB form deflates in half the time of zlib's default (57 against 119 µs here)
// for a quarter more bytes (9.6× against 12.3× smaller); inflating costs the same.
const DEFLATE = { level: constants.Z_BEST_SPEED }

export interface Entry {
  payload: Buffer
  createdAt: number
  ttlMs: number
  versions: string
}

export function encodeEntry (entry: Entry, compressThreshold: number): Buffer {
  const compress = compressThreshold > 0 && entry.payload.length > compressThreshold
  const body = compress ? deflateRawSync(entry.payload, DEFLATE) : entry.payload
  const versions = Buffer.from(entry.versions, 'latin1')
  const header = Buffer.allocUnsafe(HEADER)
  header.writeUInt8(compress ? COMPRESSED : 0, 0)
  header.writeDoubleBE(entry.createdAt, 1)
  header.writeUInt32BE(entry.ttlMs, 9)
  header.writeUInt16BE(versions.length, 13)
  return Buffer.concat([header, versions, body])
}

/** Undefined for bytes that are not an entry (a key written by something else). */
export function decodeEntry (bytes: Buffer): Entry | undefined {
  if (bytes.length < HEADER) return undefined
  const flags = bytes.readUInt8(0)
  const createdAt = bytes.readDoubleBE(1)
  const ttlMs = bytes.readUInt32BE(9)
  const versionsEnd = HEADER + bytes.readUInt16BE(13)
  if (versionsEnd > bytes.length || flags > COMPRESSED) return undefined
  const body = bytes.subarray(versionsEnd)
  try {
    return {
      createdAt,
      ttlMs,
      versions: bytes.toString('latin1', HEADER, versionsEnd),
      payload: flags === COMPRESSED ? inflateRawSync(body) : body
    }
  } catch {
    return undefined
  }
}

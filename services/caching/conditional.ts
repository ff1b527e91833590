// Entity-tag matching for conditional requests (RFC 9110 §8.8.3, §13.1).

interface EntityTag { weak: boolean, opaque: string }

const ENTITY_TAG = /(W\/)?"([^"]*)"/g

function parse (header: string): '*' | EntityTag[] {
  if (header.trim() === '*') return '*'
  return [...header.matchAll(ENTITY_TAG)].map((m) => ({ weak: m[1] !== undefined, opaque: m[2]! }))
}

/** `If-Match`: strong comparison; true when the header is absent, `*`, or lists `etag`. */
export function ifMatchPasses (header: string | undefined, etag: string): boolean {
  if (header === undefined) return true
  const tags = parse(header)
  if (tags === '*') return true
  const current = parse(etag)
  if (current === '*' || current[0] === undefined || current[0].weak) return false
  return tags.some((tag) => !tag.weak && tag.opaque === current[0]!.opaque)
}

/** `If-None-Match`: weak comparison; true when the header is `*` or lists `etag` (then answer 304). */
export function ifNoneMatchMatches (header: string | undefined, etag: string): boolean {
  if (header === undefined) return false
  const tags = parse(header)
  if (tags === '*') return true
  const current = parse(etag)
  if (current === '*' || current[0] === undefined) return false
  return tags.some((tag) => tag.opaque === current[0]!.opaque)
}

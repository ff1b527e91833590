// Checks of a glob before it reaches Redis' `SCAN MATCH` (pattern
// invalidation). Redis' stringmatchlen() (util.c) reads a few patterns other
// than they look, on the UTF-8 bytes of the pattern:
//
// - `*` any run of bytes, `?` one byte, `\x` the byte x (a trailing `\` is itself);
// - `[...]` one byte of the set; `^` first negates it; `\x` inside is x;
//   `a-z` a range, compared as C `char` (signed on x86-64: bytes >= 0x80 sort
//   below 0x00) and swapped when out of order (`[z-a]` is `[a-z]`);
// - `-` followed by `]` still makes a range (`[a-]` is the range `]`..`a`,
//   and the class goes on);
// - a `[` never closed takes the rest of the pattern as its set.
//
// The in-process tier never matches a glob itself: a pattern moves the version
// of every kind it can reach, so those kinds' L1 entries are dropped whole.

const BACKSLASH = 0x5c
const OPEN = 0x5b
const CLOSE = 0x5d
const CARET = 0x5e
const DASH = 0x2d

/**
 * Why Redis would read `pattern` differently from what it most likely means,
 * or why it is malformed; null when it is a plain, well-formed glob.
 */
export function globProblem (pattern: string): string | null {
  const p = Buffer.from(pattern, 'utf8')
  let i = 0
  while (i < p.length) {
    const c = p[i]!
    if (c === BACKSLASH) {
      if (i === p.length - 1) return 'a trailing \\ escapes nothing (write \\\\ for a backslash)'
      i += 2
    } else if (c === OPEN) {
      const set = checkSet(p, i + 1)
      if (typeof set === 'string') return set
      i = set
    } else {
      i++
    }
  }
  return null
}

/** The class that starts after the `[` at `i`: what is wrong with it, or the index after its `]`. */
function checkSet (p: Buffer, i: number): string | number {
  const start = i
  if (p[i] === CARET) i++
  const body = i
  while (i < p.length && p[i] !== CLOSE) {
    if (p[i] === BACKSLASH && p.length - i >= 2) {
      i += 2
    } else if (p.length - i >= 3 && p[i + 1] === DASH) {
      const [from, to] = [p[i]!, p[i + 2]!]
      const range = `${String.fromCharCode(from)}-${String.fromCharCode(to)}`
      if (to === CLOSE) return 'a "-" before "]" makes a range up to "]" (write \\- for a dash)'
      if (from === BACKSLASH || to === BACKSLASH) return 'a range cannot start or end with \\ (nothing is escaped in a range)'
      if (from > 0x7f || to > 0x7f) return 'ranges must be ASCII (Redis compares bytes)'
      if (from > to) return `the range ${range} is out of order (Redis would read it as ${String.fromCharCode(to)}-${String.fromCharCode(from)})`
      i += 3
    } else {
      i++
    }
  }
  if (i >= p.length) return 'a [ is never closed (Redis would take the rest of the pattern as its character class)'
  if (i === body) return p[start] === CARET ? '[^] matches any character (write ? instead)' : '[] matches nothing'
  return i + 1
}

// Redis' glob (`SCAN MATCH`, `KEYS`), reimplemented so the in-process tier
// drops exactly the keys Redis finds. It follows stringmatchlen() in Redis'
// util.c, quirks included, on the UTF-8 bytes of the pattern and the key:
//
// - `*` any run of bytes, `?` one byte, `\x` the byte x (a trailing `\` is itself);
// - `[...]` one byte of the set; `^` first negates it; `\x` inside is x;
//   `a-z` a range, compared as C `char` (signed on x86-64: bytes >= 0x80 sort
//   below 0x00) and swapped when out of order (`[z-a]` is `[a-z]`);
// - `-` followed by `]` still makes a range (`[a-]` is the range `]`..`a`,
//   and the class goes on);
// - a `[` never closed takes the rest of the pattern as its set;
// - an empty key matches only the empty pattern (Redis never calls the
//   matcher for `*` alone, so `*` never meets one there).
//
// One difference is left out: Redis gives up (no match) past 1000 nested
// stars; a pattern here is at most 200 characters after the key prefix (which
// holds no glob character), so it never comes to that.
//
// The pattern is parsed once into one-byte tokens and stars; matching is
// iterative with a single backtrack point (the last star), so it costs at most
// pattern length × key length steps, whatever the pattern.

type Token =
  | { kind: 'star' }
  | { kind: 'any' }
  | { kind: 'byte', value: number }
  | { kind: 'set', negated: boolean, bytes: number[], ranges: Array<[number, number]> }

/** A C `char` on x86-64. */
const signed = (byte: number) => byte > 127 ? byte - 256 : byte

const BACKSLASH = 0x5c
const OPEN = 0x5b
const CLOSE = 0x5d
const CARET = 0x5e
const DASH = 0x2d
const STAR = 0x2a
const QUESTION = 0x3f

/** The class starting after the `[` at `i`; returns the token and the index after it. */
function parseSet (p: Buffer, i: number): [Token, number] {
  const negated = p[i] === CARET
  if (negated) i++
  const bytes: number[] = []
  const ranges: Array<[number, number]> = []
  while (i < p.length && p[i] !== CLOSE) {
    if (p[i] === BACKSLASH && p.length - i >= 2) {
      bytes.push(p[i + 1]!)
      i += 2
    } else if (p.length - i >= 3 && p[i + 1] === DASH) {
      const [a, b] = [signed(p[i]!), signed(p[i + 2]!)]
      ranges.push(a <= b ? [a, b] : [b, a])
      i += 3
    } else {
      bytes.push(p[i]!)
      i++
    }
  }
  // past the `]`, or at the end when the class was never closed
  return [{ kind: 'set', negated, bytes, ranges }, Math.min(i + 1, p.length)]
}

function parse (pattern: string): Token[] {
  const p = Buffer.from(pattern, 'utf8')
  const tokens: Token[] = []
  let i = 0
  while (i < p.length) {
    const c = p[i]!
    if (c === STAR) {
      if (tokens.at(-1)?.kind !== 'star') tokens.push({ kind: 'star' })
      i++
    } else if (c === QUESTION) {
      tokens.push({ kind: 'any' })
      i++
    } else if (c === OPEN) {
      const [token, next] = parseSet(p, i + 1)
      tokens.push(token)
      i = next
    } else if (c === BACKSLASH && p.length - i >= 2) {
      tokens.push({ kind: 'byte', value: p[i + 1]! })
      i += 2
    } else {
      tokens.push({ kind: 'byte', value: c })
      i++
    }
  }
  return tokens
}

/** A one-byte step as the bytes it accepts (one table lookup per byte), or null for a star. */
type Step = Uint8Array | null

function toStep (token: Token): Step {
  if (token.kind === 'star') return null
  const accepts = new Uint8Array(256)
  for (let byte = 0; byte < 256; byte++) {
    if (token.kind === 'any') accepts[byte] = 1
    else if (token.kind === 'byte') accepts[byte] = token.value === byte ? 1 : 0
    else {
      const c = signed(byte)
      const found = token.bytes.includes(byte) || token.ranges.some(([lo, hi]) => c >= lo && c <= hi)
      accepts[byte] = found !== token.negated ? 1 : 0
    }
  }
  return accepts
}

/** Whether Redis' `MATCH pattern` selects `text`. */
export function matchGlob (pattern: string, text: string): boolean {
  return compileGlob(pattern)(text)
}

/** The pattern parsed once, for matching many keys (synchronously: the matcher reuses one buffer). */
export function compileGlob (pattern: string): (text: string) => boolean {
  const steps = parse(pattern).map(toStep)
  // a key's UTF-8 bytes are written into one buffer instead of a new one per key
  const scratch = Buffer.allocUnsafe(4096)
  return (text) => {
    if (text.length * 3 <= scratch.length) return matchSteps(steps, scratch, scratch.write(text, 0, 'utf8'))
    const bytes = Buffer.from(text, 'utf8')
    return matchSteps(steps, bytes, bytes.length)
  }
}

/** Whether the first `length` bytes of `s` match. */
function matchSteps (steps: Step[], s: Uint8Array, length: number): boolean {
  if (length === 0) return steps.length === 0
  let t = 0
  let i = 0
  // the last star seen, and where in the text its match currently ends
  let starStep = -1
  let starText = 0
  while (i < length) {
    const step = steps[t]
    if (step === null) {
      starStep = t++
      starText = i
    } else if (step !== undefined && step[s[i]!] === 1) {
      t++
      i++
    } else if (starStep !== -1) {
      // let the last star take one more byte, and retry what follows it
      t = starStep + 1
      i = ++starText
    } else {
      return false
    }
  }
  while (steps[t] === null) t++
  return t === steps.length
}

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
      const problem = setProblem(p, i + 1)
      if (problem !== null) return problem
      i = parseSet(p, i + 1)[1]
    } else {
      i++
    }
  }
  return null
}

function setProblem (p: Buffer, i: number): string | null {
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
  return null
}

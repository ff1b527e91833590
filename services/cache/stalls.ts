// How long this process has stood still: turns of the event loop held by a
// synchronous call (better-sqlite3 waiting on a lock, a huge JSON.parse),
// during which no socket was read. A tick every TICK_MS measures the gaps;
// one longer than two ticks is counted whole, shorter ones are scheduling jitter.
const TICK_MS = 10
let stalled = 0
let last = 0
let timer: NodeJS.Timeout | undefined

const gap = (now: number) => now - last > 2 * TICK_MS ? now - last - TICK_MS : 0

/** Milliseconds this process has stood still since it first asked, the stall in progress included. */
export function stalledMs (): number {
  const now = performance.now()
  if (timer === undefined) {
    last = now
    timer = setInterval(() => {
      const at = performance.now()
      stalled += gap(at)
      last = at
    }, TICK_MS).unref()
  }
  return stalled + gap(now)
}

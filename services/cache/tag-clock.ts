import { GLOBAL_TAG } from './keys.js'

/**
 * Remembers when each tag was last invalidated on this instance, as a sequence
 * number. A value read (or computed) before an invalidation of one of its tags
 * must not be put into the in-process tier after it: callers take `now()`
 * before reading and ask `changedSince()` before storing.
 *
 * Bounded: forgotten tags raise a floor, so an unknown tag is treated as
 * "possibly changed" after the floor — never as unchanged.
 */
export function createTagClock (capacity = 10_000) {
  let sequence = 0
  let floor = 0
  const last = new Map<string, number>()

  return {
    now: () => sequence,

    touch (tags: Iterable<string>) {
      sequence++
      for (const tag of tags) {
        if (tag === GLOBAL_TAG) { floor = sequence; last.clear(); return }
        last.delete(tag)
        last.set(tag, sequence)
      }
      while (last.size > capacity) {
        const [oldest, at] = last.entries().next().value as [string, number]
        last.delete(oldest)
        floor = Math.max(floor, at)
      }
    },

    /** Everything may have changed (a subscription was lost, the cache was cleared). */
    touchAll () {
      sequence++
      floor = sequence
      last.clear()
    },

    changedSince (tags: readonly string[], since: number): boolean {
      if (floor > since) return true
      return tags.some((tag) => (last.get(tag) ?? 0) > since)
    }
  }
}

export type TagClock = ReturnType<typeof createTagClock>

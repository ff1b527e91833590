import type { CircuitBreaker } from './breaker.js'
import type { BusMessage } from './bus.js'
import { GLOBAL_TAG, kindsReachedBy, kindTag } from './keys.js'
import type { MemoryTier } from './memory-tier.js'
import type { RedisTier } from './redis-tier.js'
import type { TagClock } from './tag-clock.js'
import { zeroCounts, type KindCounts } from './types.js'
import { newVersion, type TagVersions } from './versions.js'

/** What an invalidation did: entries dropped per kind, and whether every instance will hear of it. */
export interface TagInvalidation {
  /** Entries this instance held that are gone now. (In Redis, an invalidated entry is not deleted: its versions no longer match, and it expires.) */
  counts: KindCounts
  /**
   * True once Redis took the new versions and the message (or there is no Redis
   * to tell); false when Redis did not answer: this process replays it when Redis is back.
   */
  delivered: boolean
}

/** What deleting keys by glob did: the keys deleted (in Redis, or in process without it), and the tag invalidation behind it. */
export interface KeyInvalidation extends TagInvalidation { keys: number }

export interface InvalidatorDeps {
  enabled: boolean
  instanceId: string
  memory: MemoryTier
  clock: TagClock
  versions: TagVersions
  breaker: CircuitBreaker
  l2: RedisTier | undefined
}

// Beyond this many tags waiting to be replayed, recovery starts a new epoch instead.
const MAX_PENDING_TAGS = 1000

const sum = (counts: KindCounts) => Object.values(counts).reduce((total, n) => total + n, 0)

/**
 * Invalidation: a new random version per tag in Redis (O(1) per tag, whatever
 * it covers: entries of the old version are never served again anywhere) and
 * one message that makes every instance drop its in-process entries of the tag.
 */
export function createInvalidator ({ enabled, instanceId, memory, clock, versions, breaker, l2 }: InvalidatorDeps) {
  // Tags whose invalidation may not have reached Redis: replayed before Redis is read again.
  const pending = new Set<string>()

  const messageOf = (tags: readonly string[], newVersions?: readonly string[]) =>
    JSON.stringify({ from: instanceId, tags: [...tags], versions: newVersions && [...newVersions] } satisfies BusMessage)

  /** What an invalidation does on one instance: nothing read before it is kept or stored after it. */
  function applyHere (tags: readonly string[]): KindCounts {
    clock.touch(tags)
    versions.forget(tags)
    return memory.dropTags(tags)
  }

  function missed (tags: readonly string[]) {
    for (const tag of tags) pending.add(tag)
    if (pending.size > MAX_PENDING_TAGS) {
      pending.clear()
      pending.add(GLOBAL_TAG)
    }
    breaker.trip(new Error('an invalidation could not reach redis'))
  }

  async function invalidateTags (tags: readonly string[]): Promise<TagInvalidation> {
    const list = [...new Set(tags)]
    if (list.length === 0 || !enabled) return { counts: zeroCounts(), delivered: true }
    // past the breaker: a write must reach the other instances whenever Redis answers at all
    const since = clock.now()
    const newVersions = list.map(newVersion)
    const delivered = l2 === undefined || await l2.invalidate(list, newVersions, messageOf(list, newVersions), true)
    if (!delivered) missed(list)
    // what this instance knows of the new versions, checked before its own invalidation touches them
    const adopt = delivered && l2 !== undefined ? list.filter((tag) => !clock.changedSince([tag], since)) : []
    // after Redis: a read here that raced the round trip cannot keep what it read before
    const counts = applyHere(list)
    versions.adopt(adopt, adopt.map((tag) => newVersions[list.indexOf(tag)]!), clock.now())
    return { counts, delivered }
  }

  async function deleteMatching (glob: string, tags: readonly string[]): Promise<KeyInvalidation> {
    if (!enabled) return { keys: 0, counts: zeroCounts(), delivered: true }
    const deleted = await l2?.deleteMatching(glob, true)
    const { counts, delivered } = await invalidateTags(tags)
    return { keys: deleted?.keys ?? sum(counts), counts, delivered }
  }

  return {
    invalidateTags,

    /**
     * Deletes the cache's keys matching a glob (relative to the prefix) and moves
     * the version of every kind the glob can reach, so that no load in flight
     * writes back what it read before: those kinds reload on their next read.
     */
    deleteMatching: (glob: string) => deleteMatching(glob, kindsReachedBy(glob).map(kindTag)),

    /** Every cache key under the prefix, and a new epoch: nothing stored before is valid anywhere. */
    deleteAll: () => deleteMatching('*', [GLOBAL_TAG]),

    /**
     * Another instance's invalidation. Its new versions are current once the
     * message is out (it follows them into Redis), so the next read here names
     * the entry without reading them back.
     */
    onMessage ({ tags, versions: newVersions }: BusMessage) {
      if (tags === undefined) return
      applyHere(tags)
      if (newVersions?.length === tags.length) versions.adopt(tags, newVersions, clock.now())
    },

    /** Replays what could not be delivered (recovery, before Redis is read again); rejects if Redis fails again. */
    async replay () {
      if (pending.size === 0) return
      const tags = [...pending]
      const newVersions = tags.map(newVersion)
      if (!await l2!.invalidate(tags, newVersions, messageOf(tags, newVersions), true)) throw new Error('could not replay the missed invalidations')
      for (const tag of tags) pending.delete(tag)
    },

    applyHere,
    messageOf,
    pending: () => pending.size
  }
}

export type Invalidator = ReturnType<typeof createInvalidator>

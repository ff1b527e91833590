import { randomBytes } from 'node:crypto'
import { LRUMapWithDelete } from 'mnemonist'
import type { MemoryTier } from './memory-tier.js'
import type { TagClock } from './tag-clock.js'

// Random bytes drawn in bulk: one randomBytes call per version costs microseconds of synchronous work.
const VERSION_BYTES = 9
let pool = Buffer.alloc(0)
let offset = 0

/** Versions are random tokens (72 bits), never counters: they cannot repeat after an eviction, a restart or a failover. */
export function newVersion (): string {
  if (offset + VERSION_BYTES > pool.length) {
    pool = randomBytes(VERSION_BYTES * 256)
    offset = 0
  }
  offset += VERSION_BYTES
  return pool.toString('base64url', offset - VERSION_BYTES, offset)
}

// A version a store creates for a tag that had none carries this mark; an invalidation's never does.
// So a store that finds another first load's version there knows nothing was invalidated since its
// read found the tag absent (an invalidation would have left an unmarked one), and records its entry
// under that version instead of losing it.
const CREATED = '~'

/** Whether a version was created by a first store, not by an invalidation. */
export const isCreated = (version: string) => version.startsWith(CREATED)

/**
 * The versions as an entry's name in Redis spells them: a tag without a
 * version, or with one a first store created, counts as `-`. So every load of
 * a new tag meets at one name, whichever instance proposed or created its
 * first version meanwhile; the entry there records the exact versions, and a
 * read checks them. An invalidation's version (never marked) moves the name.
 */
export function nameVersions (versions: ReadonlyArray<string | null>): string {
  let spelled = ''
  for (let i = 0; i < versions.length; i++) {
    const version = versions[i]
    spelled += (i === 0 ? '' : ' ') + (version === null || version === undefined || isCreated(version) ? '-' : version)
  }
  return spelled
}

export interface TagVersionsOptions {
  memory: MemoryTier
  clock: TagClock
  /** Whether this instance hears every invalidation now (so what it learned is still current). */
  trusted: () => boolean
  capacity?: number
}

/**
 * The tag versions this instance knows to be current: learned from Redis,
 * forgotten when an invalidation of the tag arrives. While the invalidation
 * link is healthy, a read needs no round trip for them. Bounded (LRU): a
 * forgotten tag is read from Redis again.
 *
 * It keeps one rule with the in-process tier: an entry there never carries a
 * version of a tag other than the one known here. So a value computed now from
 * in-process entries is consistent with the versions it is recorded under,
 * even when an invalidation's message is still on its way (then the version
 * read from Redis is new, and learning it drops the entries of the old one first).
 */
export function createTagVersions ({ memory, clock, trusted, capacity = 100_000 }: TagVersionsOptions) {
  const known = new LRUMapWithDelete<string, string>(capacity)
  // Absent tags get a version when a value computed under them is stored: concurrent loads here
  // propose the same one, so none of them stores an entry the others' cannot match.
  const proposed = new LRUMapWithDelete<string, string>(10_000)

  return {
    /** The versions of all the tags when every one is known and trusted, else undefined. */
    current (tags: readonly string[]): string[] | undefined {
      if (!trusted()) return undefined
      const versions: string[] = []
      for (const tag of tags) {
        const version = known.get(tag)
        if (version === undefined) return undefined
        versions.push(version)
      }
      return versions
    },

    /** A known version, if trusted. */
    get: (tag: string) => trusted() ? known.get(tag) : undefined,

    /**
     * Versions read from Redis by a read that began at `since` (null: the tag has
     * none). A tag invalidated here since then is skipped: what was read may be
     * older than the invalidation. In-process entries of another version go.
     */
    learn (tags: readonly string[], versions: ReadonlyArray<string | null>, since: number) {
      tags.forEach((tag, i) => {
        if (clock.changedSince([tag], since)) return
        const version = versions[i]
        if (version === null || version === undefined) {
          known.delete(tag)
          memory.dropTags([tag])
        } else if (known.get(tag) !== version) {
          proposed.delete(tag)
          memory.dropOtherVersions(tag, version)
          known.set(tag, version)
        }
      })
    },

    /**
     * This instance just gave the tags these versions in Redis (an invalidation
     * that began at `since`): it knows them, unless another invalidation of a tag
     * arrived meanwhile (then Redis may hold that one's: the next read asks it).
     */
    adopt (tags: readonly string[], newVersions: readonly string[], since: number) {
      tags.forEach((tag, i) => {
        if (clock.changedSince([tag], since)) return
        memory.dropTags([tag])
        known.set(tag, newVersions[i]!)
      })
    },

    /** The tags were invalidated: their next version must come from Redis. */
    forget (tags: readonly string[]) {
      for (const tag of tags) {
        known.delete(tag)
        proposed.delete(tag)
      }
    },

    /** The version this instance proposes for a tag that has none yet (created with the first entry stored under it). */
    propose (tag: string): string {
      let version = proposed.get(tag)
      if (version === undefined) proposed.set(tag, version = CREATED + newVersion())
      return version
    },

    clear: () => known.clear(),
    size: () => known.size
  }
}

export type TagVersions = ReturnType<typeof createTagVersions>

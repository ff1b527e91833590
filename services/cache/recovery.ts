import type { Invalidator } from './invalidator.js'
import { GLOBAL_TAG } from './keys.js'
import type { MemoryTier } from './memory-tier.js'
import type { RedisTier } from './redis-tier.js'
import type { TagClock } from './tag-clock.js'
import type { CacheLogger } from './types.js'
import { newVersion, type TagVersions } from './versions.js'

export interface RecoveryDeps {
  l2: RedisTier
  memory: MemoryTier
  clock: TagClock
  versions: TagVersions
  invalidator: Invalidator
  logger: CacheLogger
}

// Tag versions asked for per round trip when checking the in-process tier against Redis.
const RESYNC_BATCH = 500

/**
 * Coming back to Redis without serving anything stale (see docs/ARCHITECTURE.md,
 * "Recovery"): the epoch is checked against the server itself, what could not be
 * delivered is replayed, and the in-process tier is checked against Redis.
 */
export function createRecovery ({ l2, memory, clock, versions, invalidator, logger }: RecoveryDeps) {
  let epochs = 0

  /**
   * A Redis server other than the one the epoch was set on (a restart, which may
   * have come back from disk without the latest invalidations, or a failover)
   * means a new epoch: everything stored before is unverified. Every process
   * finds this out from Redis itself, also one started after the event.
   */
  async function checkEpoch () {
    const since = clock.now()
    const { changed, first, version } = await l2.epoch(await l2.servers(), newVersion())
    if (changed) {
      if (first) {
        logger.info({ epoch: version }, 'the cache starts its first epoch on this redis')
      } else {
        epochs++
        logger.warn({ epoch: version }, 'redis is a different server than before (restart or failover): a new cache epoch, nothing stored before is used')
      }
      await l2.publish(invalidator.messageOf([GLOBAL_TAG]), true)
      invalidator.applyHere([GLOBAL_TAG])
    }
    versions.learn([GLOBAL_TAG], [version], since)
  }

  /**
   * Invalidations may have been missed (the link was down or silent): every tag
   * an in-process entry carries is checked against Redis; entries of a moved tag
   * go, the others stay. If Redis fails meanwhile, the in-process tier is dropped.
   */
  async function resync () {
    const since = clock.now()
    versions.clear()
    const tags = [...memory.tags()]
    for (let i = 0; i < tags.length; i += RESYNC_BATCH) {
      const batch = tags.slice(i, i + RESYNC_BATCH)
      const current = await l2.versions(batch, true)
      if (current === undefined) {
        clock.touchAll()
        memory.clear()
        return
      }
      versions.learn(batch, current, since)
    }
  }

  return {
    /** The breaker's probe: resolving closes it. */
    async recover () {
      await l2.ping()
      await checkEpoch()
      await invalidator.replay()
      await resync()
    },
    resync,
    checkEpoch,
    epochs: () => epochs
  }
}

export type Recovery = ReturnType<typeof createRecovery>

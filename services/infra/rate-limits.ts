import { createHash } from 'node:crypto'
import { LRUMap } from 'mnemonist'

// Fixed-window request counters shared by every instance through Redis, and
// kept in process while Redis is not in use (the count then holds per
// instance until Redis answers again). Keys hold a digest of the client
// address or account, never the address or email itself.

export interface RateCount {
  /** Hits in the current window, this one included. */
  current: number
  /** Milliseconds until the window ends. */
  ttl: number
}

/** The one command the counters send (a Redis client or Cluster both have it). */
export interface RateRedis {
  eval (script: string, numberOfKeys: number, ...args: Array<string | number>): Promise<unknown>
}

export interface RateCounterDeps {
  /** The Redis client, when the service has one (looked up on each hit: it may appear after start-up). */
  redis: () => RateRedis | undefined
  /** Whether Redis is in use right now; while it is not, hits are counted in process. */
  redisAvailable: () => boolean
  /** Every key starts with it (`<REDIS_KEY_PREFIX>ratelimit:`). */
  prefix: string
  /** Subjects the in-process counters keep, least recently seen dropped first: memory stays bounded whatever clients send. */
  localCapacity?: number
  onRedisError?: (err: Error) => void
  now?: () => number
}

// One round trip, atomic: the first hit of a window starts its expiry. A key
// that somehow has none (PTTL -1) gets one, so no counter lives forever.
const HIT = `
local current = redis.call('INCR', KEYS[1])
if current == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return { current, ttl }
`

const digest = (subject: string) => createHash('sha256').update(subject).digest('base64url').slice(0, 22)

export function createRateCounter ({ redis, redisAvailable, prefix, localCapacity = 10_000, onRedisError, now = Date.now }: RateCounterDeps) {
  const local = new LRUMap<string, { count: number, resetAt: number }>(localCapacity)

  function countLocally (key: string, windowMs: number): RateCount {
    const at = now()
    let window = local.get(key)
    if (window === undefined || window.resetAt <= at) {
      window = { count: 0, resetAt: at + windowMs }
      local.set(key, window)
    }
    window.count++
    return { current: window.count, ttl: window.resetAt - at }
  }

  return {
    /** Counts one hit of `subject` (an address, an account) against the limit called `name`. */
    async hit (name: string, subject: string, windowMs: number): Promise<RateCount> {
      const key = `${prefix}${name}:${digest(subject)}`
      const client = redis()
      if (client !== undefined && redisAvailable()) {
        try {
          const [current, ttl] = await client.eval(HIT, 1, key, windowMs) as [number, number]
          return { current, ttl }
        } catch (err) {
          onRedisError?.(err as Error)
        }
      }
      return countLocally(key, windowMs)
    }
  }
}

export type RateCounter = ReturnType<typeof createRateCounter>

type Callback = (err: Error | null, result?: RateCount) => void

/**
 * A store for @fastify/rate-limit over the counter: the plugin makes one per
 * limited route (`child`), named after the route, so each route has its own
 * budget per client.
 */
export function rateLimitStore (counter: RateCounter) {
  return class SharedRateLimitStore {
    readonly name: string
    // the plugin constructs the root store with its options object
    constructor (name?: unknown) {
      this.name = typeof name === 'string' ? name : 'global'
    }

    incr (key: string, callback: Callback, timeWindow: number) {
      counter.hit(this.name, key, timeWindow).then((count) => callback(null, count), (err: Error) => callback(err))
    }

    // called with the route's merged limit options, whose `routeInfo` is the route (the plugin's typings say otherwise)
    child (routeOptions: object) {
      const { method, url } = (routeOptions as { routeInfo?: { method?: unknown, url?: unknown } }).routeInfo ?? {}
      return new SharedRateLimitStore(`${String(method)}:${String(url)}`)
    }
  }
}

// Lua scripts, each atomic in Redis and each touching the keys of one slot
// only (the two epoch keys share a hash tag), so they run unchanged on a Redis
// Cluster. Every one runs in O(1) except TRIM, whose work is bounded by how far
// a size index is over its limit. The read path needs none: its reads are
// plain commands (see redis-tier.ts).

/**
 * After a failed load, turns the caller's lock into a backoff marker for `ms`
 * (meanwhile, readers serve the grace entry instead of loading).
 * KEYS: lock; ARGV: lock value, ms. Returns 1 if it was the caller's lock.
 */
export const BACK_OFF = `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[1], '!', 'PX', ARGV[2])
return 1
`

/** Extends the lock only while it is ours. KEYS: lock; ARGV: lock value, ttl ms. Returns 1 if extended. */
export const EXTEND_LOCK = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0
`

/** Releases the lock only while it is ours. KEYS: lock; ARGV: lock value. Returns 1 if released. */
export const RELEASE_LOCK = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`

/**
 * Holds a size index to its limit: drops the members that have expired, then
 * pops the soonest-expiring beyond `limit`; the caller deletes those entries.
 *
 * KEYS: index; ARGV: now (ms), limit
 * Returns: { members left, victim × n }
 */
export const TRIM = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
local over = redis.call('ZCARD', KEYS[1]) - tonumber(ARGV[2])
local reply = { 0 }
if over > 0 then
  local popped = redis.call('ZPOPMIN', KEYS[1], over)
  for i = 1, #popped, 2 do reply[#reply + 1] = popped[i] end
end
reply[1] = redis.call('ZCARD', KEYS[1])
return reply
`

/**
 * The epoch as of this Redis server: unchanged while the server that holds it
 * is the one it was set on, a new one after a restart (it may have come back
 * from disk without the latest invalidations) or a failover (a replica may
 * lack them). KEYS: epoch version, epoch server; ARGV: server run_id, new version.
 * Returns: { 0: unchanged, 1: a new epoch (the server changed), 2: the first one (there was none), the epoch version }
 */
export const EPOCH = `
local version = redis.call('GET', KEYS[1])
if version and redis.call('GET', KEYS[2]) == ARGV[1] then return { 0, version } end
redis.call('SET', KEYS[1], ARGV[2])
redis.call('SET', KEYS[2], ARGV[1])
return { version and 1 or 2, ARGV[2] }
`

// Lua scripts, each atomic in Redis and each touching the keys of one slot
// only (an entry and its lock share a hash tag; so do the two epoch keys), so
// they run unchanged on a Redis Cluster. Every one runs in O(1) except TRIM,
// whose work is bounded by how far a size index is over its limit.

/**
 * The read of a miss, in one step: the entry if it is fresh and (when the
 * caller knows the current tag versions) computed under them; otherwise the
 * loader lock, taken if it is free or held by a loader of other versions (its
 * result would be stale anyway). The lock's value is `<token> <versions>`;
 * after a failed load it is a backoff marker, `! <versions>`, that lives for
 * the backoff (meanwhile, readers serve the grace entry instead of loading).
 * An entry is laid out as services/cache/codec.ts writes it.
 *
 * KEYS: entry, lock
 * ARGV: expected versions ('' when unknown: then the caller checks the entry, and the lock is taken
 * in case it is stale), now (ms), token ('' to never lock), lock ttl (ms)
 * Returns: { entry or false, status } — 0: the entry is fresh (and current, if checked); 1: the lock
 * is now the caller's; 2: another loader holds it; 3: not fresh, and no lock was asked for; 4: a load
 * of these versions failed a moment ago (backoff)
 */
export const READ = `
local entry = redis.call('GET', KEYS[1])
if entry and #entry >= 15 then
  local _, createdAt, ttl, length = struct.unpack('>BdI4I2', entry)
  local fresh = createdAt + ttl > tonumber(ARGV[2])
  if fresh and string.sub(entry, 16, 15 + length) == ARGV[1] then return { entry, 0 } end
  -- not checked (the caller knows no versions): the lock is taken all the same, so that an
  -- entry that turns out stale costs no second round trip (the caller releases it otherwise)
  if fresh and ARGV[3] == '' then return { entry, 0 } end
end
if ARGV[3] == '' then return { entry or false, 3 } end
local value = ARGV[3] .. ' ' .. ARGV[1]
local holder = redis.call('SET', KEYS[2], value, 'PX', ARGV[4], 'NX', 'GET')
if not holder then return { entry or false, 1 } end
local space = string.find(holder, ' ', 1, true)
if ARGV[1] ~= '' and space and string.sub(holder, space + 1) ~= ARGV[1] then
  redis.call('SET', KEYS[2], value, 'PX', ARGV[4])
  return { entry or false, 1 }
end
if string.sub(holder, 1, 2) == '! ' then return { entry or false, 4 } end
return { entry or false, 2 }
`

/**
 * After a failed load, turns the caller's lock into a backoff marker for `ms`.
 * KEYS: lock; ARGV: token, ms. Returns 1 if it was the caller's lock.
 */
export const BACK_OFF = `
local holder = redis.call('GET', KEYS[1])
if not holder or string.sub(holder, 1, #ARGV[1] + 1) ~= ARGV[1] .. ' ' then return 0 end
redis.call('SET', KEYS[1], '!' .. string.sub(holder, #ARGV[1] + 1), 'PX', ARGV[2])
return 1
`

/** Extends the lock only while it is ours. KEYS: lock; ARGV: token, ttl ms. Returns 1 if extended. */
export const EXTEND_LOCK = `
local holder = redis.call('GET', KEYS[1])
if holder and string.sub(holder, 1, #ARGV[1] + 1) == ARGV[1] .. ' ' then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0
`

/** Releases the lock only while it is ours. KEYS: lock; ARGV: token. Returns 1 if released. */
export const RELEASE_LOCK = `
local holder = redis.call('GET', KEYS[1])
if holder and string.sub(holder, 1, #ARGV[1] + 1) == ARGV[1] .. ' ' then return redis.call('DEL', KEYS[1]) end
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

// Lua scripts, each one atomic in Redis. Every key they touch starts with the
// key prefix, so with a hash-tagged prefix they stay within one cluster slot.

/**
 * Stores an entry only if its tag versions are still those read before the
 * value was computed (no stale write-back); indexes it by tag (for
 * invalidation counts) and by kind (for the per-kind size limit). Releases the
 * loader lock, if the caller holds it, in the same step.
 *
 * KEYS: entry, kind index, lock, tag version × n, tag index × m
 * ARGV: payload, ttl ms, max entries, n, lock token ('' for none), expected version × n
 * Returns -1 when a version moved (nothing stored), else the number of entries evicted.
 */
export const STORE = `
if ARGV[5] ~= '' and redis.call('GET', KEYS[3]) == ARGV[5] then redis.call('DEL', KEYS[3]) end
local n = tonumber(ARGV[4])
for i = 1, n do
  if redis.call('GET', KEYS[3 + i]) ~= ARGV[5 + i] then return -1 end
end
local ttl = tonumber(ARGV[2])
redis.call('SET', KEYS[1], ARGV[1], 'PX', ttl)
for i = 4, 3 + n do
  if redis.call('PTTL', KEYS[i]) < ttl then redis.call('PEXPIRE', KEYS[i], ttl * 2) end
end
for i = 4 + n, #KEYS do
  redis.call('SADD', KEYS[i], KEYS[1])
  if redis.call('PTTL', KEYS[i]) < ttl then redis.call('PEXPIRE', KEYS[i], ttl) end
end
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
redis.call('ZADD', KEYS[2], now + ttl, KEYS[1])
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now)
if redis.call('PTTL', KEYS[2]) < ttl then redis.call('PEXPIRE', KEYS[2], ttl) end
local evicted = 0
local over = redis.call('ZCARD', KEYS[2]) - tonumber(ARGV[3])
if over > 0 then
  local victims = redis.call('ZPOPMIN', KEYS[2], over)
  for i = 1, #victims, 2 do evicted = evicted + redis.call('UNLINK', victims[i]) end
end
return evicted
`

/**
 * Takes the loader lock if it is free (SET NX PX, with the owner's token) and,
 * in the same step, reads the entry and its tag versions: a leader that gets
 * the lock just after another one stored the value uses it instead of loading.
 *
 * KEYS: lock, entry, tag version × n
 * ARGV: token, ttl ms
 * Returns: 1 if acquired (else 0), the entry, version × n
 */
export const ACQUIRE = `
local reply = { redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2], 'NX') and 1 or 0 }
for i = 2, #KEYS do reply[i] = redis.call('GET', KEYS[i]) end
return reply
`

/**
 * Returns the current version of each tag, creating the missing ones from the
 * candidates (fresh random tokens: versions never repeat, so no ABA after an
 * eviction or a restart of Redis).
 *
 * KEYS: tag version × n
 * ARGV: ttl ms, candidate × n
 */
export const ENSURE_VERSIONS = `
local versions = {}
for i = 1, #KEYS do
  local version = redis.call('GET', KEYS[i])
  if not version then
    version = ARGV[1 + i]
    redis.call('SET', KEYS[i], version, 'PX', tonumber(ARGV[1]))
  end
  versions[i] = version
end
return versions
`

/**
 * Gives each tag a new version (so entries computed under the old one can no
 * longer be read or stored), drops the entries indexed under it, and tells
 * every instance (pub/sub), all in one step.
 *
 * KEYS: kind index × k, then per tag: version key, index key
 * ARGV: k, entry prefix × k, version ttl ms, channel, message, new version × tags
 * Returns the number of entries dropped, per kind.
 */
export const INVALIDATE = `
local k = tonumber(ARGV[1])
local ttl = tonumber(ARGV[k + 2])
local counts = {}
for i = 1, k do counts[i] = 0 end
for i = 1, (#KEYS - k) / 2 do
  local index = KEYS[k + 2 * i]
  redis.call('SET', KEYS[k + 2 * i - 1], ARGV[k + 4 + i], 'PX', ttl)
  for _, key in ipairs(redis.call('SMEMBERS', index)) do
    if redis.call('UNLINK', key) == 1 then
      for j = 1, k do
        local prefix = ARGV[1 + j]
        if string.sub(key, 1, #prefix) == prefix then
          counts[j] = counts[j] + 1
          redis.call('ZREM', KEYS[j], key)
          break
        end
      end
    end
  end
  redis.call('UNLINK', index)
end
redis.call('PUBLISH', ARGV[k + 3], ARGV[k + 4])
return counts
`

/** Deletes the lock only if it is still ours (a leader that produced nothing to store). KEYS: lock; ARGV: token */
export const RELEASE_LOCK = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`

/** Extends the lock only if it is still ours. KEYS: lock; ARGV: token, ttl ms */
export const EXTEND_LOCK = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0
`

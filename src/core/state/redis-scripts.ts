// Lua run by Redis as one atomic step: nothing from another client can happen between its commands.

/**
 * Saves an update only if its lock is still ours, then releases the lock.
 * KEYS: lock, value. ARGV: token, 'set' | 'delete', JSON value, TTL in ms. Returns 1 if saved, 0 if the lock
 * had expired (someone else may have written since, so writing now could lose their update).
 */
export const COMMIT_UPDATE = `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
if ARGV[2] == 'delete' then
  redis.call('DEL', KEYS[2])
else
  redis.call('SET', KEYS[2], ARGV[3], 'PX', ARGV[4])
end
redis.call('DEL', KEYS[1])
return 1
`;

/** Deletes a lock only if it still holds our token: never another caller's lock taken after ours expired. */
export const RELEASE_LOCK = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`;

/**
 * Fixed-window counter: INCR, and start the window only when the key has none (as EXPIRE NX, which needs
 * Redis 7; this works on any version). KEYS: counter. ARGV: window in ms. Returns the new count.
 */
export const INCREMENT_WINDOW = `
local count = redis.call('INCR', KEYS[1])
if redis.call('PTTL', KEYS[1]) < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return count
`;

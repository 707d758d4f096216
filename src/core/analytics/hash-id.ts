import { createHmac, randomBytes } from 'node:crypto';
import { rememberRecent } from '../memo/recent';

// People send message after message: the same few ids are hashed again and again, and a lookup costs far
// less than an HMAC. The most recent ones are remembered, per salt.
const RECENT_IDS = 10_000;
const hashersBySalt = new Map<string, (message: string) => string>();

/** A salted one-way hash of an id: the same person maps to the same value, which names no one. */
export function hashId(salt: string, ...parts: string[]): string {
  let hash = hashersBySalt.get(salt);
  if (!hash) {
    hash = rememberRecent(RECENT_IDS, (message) =>
      createHmac('sha256', salt).update(message).digest('hex').slice(0, 32),
    );
    hashersBySalt.set(salt, hash);
  }
  return hash(parts.join('\0'));
}

/** A new random salt (256 bits, hex). */
export function createSalt(): string {
  return randomBytes(32).toString('hex');
}

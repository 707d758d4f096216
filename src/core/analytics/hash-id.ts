import { createHmac, randomBytes } from 'node:crypto';

/** A salted one-way hash of an id: the same person maps to the same value, which names no one. */
export function hashId(salt: string, ...parts: string[]): string {
  return createHmac('sha256', salt).update(parts.join('\0')).digest('hex').slice(0, 32);
}

/** A new random salt (256 bits, hex). */
export function createSalt(): string {
  return randomBytes(32).toString('hex');
}

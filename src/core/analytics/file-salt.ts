import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createSalt } from './hash-id';
import { GuidebotError } from '../errors';

const SALT_FILE = 'analytics-salt';

/** The salt kept in the data folder: made once with owner-only permissions (0600), then read back. */
export function fileSalt(dataDir: string): string {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = path.join(dataDir, SALT_FILE);
  try {
    // 'wx': only the first process creates it; a second start (or replica) reads the same salt.
    writeFileSync(file, `${createSalt()}\n`, { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    chmodSync(file, 0o600);
  }
  const salt = readFileSync(file, 'utf8').trim();
  if (salt.length < 16)
    throw new GuidebotError(
      'CONFIG_INVALID',
      `${file} holds no usable salt: delete it and a new one is made`,
    );
  return salt;
}

import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { generateKeyringEntry, parseKeyring, type Keyring } from './keyring.js';

/**
 * The embedded default's keyring: read from `path`, or generated there (owner-only permissions) on first
 * start. Losing the file makes stored BYOK keys unreadable, exactly like losing SECRET_KEY.
 */
export async function loadOrCreateKeyringFile(path: string): Promise<{ keyring: Keyring; created: boolean }> {
  try {
    return { keyring: parseKeyring(await readFile(path, 'utf8')), created: false };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  await mkdir(dirname(path), { recursive: true });
  const spec = generateKeyringEntry('k1');
  try {
    await writeFile(path, `${spec}\n`, { mode: 0o600, flag: 'wx' });
  } catch (err) {
    // Another process created it first: use theirs.
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return { keyring: parseKeyring(await readFile(path, 'utf8')), created: false };
    throw err;
  }
  return { keyring: parseKeyring(spec), created: true };
}

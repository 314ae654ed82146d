import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadOrCreateKeyringFile } from '../../../src/gateway/secrets/keyring-file.js';
import { decryptSecret, encryptSecret } from '../../../src/gateway/secrets/secret-box.js';
import { InvalidKeyringError } from '../../../src/gateway/secrets/keyring.js';

describe('the embedded keyring file', () => {
  const dirs: string[] = [];
  const tempDir = async () => {
    const dir = await mkdtemp(join(tmpdir(), 'keyring-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(async () => {
    await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
  });

  it('is generated once, owner-only, and opens what it sealed after a restart', async () => {
    const path = join(await tempDir(), 'nested', 'secret-key');
    const first = await loadOrCreateKeyringFile(path);
    expect(first.created).toBe(true);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    const sealed = encryptSecret(first.keyring, 'sk-provider-key', 'owner');
    const again = await loadOrCreateKeyringFile(path);
    expect(again.created).toBe(false);
    expect(decryptSecret(again.keyring, sealed, 'owner')).toBe('sk-provider-key');
    expect(await readFile(path, 'utf8')).not.toContain('sk-provider-key');
  });

  it('refuses a corrupted file instead of silently generating a new key', async () => {
    const path = join(await tempDir(), 'secret-key');
    await writeFile(path, 'k1:not-a-key');
    await expect(loadOrCreateKeyringFile(path)).rejects.toBeInstanceOf(InvalidKeyringError);
  });
});

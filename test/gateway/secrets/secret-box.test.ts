import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Keyring, parseKeyring } from '../../../src/gateway/secrets/keyring.js';
import { decryptSecret, encryptSecret, reencrypt, sealedKeyId } from '../../../src/gateway/secrets/secret-box.js';
import { SecretBoxError, type SecretBoxErrorCode } from '../../../src/gateway/secrets/secret-box-error.js';
import { byokSecretOwner, providerCredentialOwner } from '../../../src/gateway/secrets/secret-owner.js';

const key = () => randomBytes(32).toString('base64');
const OLD_KEY = key();
const NEW_KEY = key();
const before: Keyring = parseKeyring(`k1:${OLD_KEY}`);
const after: Keyring = parseKeyring(`k2:${NEW_KEY},k1:${OLD_KEY}`);
const owner = byokSecretOwner('acct_1', 'openai');
const SECRET = 'sk-proj-0123456789abcdefghijklmnopqrstuvwxyz';

function codeOf(run: () => unknown): SecretBoxErrorCode | 'no error' {
  try {
    run();
    return 'no error';
  } catch (err) {
    if (err instanceof SecretBoxError) return err.code;
    throw err;
  }
}

/** Rebuilds a sealed string with one byte of the decoded iv or body flipped. */
function flipByte(sealed: string, part: 2 | 3, index: number, mask: number): string {
  const parts = sealed.split('.');
  const bytes = Buffer.from(parts[part]!, 'base64url');
  bytes[index % bytes.length]! ^= mask;
  parts[part] = bytes.toString('base64url');
  return parts.join('.');
}

describe('secret box', () => {
  it('round-trips any unicode string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), fc.string({ maxLength: 40 }), (plaintext, anyOwner) => {
        expect(decryptSecret(after, encryptSecret(after, plaintext, anyOwner), anyOwner)).toBe(plaintext);
      }),
    );
  });

  it('produces the versioned format, naming the active key', () => {
    const sealed = encryptSecret(after, SECRET, owner);
    expect(sealed).toMatch(/^v1\.k2\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+$/);
    expect(sealedKeyId(sealed)).toBe('k2');
  });

  it('detects any flipped bit of the iv, the ciphertext or the tag', () => {
    const sealed = encryptSecret(after, SECRET, owner);
    fc.assert(
      fc.property(fc.constantFrom(2 as const, 3 as const), fc.nat(), fc.integer({ min: 1, max: 255 }), (part, index, mask) => {
        expect(codeOf(() => decryptSecret(after, flipByte(sealed, part, index, mask), owner))).toBe('tampered');
      }),
    );
  });

  it('refuses a ciphertext presented for another owner', () => {
    const sealed = encryptSecret(after, SECRET, owner);
    expect(codeOf(() => decryptSecret(after, sealed, byokSecretOwner('acct_2', 'openai')))).toBe('tampered');
    expect(codeOf(() => decryptSecret(after, sealed, byokSecretOwner('acct_1', 'anthropic')))).toBe('tampered');
    expect(codeOf(() => decryptSecret(after, sealed, providerCredentialOwner('openai')))).toBe('tampered');
  });

  it('binds the key id: relabelling a ciphertext to another key fails', () => {
    const sealed = encryptSecret(after, SECRET, owner);
    const relabelled = sealed.replace(/^v1\.k2\./, 'v1.k1.');
    expect(codeOf(() => decryptSecret(after, relabelled, owner))).toBe('tampered');
  });

  it('reports a key id that is not in the keyring', () => {
    const sealed = encryptSecret(after, SECRET, owner);
    expect(codeOf(() => decryptSecret(before, sealed, owner))).toBe('unknown_key');
    expect(codeOf(() => decryptSecret(after, sealed.replace('.k2.', '.constructor.'), owner))).toBe('unknown_key');
  });

  it('rotates: old secrets still open, reencrypt moves them to the active key', () => {
    const old = encryptSecret(before, SECRET, owner);
    expect(decryptSecret(after, old, owner)).toBe(SECRET);
    const rotated = reencrypt(after, old, owner);
    expect(sealedKeyId(rotated)).toBe('k2');
    expect(decryptSecret(parseKeyring(`k2:${NEW_KEY}`), rotated, owner)).toBe(SECRET);
    expect(reencrypt(after, rotated, owner)).toBe(rotated);
    expect(codeOf(() => reencrypt(after, old, byokSecretOwner('acct_2', 'openai')))).toBe('tampered');
  });

  it.each([
    ['empty', ''],
    ['too few parts', 'v1.k2.AAAAAAAAAAAAAAAA'],
    ['too many parts', 'v1.k2.AAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA.x'],
    ['unknown version', 'v2.k2.AAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA'],
    ['empty key id', 'v1..AAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA'],
    ['short iv', 'v1.k2.AAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA'],
    ['iv not base64url', 'v1.k2.AAAAAAAA+AAAAAAA.AAAAAAAAAAAAAAAAAAAAAA'],
    ['body shorter than the tag', 'v1.k2.AAAAAAAAAAAAAAAA.AAAA'],
    ['padded body', 'v1.k2.AAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA=='],
    ['non-canonical trailing bits', 'v1.k2.AAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAB'],
  ])('rejects a malformed sealed string (%s)', (_, sealed) => {
    expect(codeOf(() => decryptSecret(after, sealed, owner))).toBe('malformed');
  });

  it('uses a fresh iv for every encryption (10k)', () => {
    const ivs = new Set<string>();
    for (let i = 0; i < 10_000; i++) ivs.add(encryptSecret(after, SECRET, owner).split('.')[2]!);
    expect(ivs.size).toBe(10_000);
  });

  it('never shows the plaintext (or its base64) in the sealed string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-ascii', minLength: 8, maxLength: 80 }), (plaintext) => {
        const sealed = encryptSecret(after, plaintext, owner);
        for (const form of [plaintext, Buffer.from(plaintext).toString('base64url'), Buffer.from(plaintext).toString('hex')]) {
          expect(sealed).not.toContain(form);
        }
      }),
    );
  });
});

import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateKeyringEntry, InvalidKeyringError, parseKeyring } from '../../../src/gateway/secrets/keyring.js';

const k1 = randomBytes(32);
const k2 = randomBytes(32);

describe('parseKeyring', () => {
  it('makes the first entry active and keeps the others for decryption', () => {
    const keyring = parseKeyring(` k2:${k2.toString('base64')} , k1:${k1.toString('base64url')} `);
    expect(keyring.activeKeyId).toBe('k2');
    expect(Object.keys(keyring.keys)).toEqual(['k2', 'k1']);
    expect(keyring.keys.k2!.equals(k2)).toBe(true);
    expect(keyring.keys.k1!.equals(k1)).toBe(true);
  });

  it('accepts a generated entry', () => {
    const keyring = parseKeyring(generateKeyringEntry('2025-06'));
    expect(keyring.activeKeyId).toBe('2025-06');
    expect(keyring.keys['2025-06']).toHaveLength(32);
  });

  it.each([
    ['empty', '', /empty/],
    ['only separators', ' , ,', /empty/],
    ['missing key id', k1.toString('base64'), /no key id/],
    ['empty key id', `:${k1.toString('base64')}`, /key id must be/],
    ['key id with a dot', `k.1:${k1.toString('base64')}`, /key id must be/],
    ['bad base64', 'k1:not base64!', /not valid base64/],
    ['16-byte key', `k1:${randomBytes(16).toString('base64')}`, /32 bytes, got 16/],
    ['64-byte key', `k1:${randomBytes(64).toString('base64')}`, /32 bytes, got 64/],
    ['duplicate id', `k1:${k1.toString('base64')},k1:${k2.toString('base64')}`, /duplicate key id "k1"/],
  ])('rejects %s with a clear error', (_, spec, message) => {
    expect(() => parseKeyring(spec)).toThrow(InvalidKeyringError);
    expect(() => parseKeyring(spec)).toThrow(message);
  });

  it('never echoes key material in its errors', () => {
    const material = k1.toString('base64');
    for (const spec of [`${material}:k1`, `k1:${material.slice(0, 20)}`, material]) {
      expect(() => parseKeyring(spec)).toThrow(InvalidKeyringError);
      try {
        parseKeyring(spec);
      } catch (err) {
        expect((err as Error).message).not.toContain(material.slice(0, 12));
      }
    }
  });
});

import { describe, expect, it } from 'vitest';
import { bearerToken, generateApiKey, hashApiKey, looksLikeApiKey, secretsEqual } from '../../../src/gateway/auth/api-key-secret.js';

describe('API key secrets', () => {
  it('generates distinct 256-bit keys with a recognisable prefix and a hash that is not the key', () => {
    const keys = Array.from({ length: 1000 }, generateApiKey);
    expect(new Set(keys.map((k) => k.plaintext)).size).toBe(1000);
    for (const k of keys.slice(0, 50)) {
      expect(looksLikeApiKey(k.plaintext)).toBe(true);
      expect(k.hash).toBe(hashApiKey(k.plaintext));
      expect(k.hash).toMatch(/^[0-9a-f]{64}$/);
      expect(k.plaintext.startsWith(k.displayPrefix)).toBe(true);
      expect(k.displayPrefix).toHaveLength(13);
    }
  });

  it('reads only well-formed bearer tokens', () => {
    expect(bearerToken('Bearer abc')).toBe('abc');
    expect(bearerToken('bearer   abc  ')).toBe('abc');
    expect(bearerToken('Basic abc')).toBeNull();
    expect(bearerToken('Bearer a b')).toBeNull();
    expect(bearerToken(undefined)).toBeNull();
  });

  it('compares secrets in constant time regardless of length', () => {
    expect(secretsEqual('same-secret', 'same-secret')).toBe(true);
    expect(secretsEqual('same-secret', 'other')).toBe(false);
  });
});

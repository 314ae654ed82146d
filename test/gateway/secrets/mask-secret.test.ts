import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskSecret } from '../../../src/gateway/secrets/mask-secret.js';

describe('maskSecret', () => {
  it('keeps the vendor marker and the last four characters', () => {
    expect(maskSecret('sk-proj-0123456789abcdefghijklmnopqrstuvwxyz')).toBe('sk-…wxyz');
    expect(maskSecret('AIzaSyA0123456789abcdefghijklmnopqrs')).toBe('…pqrs');
  });

  it('shows nothing of a short secret', () => {
    expect(maskSecret('sk-1234567890')).toBe('…');
    expect(maskSecret('abc-')).toBe('…');
    expect(maskSecret('')).toBe('…');
  });

  it('never reveals more than the last four characters after the marker', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (secret) => {
        const masked = maskSecret(secret);
        const [prefix, tail] = masked.split('…') as [string, string];
        expect(secret.startsWith(prefix)).toBe(true);
        expect(prefix.length).toBeLessThanOrEqual(5);
        expect(Array.from(tail).length).toBeLessThanOrEqual(4);
        expect(secret.endsWith(tail)).toBe(true);
      }),
    );
  });
});

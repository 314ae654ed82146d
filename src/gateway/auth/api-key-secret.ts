import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const PREFIX = 'sk-sy-v1-';
const FORMAT = /^sk-sy-v1-[A-Za-z0-9_-]{43}$/;

export interface NewApiKey {
  /** Shown to the user exactly once; never stored. */
  plaintext: string;
  hash: string;
  /** Enough to recognise the key in a list ("sk-sy-v1-Ab3d…"), useless to an attacker. */
  displayPrefix: string;
}

/** 256 random bits. A plain SHA-256 suffices as the stored hash: the secret is not guessable. */
export function generateApiKey(): NewApiKey {
  const plaintext = `${PREFIX}${randomBytes(32).toString('base64url')}`;
  return { plaintext, hash: hashApiKey(plaintext), displayPrefix: plaintext.slice(0, PREFIX.length + 4) };
}

export function hashApiKey(plaintext: string): string {
  return createHash('sha256').update(plaintext).digest('hex');
}

export const looksLikeApiKey = (value: string): boolean => FORMAT.test(value);

/** Constant-time equality of two secrets (via their hashes, so lengths never leak either). */
export function secretsEqual(a: string, b: string): boolean {
  return timingSafeEqual(Buffer.from(hashApiKey(a), 'hex'), Buffer.from(hashApiKey(b), 'hex'));
}

/** The key from `Authorization: Bearer <key>` (scheme case-insensitive), or null. */
export function bearerToken(header: string | null | undefined): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match ? match[1]! : null;
}

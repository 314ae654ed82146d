import { randomBytes } from 'node:crypto';

/** AES-256 needs exactly 32 bytes of key material. */
export const MASTER_KEY_BYTES = 32;

/** Key ids appear inside sealed strings, so they must not contain the `.` separator (or `:`/`,` of the spec). */
const KEY_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/;
const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;

/** Master keys by id. New secrets are sealed with the active key; any listed key can still open its own. */
export interface Keyring {
  readonly activeKeyId: string;
  readonly keys: Readonly<Record<string, Buffer>>;
}

/** A keyring spec that cannot be used; the message names the offending entry, never the key material. */
export class InvalidKeyringError extends Error {
  override readonly name = 'InvalidKeyringError';
}

/**
 * Parses a keyring from configuration: `k2:<base64 32 bytes>,k1:<base64 32 bytes>` — the first entry is the
 * active key, the others stay only to open secrets sealed before a rotation. Whitespace around entries is
 * ignored; standard and url-safe base64 are both accepted.
 */
export function parseKeyring(spec: string): Keyring {
  const entries = spec.split(',').map((entry) => entry.trim()).filter((entry) => entry !== '');
  if (entries.length === 0) throw new InvalidKeyringError('keyring is empty: expected "<keyId>:<base64 32-byte key>[,<keyId>:<key>…]"');
  const parsed = entries.map(parseEntry);
  const seen = new Set<string>();
  for (const [keyId] of parsed) {
    if (seen.has(keyId)) throw new InvalidKeyringError(`keyring: duplicate key id "${keyId}"`);
    seen.add(keyId);
  }
  return { activeKeyId: parsed[0]![0], keys: Object.fromEntries(parsed) };
}

function parseEntry(entry: string, index: number): [keyId: string, key: Buffer] {
  const separator = entry.indexOf(':');
  if (separator < 0) throw new InvalidKeyringError(`keyring entry ${index + 1} has no key id: expected "<keyId>:<base64 key>"`);
  const keyId = entry.slice(0, separator).trim();
  assertKeyId(keyId, `keyring entry ${index + 1}: `);
  return [keyId, decodeMasterKey(keyId, entry.slice(separator + 1).trim())];
}

// Never echoes the rejected id: a spec written the wrong way round would put key material in the logs.
function assertKeyId(keyId: string, context = ''): void {
  if (!KEY_ID.test(keyId)) throw new InvalidKeyringError(`${context}key id must be 1–32 of [A-Za-z0-9_-], starting with a letter or digit`);
}

function decodeMasterKey(keyId: string, material: string): Buffer {
  if (!BASE64.test(material)) throw new InvalidKeyringError(`keyring: key "${keyId}" is not valid base64`);
  const key = Buffer.from(material, 'base64');
  if (key.length !== MASTER_KEY_BYTES) {
    throw new InvalidKeyringError(`keyring: key "${keyId}" must decode to ${MASTER_KEY_BYTES} bytes, got ${key.length} (generate one with \`openssl rand -base64 32\`)`);
  }
  return key;
}

/** The key a sealed secret names, or undefined; own properties only, so ids like `constructor` are safe. */
export function keyringKey(keyring: Keyring, keyId: string): Buffer | undefined {
  return Object.hasOwn(keyring.keys, keyId) ? keyring.keys[keyId] : undefined;
}

/** A fresh keyring entry (`<keyId>:<base64>`) to prepend to the configured spec when rotating. */
export function generateKeyringEntry(keyId: string): string {
  assertKeyId(keyId);
  return `${keyId}:${randomBytes(MASTER_KEY_BYTES).toString('base64')}`;
}

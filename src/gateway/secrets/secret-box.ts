import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { InvalidKeyringError, keyringKey, type Keyring, MASTER_KEY_BYTES } from './keyring.js';
import { SecretBoxError } from './secret-box-error.js';

const VERSION = 'v1';
const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const BASE64URL = /^[A-Za-z0-9_-]*$/;

/**
 * Seals a secret with the keyring's active key: `v1.<keyId>.<base64url iv>.<base64url ciphertext‖tag>`.
 * `owner` (see secret-owner.ts) is authenticated but not stored: decrypting needs the same owner.
 */
export function encryptSecret(keyring: Keyring, plaintext: string, owner: string): string {
  const keyId = keyring.activeKeyId;
  const key = keyringKey(keyring, keyId);
  if (!key || key.length !== MASTER_KEY_BYTES) throw new InvalidKeyringError(`keyring: active key "${keyId}" is missing or not ${MASTER_KEY_BYTES} bytes`);
  const iv = randomBytes(IV_BYTES); // random per secret: GCM is broken by any IV reuse under one key
  const cipher = createCipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(associatedData(keyId, owner));
  const sealed = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return [VERSION, keyId, iv.toString('base64url'), sealed.toString('base64url')].join('.');
}

/** Opens a sealed secret for `owner`; throws SecretBoxError (`malformed` | `unknown_key` | `tampered`). */
export function decryptSecret(keyring: Keyring, sealed: string, owner: string): string {
  const { keyId, iv, ciphertext, tag } = parseSealed(sealed);
  const key = keyringKey(keyring, keyId);
  if (!key) throw new SecretBoxError('unknown_key', `secret is sealed with key "${keyId}", which is not in the keyring`);
  const decipher = createDecipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(associatedData(keyId, owner));
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
  } catch {
    throw new SecretBoxError('tampered', 'secret failed authentication: modified, or sealed for another owner');
  }
}

/** Re-seals under the active key (rotation); a secret already under it is verified and returned as is. */
export function reencrypt(keyring: Keyring, sealed: string, owner: string): string {
  const plaintext = decryptSecret(keyring, sealed, owner);
  return sealedKeyId(sealed) === keyring.activeKeyId ? sealed : encryptSecret(keyring, plaintext, owner);
}

/** The key id a sealed secret names, so a rotation job can find what is not yet under the active key. */
export function sealedKeyId(sealed: string): string {
  return parseSealed(sealed).keyId;
}

interface SealedParts {
  keyId: string;
  iv: Buffer;
  ciphertext: Buffer;
  tag: Buffer;
}

function parseSealed(sealed: string): SealedParts {
  const parts = sealed.split('.');
  if (parts.length !== 4) throw malformed('expected 4 dot-separated parts');
  const [version, keyId, ivText, bodyText] = parts as [string, string, string, string];
  if (version !== VERSION) throw malformed(`unknown version "${version.slice(0, 8)}"`);
  if (keyId === '') throw malformed('empty key id');
  const iv = decodeBase64Url(ivText, 'iv');
  if (iv.length !== IV_BYTES) throw malformed(`iv must be ${IV_BYTES} bytes`);
  const body = decodeBase64Url(bodyText, 'ciphertext');
  if (body.length < TAG_BYTES) throw malformed('ciphertext shorter than the authentication tag');
  return { keyId, iv, ciphertext: body.subarray(0, body.length - TAG_BYTES), tag: body.subarray(body.length - TAG_BYTES) };
}

/** Strict: only the canonical encoding is accepted, so one secret has exactly one sealed spelling. */
function decodeBase64Url(text: string, part: string): Buffer {
  const bytes = BASE64URL.test(text) ? Buffer.from(text, 'base64url') : null;
  if (!bytes || bytes.toString('base64url') !== text) throw malformed(`${part} is not canonical base64url`);
  return bytes;
}

// The header is authenticated too, so a sealed string cannot be relabelled to another version or key id.
const associatedData = (keyId: string, owner: string): Buffer => Buffer.from(`${VERSION}.${keyId}.${owner}`, 'utf8');

const malformed = (why: string) => new SecretBoxError('malformed', `malformed sealed secret: ${why}`);

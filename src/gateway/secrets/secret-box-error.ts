/**
 * Why a sealed secret could not be opened:
 * - `malformed`: not a sealed string of a version we know (truncated, mangled, wrong encoding);
 * - `unknown_key`: sealed under a key id that is not in the keyring (retired too early, or foreign);
 * - `tampered`: authentication failed — the bytes were changed or the owner (aad) is not the one sealed.
 */
export type SecretBoxErrorCode = 'malformed' | 'unknown_key' | 'tampered';

export class SecretBoxError extends Error {
  override readonly name = 'SecretBoxError';
  constructor(readonly code: SecretBoxErrorCode, message: string) {
    super(message);
  }
}

export const isSecretBoxError = (err: unknown): err is SecretBoxError => err instanceof SecretBoxError;

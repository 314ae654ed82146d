/** A vendor marker such as `sk-` identifies the kind of key and is not secret. */
const VENDOR_PREFIX = /^[A-Za-z]{2,4}-/;
/** Below this many characters after the marker, even the marker and 4 trailing characters reveal too much. */
const MIN_LENGTH_TO_SHOW_HINTS = 16;
const TAIL_CHARS = 4;

/**
 * A display form of a secret that lets a user recognise it and nobody use it: `sk-…abcd`. At most the last
 * four characters are shown, and nothing at all (`…`) when the secret is short.
 */
export function maskSecret(plaintext: string): string {
  const prefix = VENDOR_PREFIX.exec(plaintext)?.[0] ?? '';
  const body = Array.from(plaintext.slice(prefix.length)); // code points, so the tail never splits a surrogate pair
  if (body.length < MIN_LENGTH_TO_SHOW_HINTS) return '…';
  return `${prefix}…${body.slice(-TAIL_CHARS).join('')}`;
}

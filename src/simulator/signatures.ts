import { hashString } from './prng.js';

/**
 * The simulator signs what its "model" thought, as Anthropic (thinking signatures) and Gemini (thought
 * signatures) do, so it can refuse a replayed turn whose signature is missing or altered — the way
 * the real APIs refuse a tool loop that drops them. Not cryptographic: a stable hash of the content.
 */
export function signatureOf(content: string): string {
  const a = hashString(content).toString(16).padStart(8, '0');
  const b = hashString(`${content.length}:${content}`).toString(16).padStart(8, '0');
  return `simsig_${a}${b}`;
}

export function isValidSignature(content: string, signature: string | undefined): boolean {
  return signature !== undefined && signature === signatureOf(content);
}

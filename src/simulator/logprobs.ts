import { hashString } from './prng.js';
import { pickWord } from './text-generator.js';
import { createPrng } from './prng.js';

export interface TokenLogprob {
  token: string;
  logprob: number;
  /** The alternatives the "model" considered, the chosen token first. */
  top: Array<{ token: string; logprob: number }>;
}

/**
 * Plausible log probabilities for the emitted pieces: deterministic per piece and position, the chosen
 * token always the likeliest, `top` alternatives in falling order.
 */
export function logprobsOf(pieces: readonly string[], top: number): TokenLogprob[] {
  return pieces.map((token, position) => {
    const prng = createPrng(hashString(`${position}|${token}`));
    const logprob = -Math.round(prng.next() * 1.5 * 1e4) / 1e4;
    const alternatives = Array.from({ length: Math.max(0, top - 1) }, (_, i) => ({ token: ` ${pickWord(prng)}`, logprob: Math.round((logprob - 1 - i - prng.next()) * 1e4) / 1e4 }));
    return { token, logprob, top: top > 0 ? [{ token, logprob }, ...alternatives] : [] };
  });
}

export const utf8Bytes = (token: string): number[] => [...Buffer.from(token, 'utf8')];

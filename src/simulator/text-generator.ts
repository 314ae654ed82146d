import type { Prng } from './prng.js';

// Common words so simulated answers read like (meaningless) prose; every entry is one token.
const WORDS = [
  'the', 'a', 'model', 'router', 'request', 'answer', 'data', 'system', 'provider', 'token', 'stream',
  'response', 'latency', 'price', 'value', 'result', 'question', 'method', 'process', 'network', 'cache',
  'user', 'time', 'context', 'example', 'detail', 'reason', 'signal', 'pattern', 'layer', 'service',
  'is', 'are', 'was', 'can', 'will', 'should', 'might', 'helps', 'makes', 'returns', 'sends', 'keeps',
  'uses', 'shows', 'finds', 'builds', 'reads', 'moves', 'checks', 'explains', 'handles', 'improves',
  'quickly', 'often', 'clearly', 'usually', 'simply', 'carefully', 'together', 'again', 'first', 'later',
  'good', 'simple', 'fast', 'small', 'large', 'useful', 'stable', 'clear', 'new', 'local', 'remote',
  'every', 'each', 'some', 'many', 'this', 'that', 'these', 'other', 'same', 'next', 'best', 'main',
  'and', 'or', 'but', 'so', 'because', 'when', 'while', 'with', 'from', 'into', 'over', 'under', 'for',
  'of', 'to', 'in', 'on', 'by', 'at', 'about', 'through', 'between', 'without', 'after', 'before',
] as const;

/**
 * Whole sentences totalling at least `tokenCount` tokens (a natural end of an answer): words, with '.'
 * and ',' as their own tokens, never two punctuation tokens in a row (they would count as one).
 */
export function generateProse(prng: Prng, tokenCount: number): string[] {
  const tokens: string[] = [];
  while (tokens.length < tokenCount) {
    const sentenceWords = 5 + prng.int(10);
    const commaAfter = sentenceWords > 8 ? 3 + prng.int(sentenceWords - 5) : -1;
    for (let i = 0; i < sentenceWords; i++) {
      const word = prng.pick(WORDS);
      tokens.push(i === 0 ? word[0]!.toUpperCase() + word.slice(1) : word);
      if (i === commaAfter) tokens.push(',');
    }
    tokens.push('.');
  }
  return tokens;
}

/** Joins prose tokens: a space before each word, none before punctuation. */
export function joinProse(tokens: readonly string[]): string {
  let text = '';
  for (const token of tokens) {
    text += text === '' || token === '.' || token === ',' ? token : ` ${token}`;
  }
  return text;
}

export function pickWord(prng: Prng): string {
  return prng.pick(WORDS);
}

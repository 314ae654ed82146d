import type { SimCacheOutcome } from './completion.js';

/**
 * The simulator's memory of cached prompt prefixes, per provider and model: the first request with a
 * prefix writes it (Anthropic reports the write; OpenAI and Gemini cache implicitly and report only
 * reads), later ones read it — until it is evicted (bounded, least recently used first).
 */
export class PromptCache {
  private readonly seen = new Map<string, true>();

  constructor(private readonly capacity = 10_000) {}

  use(scope: string, prefix: { tokens: number; key: string } | undefined): SimCacheOutcome {
    if (prefix === undefined) return { read: 0, write: 0 };
    const key = `${scope}|${prefix.key}`;
    if (this.seen.delete(key)) {
      this.seen.set(key, true);
      return { read: prefix.tokens, write: 0 };
    }
    this.seen.set(key, true);
    if (this.seen.size > this.capacity) this.seen.delete(this.seen.keys().next().value as string);
    return { read: 0, write: prefix.tokens };
  }
}

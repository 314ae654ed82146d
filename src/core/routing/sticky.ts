import { createHash } from 'node:crypto';

/**
 * The conversation identity that prompt caching follows: `session_id` when given, else a hash of the
 * first system and the first user message (later turns of one conversation share both).
 */
export function stickyKeyFor(input: { sessionId?: string | null; firstSystem?: string | null; firstUser?: string | null }): string | null {
  if (input.sessionId) return `session:${input.sessionId}`;
  if (!input.firstUser) return null;
  const digest = createHash('sha256').update(input.firstSystem ?? '').update('\u0000').update(input.firstUser).digest('hex');
  return `prompt:${digest.slice(0, 32)}`;
}

interface Remembered {
  provider: string;
  lastUsed: number;
}

export interface StickyMemory {
  /** A view of the memory at `now`, for one planning call. */
  at(now: number): { providerFor(stickyKey: string, modelId: string): string | undefined };
  remember(stickyKey: string, modelId: string, provider: string, now: number): void;
  size(): number;
}

/**
 * Which provider served each conversation, forgotten after `ttlMs` without use (default 5 minutes) and
 * bounded to `maxEntries` (oldest use evicted first) so memory cannot grow without limit.
 */
export function createStickyMemory({ ttlMs = 5 * 60_000, maxEntries = 100_000 } = {}): StickyMemory {
  // A Map iterates in insertion order; re-inserting on use keeps the least recently used first.
  const entries = new Map<string, Remembered>();
  const keyOf = (stickyKey: string, modelId: string) => `${modelId}\u0000${stickyKey}`;
  return {
    at(now) {
      return {
        providerFor(stickyKey, modelId) {
          const key = keyOf(stickyKey, modelId);
          const entry = entries.get(key);
          if (!entry) return undefined;
          if (now - entry.lastUsed > ttlMs) {
            entries.delete(key);
            return undefined;
          }
          return entry.provider;
        },
      };
    },
    remember(stickyKey, modelId, provider, now) {
      const key = keyOf(stickyKey, modelId);
      entries.delete(key);
      entries.set(key, { provider, lastUsed: now });
      if (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
    },
    size: () => entries.size,
  };
}

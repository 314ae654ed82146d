import { createHash } from 'node:crypto';

/**
 * The conversation identity that prompt caching follows, within one account (`scope`): `session_id`
 * when given, else the first system and the first user message (later turns of one conversation share
 * both). Hashed with the account, so it has a fixed length and one tenant can never hit — or steer —
 * another tenant's conversation by sending the same opening messages.
 */
export function stickyKeyFor(input: { scope: string; sessionId?: string | null; firstSystem?: string | null; firstUser?: string | null }): string | null {
  const hash = (kind: string, ...parts: string[]) => {
    const h = createHash('sha256').update(input.scope);
    for (const part of parts) h.update('\u0000').update(part);
    return `${kind}:${h.digest('hex').slice(0, 32)}`;
  };
  if (input.sessionId) return hash('session', input.sessionId);
  if (!input.firstUser) return null;
  return hash('prompt', input.firstSystem ?? '', input.firstUser);
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

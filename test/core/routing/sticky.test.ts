import { describe, expect, it } from 'vitest';
import { createStickyMemory, stickyKeyFor } from '../../../src/core/routing/index.js';

describe('stickyKeyFor', () => {
  const A = 'account-a';
  it('prefers session_id, else hashes the first system and user message, else has no key', () => {
    const session = stickyKeyFor({ scope: A, sessionId: 'abc', firstUser: 'hi' });
    expect(session).toMatch(/^session:[0-9a-f]{32}$/);
    expect(stickyKeyFor({ scope: A, sessionId: 'abc', firstUser: 'something else' })).toBe(session);
    expect(stickyKeyFor({ scope: A, sessionId: 'x'.repeat(256) })).toMatch(/^session:[0-9a-f]{32}$/);
    const a = stickyKeyFor({ scope: A, firstSystem: 'be terse', firstUser: 'hello' });
    expect(a).toMatch(/^prompt:[0-9a-f]{32}$/);
    expect(stickyKeyFor({ scope: A, firstSystem: 'be terse', firstUser: 'hello' })).toBe(a);
    expect(stickyKeyFor({ scope: A, firstSystem: 'be terse', firstUser: 'hello!' })).not.toBe(a);
    // The separator keeps "ab"+"c" and "a"+"bc" apart.
    expect(stickyKeyFor({ scope: A, firstSystem: 'ab', firstUser: 'c' })).not.toBe(stickyKeyFor({ scope: A, firstSystem: 'a', firstUser: 'bc' }));
    expect(stickyKeyFor({ scope: A, firstSystem: 'only a system prompt' })).toBeNull();
  });

  it('never gives two accounts the same key for the same conversation', () => {
    expect(stickyKeyFor({ scope: 'account-b', firstSystem: 'be terse', firstUser: 'hello' })).not.toBe(stickyKeyFor({ scope: A, firstSystem: 'be terse', firstUser: 'hello' }));
    expect(stickyKeyFor({ scope: 'account-b', sessionId: 'abc' })).not.toBe(stickyKeyFor({ scope: A, sessionId: 'abc' }));
  });
});

describe('createStickyMemory', () => {
  it('remembers the provider per conversation and model, and forgets it after inactivity', () => {
    const memory = createStickyMemory({ ttlMs: 300_000 });
    memory.remember('k', 'm1', 'groq', 0);
    expect(memory.at(299_000).providerFor('k', 'm1')).toBe('groq');
    expect(memory.at(299_000).providerFor('k', 'm2')).toBeUndefined();
    memory.remember('k', 'm1', 'groq', 299_000); // used again: the window restarts
    expect(memory.at(598_000).providerFor('k', 'm1')).toBe('groq');
    expect(memory.at(598_001 + 1_000).providerFor('k', 'm1')).toBeUndefined();
    expect(memory.size()).toBe(0);
  });

  it('stays bounded, evicting the least recently used conversation', () => {
    const memory = createStickyMemory({ maxEntries: 2 });
    memory.remember('a', 'm', 'p1', 0);
    memory.remember('b', 'm', 'p2', 1);
    memory.remember('a', 'm', 'p1', 2);
    memory.remember('c', 'm', 'p3', 3);
    expect(memory.size()).toBe(2);
    expect(memory.at(4).providerFor('b', 'm')).toBeUndefined();
    expect(memory.at(4).providerFor('a', 'm')).toBe('p1');
  });
});

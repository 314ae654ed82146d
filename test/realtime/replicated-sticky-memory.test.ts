import { afterEach, describe, expect, it } from 'vitest';
import { createStickyMemory } from '../../src/core/routing/index.js';
import { replicateSticky } from '../../src/realtime/replicated-sticky-memory.js';
import { pubsubPairs, type PubSubPair } from '../support/pubsub-pairs.js';

function stickyReplication(makePair: () => PubSubPair) {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  it('keeps a conversation on the provider that served it, whichever instance gets the next turn', async () => {
    const pair = makePair();
    const a = replicateSticky(createStickyMemory(), pair.a, 'a');
    const b = replicateSticky(createStickyMemory(), pair.b, 'b');
    cleanups.push(a.stop, b.stop, pair.dispose);
    await new Promise((r) => setTimeout(r, 100));
    const key = `session:${Math.random()}`;
    const now = Date.now();
    expect(b.sticky.at(now).providerFor(key, 'model')).toBeUndefined();
    a.sticky.remember(key, 'model', 'together', now);
    const deadline = Date.now() + 5_000;
    while (b.sticky.at(now).providerFor(key, 'model') === undefined && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(b.sticky.at(now).providerFor(key, 'model')).toBe('together');
    expect(a.sticky.size()).toBe(1); // its own message is not applied twice
  });
}

describe.each(await pubsubPairs())('over $name', ({ make }) => stickyReplication(make));

import { afterEach, describe, expect, it } from 'vitest';
import { createInMemoryHealthStore } from '../../src/core/health/in-memory-store.js';
import { createAppPubSub } from '../../src/realtime/pubsub.js';
import { replicateHealth } from '../../src/realtime/replicated-health-store.js';
import { healthStoreContract } from '../core/health/health-store-contract.js';
import { pubsubPairs, type PubSubPair } from '../support/pubsub-pairs.js';

// Replication must not change what one instance's store does.
healthStoreContract('replicated (in-memory pubsub)', (config) => replicateHealth(createInMemoryHealthStore(config), createAppPubSub(), 'solo').store);

const T = 1_700_000_000_000;

async function eventually(check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('not replicated in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

function replicationContract(makePair: () => PubSubPair) {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  it('applies what one instance measures to the other, so a breaker opens on both', async () => {
    const pair = makePair();
    const a = replicateHealth(createInMemoryHealthStore(), pair.a, 'instance-a');
    const b = replicateHealth(createInMemoryHealthStore(), pair.b, 'instance-b');
    cleanups.push(a.stop, b.stop, pair.dispose);
    await new Promise((r) => setTimeout(r, 100)); // subscriptions active
    const id = `endpoint-${Math.random()}`;
    for (let i = 0; i < 10; i++) await a.store.record(id, { kind: 'failure', cause: 'server_error' }, T);
    await eventually(async () => (await b.store.snapshot(id, T)).breaker === 'open');
    expect((await b.store.snapshot(id, T)).windows['30s'].failures).toBe(10);
    // …and an instance does not count its own outcomes twice.
    expect((await a.store.snapshot(id, T)).windows['30s'].failures).toBe(10);
    expect((await b.store.admit(id, T)).kind).toBe('rejected');
  });
}

describe.each(await pubsubPairs())('over $name', ({ make }) => replicationContract(make));

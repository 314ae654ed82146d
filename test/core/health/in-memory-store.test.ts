import { describe, expect, expectTypeOf, it } from 'vitest';
import { createInMemoryHealthStore, PERFORMANCE_REFRESH_MS } from '../../../src/core/health/in-memory-store.js';
import type { EndpointHealthSnapshot } from '../../../src/core/health/snapshot.js';
import type { EndpointHealthView } from '../../../src/core/routing/types.js';
import { healthStoreContract } from './health-store-contract.js';

healthStoreContract('in-memory', (config) => createInMemoryHealthStore(config));

describe('in-memory health store', () => {
  it('uses the default configuration when given none', async () => {
    const store = createInMemoryHealthStore();
    for (let i = 0; i < 5; i++) await store.record('e', { kind: 'failure', cause: 'stall' }, 0);
    expect((await store.snapshot('e', 0)).breakerRetryAt).toBe(30_000);
  });

  it('refreshes percentiles at most once per second of now, counters at every call', async () => {
    const store = createInMemoryHealthStore();
    const ok = { kind: 'success', ttftMs: 100 } as const;
    await store.record('e', ok, 0);
    expect((await store.snapshot('e', 0)).performance['5m'].samples).toBe(1);
    await store.record('e', ok, 500);
    const sameSecond = await store.snapshot('e', 500);
    expect(sameSecond.performance['5m'].samples).toBe(1);
    expect(sameSecond.windows['30s'].successes).toBe(2);
    expect((await store.snapshot('e', PERFORMANCE_REFRESH_MS)).performance['5m'].samples).toBe(2);
  });

  it('snapshots are what the routing planner reads as health', () => {
    expectTypeOf<EndpointHealthSnapshot>().toExtend<EndpointHealthView>();
  });
});

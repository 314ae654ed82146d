// The contract every HealthStore implementation must satisfy (in-memory today, Redis later): call
// healthStoreContract(name, makeStore) from that implementation's test file.
import { describe, expect, it } from 'vitest';
import { healthConfig, type HealthConfig } from '../../../src/core/health/config.js';
import type { Outcome } from '../../../src/core/health/outcome.js';
import type { HealthStore } from '../../../src/core/health/store.js';

export type MakeHealthStore = (config: HealthConfig) => HealthStore | Promise<HealthStore>;

const T = 1_700_000_000_000;
/** `tokensPerSecond: null` → a success too short to measure a rate. */
const ok = (ttftMs = 400, tokensPerSecond: number | null = 50): Outcome =>
  tokensPerSecond === null ? { kind: 'success', ttftMs } : { kind: 'success', ttftMs, tokensPerSecond };
const fail: Outcome = { kind: 'failure', cause: 'server_error' };

export function healthStoreContract(name: string, makeStore: MakeHealthStore): void {
  const storeWith = (overrides: Parameters<typeof healthConfig>[0] = {}) => Promise.resolve(makeStore(healthConfig(overrides)));
  let unique = 0;
  const newId = () => `endpoint-${++unique}-${Math.random().toString(36).slice(2)}`; // shared backends keep state between tests
  const recordMany = async (store: HealthStore, id: string, outcome: Outcome, times: number, at: number) => {
    for (let i = 0; i < times; i++) await store.record(id, outcome, at);
  };

  describe(`HealthStore contract: ${name}`, () => {
    it('reports an endpoint never recorded as unknown, closed and measured by nothing', async () => {
      const store = await storeWith();
      const id = newId();
      const snapshot = await store.snapshot(id, T);
      expect(snapshot).toMatchObject({ endpointId: id, status: 'unknown', breaker: 'closed', breakerRetryAt: undefined, significantOutage: false });
      expect(snapshot.latencySeconds).toBeUndefined();
      expect(snapshot.throughput).toBeUndefined();
      expect(snapshot.rateLimitedRate).toBeUndefined();
      expect(snapshot.windows['30s']).toEqual({ successes: 0, failures: 0, rateLimited: 0, uptime: undefined, rateLimitedRate: undefined });
      expect(await store.admit(id, T)).toEqual({ kind: 'allowed' });
    });

    it('counts failures against uptime, tracks 429s apart and ignores client errors', async () => {
      const store = await storeWith();
      const id = newId();
      await recordMany(store, id, ok(), 3, T);
      await store.record(id, { kind: 'failure', cause: 'timeout' }, T);
      await recordMany(store, id, { kind: 'rate_limited' }, 4, T);
      await recordMany(store, id, { kind: 'client_error' }, 10, T);
      const { windows, rateLimitedRate } = await store.snapshot(id, T);
      expect(windows['30s']).toEqual({ successes: 3, failures: 1, rateLimited: 4, uptime: 0.75, rateLimitedRate: 0.5 });
      expect(rateLimitedRate).toBe(0.5);
    });

    it('lets outcomes fall out of each window as it ages', async () => {
      const store = await storeWith();
      const id = newId();
      await store.record(id, fail, T);
      const seen = async (ageMs: number) => {
        const { windows } = await store.snapshot(id, T + ageMs);
        return Object.entries(windows).filter(([, w]) => w.failures > 0).map(([window]) => window);
      };
      expect(await seen(0)).toEqual(['30s', '5m', '30m', '1d']);
      expect(await seen(60_000)).toEqual(['5m', '30m', '1d']);
      expect(await seen(10 * 60_000)).toEqual(['30m', '1d']);
      expect(await seen(2 * 3_600_000)).toEqual(['1d']);
      expect(await seen(25 * 3_600_000)).toEqual([]);
    });

    it('ignores an outcome older than the longest window', async () => {
      const store = await storeWith();
      const id = newId();
      await store.record(id, ok(), T);
      await store.record(id, fail, T - 2 * 86_400_000);
      expect((await store.snapshot(id, T)).windows['1d'].failures).toBe(0);
    });

    it('gives latency (seconds) and throughput percentiles over 5 and 30 minutes', async () => {
      const store = await storeWith();
      const id = newId();
      for (let ms = 100; ms <= 1_000; ms += 100) await store.record(id, ok(ms, ms / 10), T);
      const snapshot = await store.snapshot(id, T);
      expect(snapshot.latencySeconds!.p50).toBeCloseTo(0.5, 1);
      expect(Math.abs(snapshot.latencySeconds!.p99 - 0.9) / 0.9).toBeLessThanOrEqual(0.02);
      expect(Math.abs(snapshot.throughput!.p50 - 50) / 50).toBeLessThanOrEqual(0.02);
      expect(snapshot.performance['5m'].samples).toBe(10);
      expect(snapshot.performance['30m']).toEqual(snapshot.performance['5m']);

      const later = await store.snapshot(id, T + 10 * 60_000);
      expect(later.latencySeconds).toBeUndefined();
      expect(later.performance['30m'].samples).toBe(10);
    });

    it('leaves throughput unmeasured when successes carry no rate', async () => {
      const store = await storeWith();
      const id = newId();
      await store.record(id, ok(300, null), T);
      const snapshot = await store.snapshot(id, T);
      expect(snapshot.latencySeconds).toBeDefined();
      expect(snapshot.throughput).toBeUndefined();
    });

    it.each([
      [95, 5, 'healthy'],
      [80, 20, 'degraded'],
      [79, 21, 'fallback_only'],
      [10, 0, 'unknown'],
    ] as const)('%i successes and %i failures in 30 minutes → %s', async (successes, failures, status) => {
      const store = await storeWith({ breaker: { consecutiveFailures: 1_000, minSamples: 1_000 } });
      const id = newId();
      await recordMany(store, id, ok(), successes, T);
      await recordMany(store, id, fail, failures, T);
      expect((await store.snapshot(id, T + 10 * 60_000)).status).toBe(status);
    });

    it('opens the breaker after 5 consecutive failures and rejects until the cooldown ends', async () => {
      const store = await storeWith();
      const id = newId();
      await recordMany(store, id, fail, 4, T);
      expect((await store.snapshot(id, T)).breaker).toBe('closed');
      await store.record(id, fail, T);
      expect(await store.snapshot(id, T)).toMatchObject({ breaker: 'open', breakerRetryAt: T + 30_000, significantOutage: true });
      expect(await store.admit(id, T + 29_999)).toEqual({ kind: 'rejected', retryAt: T + 30_000 });
      expect((await store.snapshot(id, T + 30_000)).breaker).toBe('half-open');
    });

    it('opens the breaker on a 50 % failure rate over 10 samples in 30 s', async () => {
      const store = await storeWith();
      const id = newId();
      for (let i = 0; i < 5; i++) {
        await store.record(id, ok(), T + i);
        await store.record(id, fail, T + i);
      }
      expect((await store.snapshot(id, T + 10)).breaker).toBe('open');
    });

    it('admits exactly one concurrent probe; its success closes the breaker', async () => {
      const store = await storeWith();
      const id = newId();
      await recordMany(store, id, fail, 5, T);
      const admissions = await Promise.all(Array.from({ length: 8 }, () => store.admit(id, T + 30_000)));
      expect(admissions.filter((a) => a.kind === 'probe')).toHaveLength(1);
      expect(admissions.filter((a) => a.kind === 'rejected')).toHaveLength(7);
      await store.record(id, ok(), T + 31_000);
      expect(await store.snapshot(id, T + 31_000)).toMatchObject({ breaker: 'closed', significantOutage: false });
      expect(await store.admit(id, T + 31_000)).toEqual({ kind: 'allowed' });
    });

    it('re-opens on a failed probe with a doubled cooldown', async () => {
      const store = await storeWith();
      const id = newId();
      await recordMany(store, id, fail, 5, T);
      expect((await store.admit(id, T + 30_000)).kind).toBe('probe');
      await store.record(id, fail, T + 31_000);
      expect(await store.snapshot(id, T + 31_000)).toMatchObject({ breaker: 'open', breakerRetryAt: T + 31_000 + 60_000 });
    });

    it('keeps a significant outage after the breaker closes until the 30 s window recovers', async () => {
      const store = await storeWith({ breaker: { cooldownMs: 10_000 } });
      const id = newId();
      await recordMany(store, id, fail, 10, T);
      expect((await store.admit(id, T + 10_000)).kind).toBe('probe');
      await store.record(id, ok(), T + 10_000);
      expect(await store.snapshot(id, T + 10_000)).toMatchObject({ breaker: 'closed', significantOutage: true });
      expect(await store.snapshot(id, T + 30_000)).toMatchObject({ breaker: 'closed', significantOutage: false });
    });

    it('keeps endpoints apart and answers snapshotMany like snapshot', async () => {
      const store = await storeWith();
      const [a, b, never] = [newId(), newId(), newId()];
      await recordMany(store, a, fail, 5, T);
      await store.record(b, ok(), T);
      const many = await store.snapshotMany([a, b, never], T);
      expect([...many.keys()]).toEqual([a, b, never]);
      expect(many.get(a)!.breaker).toBe('open');
      expect(many.get(b)!.breaker).toBe('closed');
      expect(many.get(b)).toEqual(await store.snapshot(b, T));
      expect(many.get(never)!.status).toBe('unknown');
    });
  });
}

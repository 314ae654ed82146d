import { describe, expect, it } from 'vitest';
import { healthConfig } from '../../../src/core/health/config.js';
import { sumCounts } from '../../../src/core/health/count-ring.js';
import {
  admitToEndpoint,
  createEndpointHealth,
  hasSignificantOutage,
  performanceOf,
  recordOutcome,
  snapshotEndpoint,
} from '../../../src/core/health/endpoint-health.js';
import type { Outcome } from '../../../src/core/health/outcome.js';

const config = healthConfig();
const T = 10_000_000;
const fail: Outcome = { kind: 'failure', cause: 'connection' };
const ok: Outcome = { kind: 'success', ttftMs: 250, tokensPerSecond: 120 };
const recordTimes = (health: ReturnType<typeof createEndpointHealth>, outcome: Outcome, times: number, at: number) => {
  for (let i = 0; i < times; i++) recordOutcome(health, outcome, at, config);
};

describe('createEndpointHealth', () => {
  it('starts with empty windows and a closed breaker', () => {
    const health = createEndpointHealth();
    expect(health.breaker.phase).toBe('closed');
    expect(Object.keys(health.uptime)).toEqual(['30s', '5m', '30m', '1d']);
    expect(Object.keys(health.latencyMs)).toEqual(['5m', '30m']);
    expect(sumCounts(health.uptime['1d'], T)).toEqual({ successes: 0, failures: 0, rateLimited: 0 });
  });
});

describe('recordOutcome', () => {
  it('records successes into the uptime counters and both performance windows', () => {
    const health = createEndpointHealth();
    recordOutcome(health, ok, T, config);
    expect(sumCounts(health.uptime['30s'], T).successes).toBe(1);
    expect(snapshotEndpoint('e', health, T, config).performance['30m'].samples).toBe(1);
  });

  it('leaves everything untouched for a client error', () => {
    const health = createEndpointHealth();
    recordTimes(health, { kind: 'client_error' }, 20, T);
    expect(sumCounts(health.uptime['30s'], T)).toEqual({ successes: 0, failures: 0, rateLimited: 0 });
    expect(health.breaker.phase).toBe('closed');
  });

  it('never opens the breaker on 429s', () => {
    const health = createEndpointHealth();
    recordTimes(health, { kind: 'rate_limited' }, 50, T);
    expect(health.breaker.phase).toBe('closed');
    expect(sumCounts(health.uptime['30s'], T).rateLimited).toBe(50);
  });

  it('a 429 between failures does not reset the consecutive-failure streak', () => {
    const health = createEndpointHealth();
    recordTimes(health, fail, 4, T);
    recordOutcome(health, { kind: 'rate_limited' }, T, config);
    recordOutcome(health, fail, T, config);
    expect(health.breaker.phase).toBe('open');
  });

  it('after a probe closes the breaker, failures from before it do not re-open it at once', () => {
    const health = createEndpointHealth();
    recordTimes(health, fail, 10, T);
    expect(admitToEndpoint(health, T + 30_000, config).kind).toBe('probe');
    recordOutcome(health, ok, T + 29_500, config); // the probe answered (reported within the same window)
    expect(health.breaker.phase).toBe('closed');
    recordOutcome(health, fail, T + 30_500, config);
    expect(health.breaker.phase).toBe('closed');
  });
});

describe('admitToEndpoint', () => {
  it('allows while closed, takes the single probe slot after the cooldown', () => {
    const health = createEndpointHealth();
    expect(admitToEndpoint(health, T, config)).toEqual({ kind: 'allowed' });
    recordTimes(health, fail, 5, T);
    expect(admitToEndpoint(health, T + 1, config).kind).toBe('rejected');
    expect(admitToEndpoint(health, T + 30_000, config).kind).toBe('probe');
    expect(admitToEndpoint(health, T + 30_001, config).kind).toBe('rejected');
  });

  it('frees the probe slot when the probe ends in a client error', () => {
    const health = createEndpointHealth();
    recordTimes(health, fail, 5, T);
    admitToEndpoint(health, T + 30_000, config);
    recordOutcome(health, { kind: 'client_error' }, T + 30_100, config);
    expect(admitToEndpoint(health, T + 30_200, config).kind).toBe('probe');
  });
});

describe('hasSignificantOutage', () => {
  it('is false when healthy, true when the breaker opened, false again once it closed and the window aged', () => {
    const health = createEndpointHealth();
    recordTimes(health, ok, 20, T);
    expect(hasSignificantOutage(health, T, config)).toBe(false);
    recordTimes(health, fail, 5, T + 1_000);
    expect(hasSignificantOutage(health, T + 1_000, config)).toBe(true);
    admitToEndpoint(health, T + 31_000, config);
    recordOutcome(health, ok, T + 31_000, config);
    expect(hasSignificantOutage(health, T + 31_000, config)).toBe(false);
  });

  it('agrees with the snapshot', () => {
    const health = createEndpointHealth();
    recordTimes(health, fail, 3, T);
    expect(hasSignificantOutage(health, T, config)).toBe(snapshotEndpoint('e', health, T, config).significantOutage);
  });
});

describe('performanceOf', () => {
  it('gives samples and percentiles per window, with 5 min ageing out before 30 min', () => {
    const health = createEndpointHealth();
    recordTimes(health, ok, 4, T);
    recordOutcome(health, { kind: 'success', ttftMs: 900 }, T, config); // measures latency, not throughput
    const now = performanceOf(health, T);
    expect(now['5m'].samples).toBe(5);
    expect(now['5m'].latencySeconds!.p50).toBeCloseTo(0.25, 2);
    expect(now['5m'].throughput!.p50).toBeCloseTo(120, -1);
    expect(now['30m']).toEqual(now['5m']);
    const later = performanceOf(health, T + 6 * 60_000);
    expect(later['5m']).toEqual({ samples: 0, latencySeconds: undefined, throughput: undefined });
    expect(later['30m'].samples).toBe(5);
  });
});

describe('snapshotEndpoint', () => {
  it('reports latency in seconds and throughput in tokens/s from the 5 minute window', () => {
    const health = createEndpointHealth();
    recordOutcome(health, ok, T, config);
    const snapshot = snapshotEndpoint('e', health, T, config);
    expect(snapshot.latencySeconds!.p50).toBeCloseTo(0.25, 2);
    expect(snapshot.throughput!.p99).toBeCloseTo(120, -1);
    expect(snapshot.latencySeconds).toEqual(snapshot.performance['5m'].latencySeconds);
  });

  it('judges status on the configured window and sample minimum', () => {
    const health = createEndpointHealth();
    recordTimes(health, ok, 3, T);
    expect(snapshotEndpoint('e', health, T, config).status).toBe('unknown');
    expect(snapshotEndpoint('e', health, T, healthConfig({ status: { minSamples: 3 } })).status).toBe('healthy');
    expect(snapshotEndpoint('e', health, T + 60_000, healthConfig({ status: { minSamples: 3, window: '30s' } })).status).toBe('unknown');
  });

  it('does not modify the state it reads', () => {
    const health = createEndpointHealth();
    recordTimes(health, fail, 5, T);
    snapshotEndpoint('e', health, T + 60_000, config);
    expect(health.breaker.phase).toBe('open');
  });
});

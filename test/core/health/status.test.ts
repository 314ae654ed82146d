import { describe, expect, it } from 'vitest';
import { DEFAULT_BREAKER_CONFIG } from '../../../src/core/health/breaker.js';
import { healthConfig } from '../../../src/core/health/config.js';
import { DEFAULT_STATUS_CONFIG, isSignificantOutage, rateLimitedRateOf, statusOf, uptimeOf } from '../../../src/core/health/status.js';

const counts = (successes: number, failures: number, rateLimited = 0) => ({ successes, failures, rateLimited });

describe('uptimeOf', () => {
  it('is successes over successes + failures, ignoring 429s', () => {
    expect(uptimeOf(counts(3, 1, 100))).toBe(0.75);
  });
  it('is undefined without samples', () => {
    expect(uptimeOf(counts(0, 0, 5))).toBeUndefined();
  });
});

describe('rateLimitedRateOf', () => {
  it('is 429s over everything counted', () => {
    expect(rateLimitedRateOf(counts(2, 1, 1))).toBe(0.25);
  });
  it('is undefined with nothing counted', () => {
    expect(rateLimitedRateOf(counts(0, 0, 0))).toBeUndefined();
  });
});

describe('statusOf (OpenRouter uptime bands)', () => {
  it.each([
    [counts(100, 0), 'healthy'],
    [counts(95, 5), 'healthy'], // exactly 95 %
    [counts(9_499, 501), 'degraded'], // 94.99 %
    [counts(80, 20), 'degraded'], // exactly 80 %
    [counts(7_999, 2_001), 'fallback_only'], // 79.99 %
    [counts(0, 20), 'fallback_only'],
    [counts(19, 0), 'unknown'], // too few samples
    [counts(0, 19, 500), 'unknown'], // 429s are not samples
    [counts(0, 0), 'unknown'],
  ] as const)('%o → %s', (c, status) => {
    expect(statusOf(c, DEFAULT_STATUS_CONFIG)).toBe(status);
  });
});

describe('isSignificantOutage', () => {
  it.each([
    ['open breaker', 'open', counts(100, 0), true],
    ['half-open breaker', 'half-open', counts(100, 0), true],
    ['closed, 50 % failures over 10 samples', 'closed', counts(5, 5), true],
    ['closed, 40 % failures', 'closed', counts(6, 4), false],
    ['closed, all failures but only 9 samples', 'closed', counts(0, 9), false],
    ['closed, only 429s', 'closed', counts(0, 0, 50), false],
  ] as const)('%s → %s', (_name, phase, c, outage) => {
    expect(isSignificantOutage(phase, c, DEFAULT_BREAKER_CONFIG)).toBe(outage);
  });
});

describe('healthConfig', () => {
  it('overrides only what is given', () => {
    const config = healthConfig({ breaker: { cooldownMs: 5_000 }, status: { minSamples: 1 } });
    expect(config.breaker).toEqual({ ...DEFAULT_BREAKER_CONFIG, cooldownMs: 5_000 });
    expect(config.status).toEqual({ ...DEFAULT_STATUS_CONFIG, minSamples: 1 });
    expect(healthConfig()).toEqual({ breaker: DEFAULT_BREAKER_CONFIG, status: DEFAULT_STATUS_CONFIG });
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RateLimitConfig } from '../../../src/gateway/rate-limit/rate-limiter.js';
import { admits, describeDecision, windowIndexOf, type WindowCounts } from '../../../src/gateway/rate-limit/sliding-window.js';

/** The counts a key shows at `later`, if nothing was admitted since `now`. */
function countsAt(counts: WindowCounts, now: number, later: number, windowMs: number): WindowCounts {
  const gap = windowIndexOf(later, windowMs) - windowIndexOf(now, windowMs);
  if (gap === 0) return counts;
  if (gap === 1) return { previous: counts.current, current: 0 };
  return { previous: 0, current: 0 };
}

const admitsAt = (counts: WindowCounts, now: number, later: number, config: RateLimitConfig) =>
  admits(countsAt(counts, now, later, config.windowMs), later % config.windowMs, config);

const scenario = fc
  .record({ limit: fc.integer({ min: 1, max: 200 }), windowMs: fc.integer({ min: 1, max: 120_000 }) })
  .chain((config) =>
    fc.record({
      config: fc.constant(config),
      counts: fc.record({ previous: fc.integer({ min: 0, max: config.limit }), current: fc.integer({ min: 0, max: config.limit }) }),
      now: fc.integer({ min: 0, max: 1_000_000_000 }),
    }),
  );

describe('two-window weighted approximation', () => {
  it('retryAfterMs is exact: refused one ms before it, admitted at it', () => {
    fc.assert(
      fc.property(scenario, ({ config, counts, now }) => {
        const decision = describeDecision(admits(counts, now % config.windowMs, config), counts, now, config);
        if (decision.allowed) return;
        expect(decision.retryAfterMs).toBeGreaterThan(0);
        expect(decision.retryAfterMs).toBeLessThanOrEqual(2 * config.windowMs);
        expect(admitsAt(counts, now, now + decision.retryAfterMs - 1, config)).toBe(false);
        expect(admitsAt(counts, now, now + decision.retryAfterMs, config)).toBe(true);
        expect(decision.resetAt).toBeGreaterThanOrEqual(now + decision.retryAfterMs);
      }),
    );
  });

  it('remaining is exactly how many more requests fit right now', () => {
    fc.assert(
      fc.property(scenario, ({ config, counts, now }) => {
        const elapsed = now % config.windowMs;
        const decision = describeDecision(admits(counts, elapsed, config), counts, now, config);
        if (!decision.allowed) return;
        let fits = 0;
        while (admits({ previous: counts.previous, current: counts.current + 1 + fits }, elapsed, config)) fits++;
        expect(decision.remaining).toBe(fits);
      }),
    );
  });

  it('never admits more than the limit inside one window', () => {
    fc.assert(
      fc.property(scenario, ({ config, counts }) => {
        expect(admits({ previous: counts.previous, current: config.limit }, config.windowMs - 1, config)).toBe(false);
      }),
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCountRing, recordCount, sumCounts } from '../../../src/core/health/count-ring.js';

const thirtySeconds = () => createCountRing({ bucketMs: 1_000, buckets: 30 });
const T = 1_000_000;

describe('count ring', () => {
  it('starts empty', () => {
    expect(sumCounts(thirtySeconds(), T)).toEqual({ successes: 0, failures: 0, rateLimited: 0 });
  });

  it('counts each class separately', () => {
    const ring = thirtySeconds();
    recordCount(ring, 'successes', T);
    recordCount(ring, 'successes', T + 10);
    recordCount(ring, 'failures', T + 2_000);
    recordCount(ring, 'rateLimited', T + 3_000);
    expect(sumCounts(ring, T + 3_000)).toEqual({ successes: 2, failures: 1, rateLimited: 1 });
  });

  it('lets old outcomes fall out of the window', () => {
    const ring = thirtySeconds();
    recordCount(ring, 'failures', T);
    recordCount(ring, 'successes', T + 10_000);
    expect(sumCounts(ring, T + 29_999).failures).toBe(1);
    expect(sumCounts(ring, T + 30_000)).toEqual({ successes: 1, failures: 0, rateLimited: 0 });
    expect(sumCounts(ring, T + 40_000).successes).toBe(0);
  });

  it('reuses a slot for a newer bucket, forgetting what it held', () => {
    const ring = thirtySeconds();
    recordCount(ring, 'failures', T);
    recordCount(ring, 'successes', T + 30_000); // same slot, 30 buckets later
    expect(sumCounts(ring, T + 30_000)).toEqual({ successes: 1, failures: 0, rateLimited: 0 });
  });

  it('drops an outcome older than the ring reaches', () => {
    const ring = thirtySeconds();
    recordCount(ring, 'successes', T + 30_000);
    recordCount(ring, 'failures', T); // late report for a bucket already overwritten
    expect(sumCounts(ring, T + 30_000)).toEqual({ successes: 1, failures: 0, rateLimited: 0 });
  });

  it('accepts a late outcome still inside the window', () => {
    const ring = thirtySeconds();
    recordCount(ring, 'successes', T + 20_000);
    recordCount(ring, 'failures', T + 5_000);
    expect(sumCounts(ring, T + 20_000).failures).toBe(1);
  });

  it('does not count outcomes after now', () => {
    const ring = thirtySeconds();
    recordCount(ring, 'successes', T + 5_000);
    expect(sumCounts(ring, T).successes).toBe(0);
  });

  it('counts only buckets starting at or after notBefore', () => {
    const ring = thirtySeconds();
    recordCount(ring, 'failures', T + 1_000);
    recordCount(ring, 'failures', T + 5_000);
    expect(sumCounts(ring, T + 10_000, T + 5_000).failures).toBe(1);
  });

  it('works with a clock at or below zero', () => {
    const ring = thirtySeconds();
    recordCount(ring, 'successes', -500);
    recordCount(ring, 'successes', 0);
    expect(sumCounts(ring, 0).successes).toBe(2);
  });

  it('matches a naive count of in-order outcomes inside the window (property)', () => {
    const classes = ['successes', 'failures', 'rateLimited'] as const;
    fc.assert(
      fc.property(
        fc.array(fc.record({ gap: fc.nat(3_000), counted: fc.constantFrom(...classes) }), { maxLength: 200 }),
        fc.nat(60_000),
        (events, readDelay) => {
          const ring = thirtySeconds();
          let at = T;
          const recorded = events.map(({ gap, counted }) => ({ at: (at += gap), counted }));
          for (const e of recorded) recordCount(ring, e.counted, e.at);
          const now = at + readDelay;
          const oldestBucket = Math.floor(now / 1_000) - 29;
          const inWindow = recorded.filter((e) => Math.floor(e.at / 1_000) >= oldestBucket);
          const expected = Object.fromEntries(classes.map((c) => [c, inWindow.filter((e) => e.counted === c).length]));
          expect(sumCounts(ring, now)).toEqual(expected);
        },
      ),
    );
  });
});

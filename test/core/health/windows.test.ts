import { describe, expect, it } from 'vitest';
import { bucketEpoch, epochsInWindow, slotOf } from '../../../src/core/health/time-buckets.js';
import { PERFORMANCE_LAYOUT, PERFORMANCE_WINDOWS, UPTIME_LAYOUT, UPTIME_WINDOWS } from '../../../src/core/health/windows.js';

const SPAN_MS = { '30s': 30_000, '5m': 300_000, '30m': 1_800_000, '1d': 86_400_000 } as const;

describe('window layouts', () => {
  it.each(UPTIME_WINDOWS)('uptime window %s: buckets × size = the span, at most 30 buckets', (w) => {
    expect(UPTIME_LAYOUT[w].buckets * UPTIME_LAYOUT[w].bucketMs).toBe(SPAN_MS[w]);
    expect(UPTIME_LAYOUT[w].buckets).toBeLessThanOrEqual(30);
  });

  it.each(PERFORMANCE_WINDOWS)('performance window %s: buckets × size = the span, at most 6 sketches', (w) => {
    expect(PERFORMANCE_LAYOUT[w].buckets * PERFORMANCE_LAYOUT[w].bucketMs).toBe(SPAN_MS[w]);
    expect(PERFORMANCE_LAYOUT[w].buckets).toBeLessThanOrEqual(6);
  });
});

describe('time buckets', () => {
  it('bucketEpoch floors time to its bucket', () => {
    expect([bucketEpoch(1_000, 0), bucketEpoch(1_000, 999), bucketEpoch(1_000, 1_000), bucketEpoch(1_000, -1)]).toEqual([0, 0, 1, -1]);
  });

  it('slotOf wraps epochs into the ring, negative ones too', () => {
    expect([slotOf(30, 0), slotOf(30, 31), slotOf(30, -1)]).toEqual([0, 1, 29]);
  });

  it('epochsInWindow covers the current bucket and the buckets − 1 before it', () => {
    expect(epochsInWindow(30, 1_000, 100_500)).toEqual({ oldest: 71, newest: 100 });
  });

  it('epochsInWindow starts at the first bucket beginning at or after notBefore', () => {
    expect(epochsInWindow(30, 1_000, 100_500, 95_000)).toEqual({ oldest: 95, newest: 100 });
    expect(epochsInWindow(30, 1_000, 100_500, 95_001)).toEqual({ oldest: 96, newest: 100 });
    expect(epochsInWindow(30, 1_000, 100_500, 0)).toEqual({ oldest: 71, newest: 100 });
  });
});

import { describe, expect, it } from 'vitest';
import { percentilesAcross } from '../../../src/core/health/log-sketch.js';
import { createSketchRing, recordValue, sketchesInWindow, type SketchRing } from '../../../src/core/health/sketch-ring.js';

const fiveMinutes = () => createSketchRing({ bucketMs: 60_000, buckets: 5 });
const T = 6_000_000;
const countAt = (ring: SketchRing, now: number) => sketchesInWindow(ring, now).reduce((sum, s) => sum + s.count, 0);

describe('sketch ring', () => {
  it('starts empty', () => {
    expect(sketchesInWindow(fiveMinutes(), T)).toEqual([]);
  });

  it('returns the buckets inside the window', () => {
    const ring = fiveMinutes();
    recordValue(ring, 100, T);
    recordValue(ring, 200, T + 60_000);
    recordValue(ring, 300, T + 120_000);
    const inWindow = sketchesInWindow(ring, T + 120_000);
    expect(inWindow).toHaveLength(3);
    expect(percentilesAcross(inWindow)!.p50).toBeCloseTo(200, -1);
  });

  it('lets old measurements fall out of the window', () => {
    const ring = fiveMinutes();
    recordValue(ring, 10_000, T);
    recordValue(ring, 100, T + 60_000);
    expect(countAt(ring, T + 299_999)).toBe(2);
    expect(countAt(ring, T + 300_000)).toBe(1);
    expect(percentilesAcross(sketchesInWindow(ring, T + 300_000))!.p99).toBeCloseTo(100, -1);
  });

  it('starts a fresh sketch when a slot is reused and drops too-old measurements', () => {
    const ring = fiveMinutes();
    recordValue(ring, 1, T);
    recordValue(ring, 2, T + 300_000); // same slot, next lap
    recordValue(ring, 3, T); // too late: the slot moved on
    expect(countAt(ring, T + 300_000)).toBe(1);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addToSketch,
  createSketch,
  MAX_TRACKED_VALUE,
  mergeSketch,
  MIN_TRACKED_VALUE,
  percentilesAcross,
  percentilesOf,
  quantileOf,
  sketchEntries,
  type LogSketch,
} from '../../../src/core/health/log-sketch.js';

const sketchOf = (values: readonly number[]): LogSketch => {
  const sketch = createSketch();
  for (const v of values) addToSketch(sketch, v);
  return sketch;
};

/** The exact quantile with the sketch's rank convention: the element at floor(q × (n − 1)). */
const exactQuantile = (values: readonly number[], q: number) => [...values].sort((a, b) => a - b)[Math.floor(q * (values.length - 1))]!;

const relativeError = (approx: number, exact: number) => Math.abs(approx - exact) / exact;

const trackedValue = fc.double({ min: MIN_TRACKED_VALUE, max: MAX_TRACKED_VALUE, noNaN: true });
const QUANTILES = [0, 0.01, 0.25, 0.5, 0.75, 0.9, 0.99, 1];

describe('log sketch', () => {
  it('has no quantiles when empty', () => {
    expect(quantileOf(createSketch(), 0.5)).toBeUndefined();
    expect(percentilesOf(createSketch())).toBeUndefined();
  });

  it('returns p50/p75/p90/p99 of a uniform 1…1000 within 2 %', () => {
    const values = Array.from({ length: 1000 }, (_, i) => i + 1);
    const p = percentilesOf(sketchOf(values))!;
    expect(relativeError(p.p50, exactQuantile(values, 0.5))).toBeLessThanOrEqual(0.02);
    expect(relativeError(p.p75, exactQuantile(values, 0.75))).toBeLessThanOrEqual(0.02);
    expect(relativeError(p.p90, exactQuantile(values, 0.9))).toBeLessThanOrEqual(0.02);
    expect(relativeError(p.p99, exactQuantile(values, 0.99))).toBeLessThanOrEqual(0.02);
  });

  it('reports values below the tracked minimum as 0', () => {
    const sketch = sketchOf([0, 0, 0, 5]);
    expect(quantileOf(sketch, 0.5)).toBe(0);
    expect(quantileOf(sketch, 1)).toBeCloseTo(5, 0);
  });

  it('clamps values above the tracked maximum', () => {
    expect(relativeError(quantileOf(sketchOf([1e15]), 0.5)!, MAX_TRACKED_VALUE)).toBeLessThanOrEqual(0.02);
  });

  it('ignores negative, NaN and infinite values', () => {
    const sketch = sketchOf([-1, Number.NaN, Number.POSITIVE_INFINITY, 10]);
    expect(sketch.count).toBe(1);
    expect(relativeError(quantileOf(sketch, 0)!, 10)).toBeLessThanOrEqual(0.01);
  });

  it('clamps q to 0…1', () => {
    const sketch = sketchOf([1, 100]);
    expect(quantileOf(sketch, -1)).toBe(quantileOf(sketch, 0));
    expect(quantileOf(sketch, 2)).toBe(quantileOf(sketch, 1));
  });

  it('keeps bins dense over only the range seen (bounded memory)', () => {
    const narrow = sketchOf(Array.from({ length: 10_000 }, (_, i) => 200 + (i % 800)));
    expect(narrow.bins.length).toBeLessThan(300);
    const widest = sketchOf([MIN_TRACKED_VALUE, MAX_TRACKED_VALUE]);
    expect(widest.bins.length).toBeLessThan(1_500);
  });

  it('lists non-empty bins independent of layout', () => {
    expect(sketchEntries(sketchOf([1, 1, 100])).map(([, count]) => count)).toEqual([2, 1]);
  });

  it('quantiles are within 2 % relative error of the exact quantile (property)', () => {
    fc.assert(
      fc.property(fc.array(trackedValue, { minLength: 1, maxLength: 400 }), fc.constantFrom(...QUANTILES), (values, q) => {
        const approx = quantileOf(sketchOf(values), q)!;
        expect(relativeError(approx, exactQuantile(values, q))).toBeLessThanOrEqual(0.02);
      }),
      { numRuns: 500 },
    );
  });

  it('merging two sketches gives the sketch of the union (property)', () => {
    fc.assert(
      fc.property(fc.array(trackedValue, { maxLength: 200 }), fc.array(fc.oneof(trackedValue, fc.constant(0)), { maxLength: 200 }), (a, b) => {
        const merged = sketchOf(a);
        mergeSketch(merged, sketchOf(b));
        const union = sketchOf([...a, ...b]);
        expect(sketchEntries(merged)).toEqual(sketchEntries(union));
        expect({ count: merged.count, zero: merged.zeroCount }).toEqual({ count: union.count, zero: union.zeroCount });
        for (const q of QUANTILES) expect(quantileOf(merged, q)).toBe(quantileOf(union, q));
      }),
      { numRuns: 300 },
    );
  });

  it('percentilesAcross equals the percentiles of the merged sketch (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.oneof(trackedValue, fc.constant(0)), { maxLength: 60 }), { maxLength: 6 }), (parts) => {
        const merged = createSketch();
        for (const part of parts) mergeSketch(merged, sketchOf(part));
        expect(percentilesAcross(parts.map(sketchOf))).toEqual(percentilesOf(merged));
      }),
      { numRuns: 300 },
    );
  });

  it('merging into an empty sketch copies it, merging an empty one changes nothing', () => {
    const source = sketchOf([3, 30, 300]);
    const copy = createSketch();
    mergeSketch(copy, source);
    expect(sketchEntries(copy)).toEqual(sketchEntries(source));
    mergeSketch(copy, createSketch());
    expect(sketchEntries(copy)).toEqual(sketchEntries(source));
    expect(copy.count).toBe(3);
  });
});

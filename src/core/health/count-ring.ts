import { bucketEpoch, epochsInWindow, slotOf } from './time-buckets.js';
import type { BucketLayout } from './windows.js';

/** Counts of what the windows track; `ignored` outcomes (client errors) never reach a window. */
export interface WindowCounts {
  successes: number;
  failures: number;
  rateLimited: number;
}

export type CountedClass = keyof WindowCounts;

const FIELD_OFFSET: Readonly<Record<CountedClass, number>> = { successes: 0, failures: 1, rateLimited: 2 };
const FIELDS = 3;

/**
 * A ring of time buckets of counters. Slot `i % buckets` holds bucket `i = floor(at / bucketMs)`;
 * `epochs` says which bucket a slot currently holds, so a stale slot is recognised and reset lazily.
 * Plain typed arrays: cheap to record into and trivial to serialise for a shared store.
 */
export interface CountRing {
  readonly bucketMs: number;
  readonly epochs: Float64Array;
  /** Three counters per slot, at FIELD_OFFSET. */
  readonly counts: Uint32Array;
}

export function createCountRing({ bucketMs, buckets }: BucketLayout): CountRing {
  return { bucketMs, epochs: new Float64Array(buckets).fill(-Infinity), counts: new Uint32Array(buckets * FIELDS) };
}

/** Adds one outcome at time `at`; an outcome older than the ring's reach is dropped. */
export function recordCount(ring: CountRing, counted: CountedClass, at: number): void {
  const epoch = bucketEpoch(ring.bucketMs, at);
  const slot = slotOf(ring.epochs.length, epoch);
  const held = ring.epochs[slot]!;
  if (held > epoch) return; // the slot already moved on to a newer bucket: this outcome fell out
  if (held < epoch) {
    ring.epochs[slot] = epoch;
    ring.counts.fill(0, slot * FIELDS, (slot + 1) * FIELDS);
  }
  ring.counts[slot * FIELDS + FIELD_OFFSET[counted]]! += 1;
}

/**
 * Totals over the buckets that are still inside the window at `now`; with `notBefore`, only over the
 * buckets that start at or after it (the breaker ignores what happened before it last closed).
 */
export function sumCounts(ring: CountRing, now: number, notBefore = -Infinity): WindowCounts {
  const { oldest, newest } = epochsInWindow(ring.epochs.length, ring.bucketMs, now, notBefore);
  const totals: WindowCounts = { successes: 0, failures: 0, rateLimited: 0 };
  for (let slot = 0; slot < ring.epochs.length; slot++) {
    const epoch = ring.epochs[slot]!;
    if (epoch < oldest || epoch > newest) continue;
    const base = slot * FIELDS;
    totals.successes += ring.counts[base + FIELD_OFFSET.successes]!;
    totals.failures += ring.counts[base + FIELD_OFFSET.failures]!;
    totals.rateLimited += ring.counts[base + FIELD_OFFSET.rateLimited]!;
  }
  return totals;
}

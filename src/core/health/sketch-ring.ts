import { addToSketch, createSketch, type LogSketch } from './log-sketch.js';
import { bucketEpoch, epochsInWindow, slotOf } from './time-buckets.js';
import type { BucketLayout } from './windows.js';

/** A ring of time buckets holding one sketch each (same slot/epoch scheme as CountRing). */
export interface SketchRing {
  readonly bucketMs: number;
  readonly epochs: Float64Array;
  readonly sketches: LogSketch[];
}

export function createSketchRing({ bucketMs, buckets }: BucketLayout): SketchRing {
  return { bucketMs, epochs: new Float64Array(buckets).fill(-Infinity), sketches: Array.from({ length: buckets }, createSketch) };
}

/** Adds one measurement at time `at`; one older than the ring's reach is dropped. */
export function recordValue(ring: SketchRing, value: number, at: number): void {
  const epoch = bucketEpoch(ring.bucketMs, at);
  const slot = slotOf(ring.epochs.length, epoch);
  const held = ring.epochs[slot]!;
  if (held > epoch) return; // the slot already holds a newer bucket: this measurement fell out
  if (held < epoch) {
    ring.epochs[slot] = epoch;
    ring.sketches[slot] = createSketch(); // a fresh sketch rather than zeroing, so a wide old range is freed
  }
  addToSketch(ring.sketches[slot]!, value);
}

/** The sketches of the buckets still inside the window at `now` (query them with percentilesAcross). */
export function sketchesInWindow(ring: SketchRing, now: number): LogSketch[] {
  const { oldest, newest } = epochsInWindow(ring.epochs.length, ring.bucketMs, now);
  const inWindow: LogSketch[] = [];
  for (let slot = 0; slot < ring.epochs.length; slot++) {
    const epoch = ring.epochs[slot]!;
    if (epoch >= oldest && epoch <= newest) inWindow.push(ring.sketches[slot]!);
  }
  return inWindow;
}

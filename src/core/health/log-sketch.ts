/**
 * A DDSketch-style quantile sketch: values go to logarithmic bins of ratio γ = (1 + α) / (1 − α), so
 * every quantile it returns is within relative error α of the exact one, and two sketches merge by
 * adding bins (the merge of two sketches is exactly the sketch of the union). Bins are a dense array
 * that grows to cover only the range actually seen: a few hundred bytes for typical latencies,
 * at most ~5.5 KB for values spanning the whole tracked range.
 */
export interface LogSketch {
  /** Count per bin, for bin indices `offset` … `offset + bins.length − 1`. */
  bins: Uint32Array;
  offset: number;
  /** Values below MIN_TRACKED_VALUE (reported back as 0). */
  zeroCount: number;
  count: number;
}

export interface Percentiles {
  p50: number;
  p75: number;
  p90: number;
  p99: number;
}

/** Relative accuracy α: half the 2 % budget, so rounding at bin edges never gets near it. */
export const RELATIVE_ACCURACY = 0.01;
/** Below this a value counts as zero (ms of latency or tokens/s: nothing meaningful is lost). */
export const MIN_TRACKED_VALUE = 1e-3;
/** Larger values are clamped here, which bounds the bin count. */
export const MAX_TRACKED_VALUE = 1e9;

const GAMMA = (1 + RELATIVE_ACCURACY) / (1 - RELATIVE_ACCURACY);
const LN_GAMMA = Math.log(GAMMA);
const binOf = (value: number) => Math.ceil(Math.log(value) / LN_GAMMA);
const MIN_BIN = binOf(MIN_TRACKED_VALUE);
const MAX_BIN = binOf(MAX_TRACKED_VALUE);
/** Extra bins allocated on each growth so a slowly widening range does not reallocate every time. */
const GROWTH_SLACK = 8;

export function createSketch(): LogSketch {
  return { bins: new Uint32Array(0), offset: 0, zeroCount: 0, count: 0 };
}

/** Adds one value; negative and non-finite values are ignored (they are measurement bugs, not data). */
export function addToSketch(sketch: LogSketch, value: number): void {
  if (!(value >= 0) || value === Infinity) return;
  sketch.count += 1;
  if (value < MIN_TRACKED_VALUE) {
    sketch.zeroCount += 1;
    return;
  }
  const bin = Math.min(binOf(value), MAX_BIN);
  coverBins(sketch, bin, bin);
  sketch.bins[bin - sketch.offset]! += 1;
}

/** Adds every value of `from` into `into`. */
export function mergeSketch(into: LogSketch, from: LogSketch): void {
  into.count += from.count;
  into.zeroCount += from.zeroCount;
  const used = usedBinRange(from);
  if (!used) return;
  coverBins(into, used.first, used.last);
  for (let bin = used.first; bin <= used.last; bin++) into.bins[bin - into.offset]! += from.bins[bin - from.offset]!;
}

/** The value at quantile `q` (0…1), within RELATIVE_ACCURACY of the exact one; undefined when empty. */
export function quantileOf(sketch: LogSketch, q: number): number | undefined {
  return quantilesAcross([sketch], [Math.min(Math.max(q, 0), 1)])?.[0];
}

export function percentilesOf(sketch: LogSketch): Percentiles | undefined {
  return percentilesAcross([sketch]);
}

/** Percentiles of the union of several sketches, without materialising their merge (a window's buckets). */
export function percentilesAcross(sketches: readonly LogSketch[]): Percentiles | undefined {
  const values = quantilesAcross(sketches, PERCENTILE_QUANTILES);
  return values && { p50: values[0]!, p75: values[1]!, p90: values[2]!, p99: values[3]! };
}

const PERCENTILE_QUANTILES = [0.5, 0.75, 0.9, 0.99];

/** Quantiles (ascending, 0…1) of the union of `sketches`: their bins added into one array, walked once. */
function quantilesAcross(sketches: readonly LogSketch[], quantiles: readonly number[]): number[] | undefined {
  let count = 0;
  let zeroCount = 0;
  let first = Infinity;
  let last = -Infinity;
  for (const sketch of sketches) {
    count += sketch.count;
    zeroCount += sketch.zeroCount;
    if (sketch.bins.length === 0) continue;
    first = Math.min(first, sketch.offset);
    last = Math.max(last, sketch.offset + sketch.bins.length - 1);
  }
  if (count === 0) return undefined;
  const union = new Float64Array(Math.max(0, last - first + 1));
  for (const sketch of sketches) {
    const shift = sketch.offset - first;
    for (let i = 0; i < sketch.bins.length; i++) union[shift + i]! += sketch.bins[i]!;
  }
  const values: number[] = [];
  let seen = zeroCount;
  let next = 0;
  // rank q × (count − 1) is the exact quantile's rank as DDSketch defines it
  while (next < quantiles.length && quantiles[next]! * (count - 1) < seen) values[next++] = 0;
  for (let i = 0; i < union.length && next < quantiles.length; i++) {
    seen += union[i]!;
    while (next < quantiles.length && quantiles[next]! * (count - 1) < seen) values[next++] = valueOfBin(first + i);
  }
  return values;
}

/** Non-empty bins as [bin index, count] pairs: a layout-independent view (equality, serialisation). */
export function sketchEntries(sketch: LogSketch): Array<[bin: number, count: number]> {
  const entries: Array<[number, number]> = [];
  sketch.bins.forEach((count, i) => {
    if (count > 0) entries.push([sketch.offset + i, count]);
  });
  return entries;
}

/** The midpoint of bin i's range (γ^(i−1), γ^i] in relative terms: error ≤ α either side. */
function valueOfBin(bin: number): number {
  return (2 * GAMMA ** bin) / (GAMMA + 1);
}

function usedBinRange(sketch: LogSketch): { first: number; last: number } | undefined {
  let first = 0;
  while (first < sketch.bins.length && sketch.bins[first] === 0) first++;
  if (first === sketch.bins.length) return undefined;
  let last = sketch.bins.length - 1;
  while (sketch.bins[last] === 0) last--;
  return { first: sketch.offset + first, last: sketch.offset + last };
}

/** Grows the dense bin array so it covers bins `first` … `last`. */
function coverBins(sketch: LogSketch, first: number, last: number): void {
  const empty = sketch.bins.length === 0;
  const end = sketch.offset + sketch.bins.length;
  if (!empty && first >= sketch.offset && last < end) return;
  const offset = Math.max(MIN_BIN, empty || first < sketch.offset ? first - GROWTH_SLACK : sketch.offset);
  const newEnd = Math.min(MAX_BIN + 1, empty || last >= end ? last + 1 + GROWTH_SLACK : end);
  const bins = new Uint32Array(newEnd - offset);
  if (!empty) bins.set(sketch.bins, sketch.offset - offset);
  sketch.bins = bins;
  sketch.offset = offset;
}

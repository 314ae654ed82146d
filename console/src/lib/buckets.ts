const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export type TimeGrouping = 'DAY' | 'HOUR';

/** The start of the UTC day or hour containing `t`. */
export const bucketStart = (t: number, grouping: TimeGrouping): number => {
  const size = grouping === 'DAY' ? DAY : HOUR;
  return Math.floor(t / size) * size;
};

/**
 * Every bucket of the range, with the server's buckets in place and empty ones in the gaps (the
 * server only reports buckets that had generations), so a chart's x axis is time, not a list.
 */
export function fillBuckets<B extends { key: string }>(buckets: readonly B[], from: number, to: number, grouping: TimeGrouping, empty: (key: string) => B): B[] {
  const size = grouping === 'DAY' ? DAY : HOUR;
  const byStart = new Map(buckets.map((b) => [new Date(b.key).getTime(), b]));
  const filled: B[] = [];
  for (let t = bucketStart(from, grouping); t < to; t += size) {
    filled.push(byStart.get(t) ?? empty(new Date(t).toISOString()));
  }
  return filled;
}

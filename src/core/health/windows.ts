/**
 * Time windows and their bucket sizes. A window of span W with buckets of b ms keeps W / b buckets,
 * the current (still filling) one included, so it covers between the last W − b and W ms. Memory per
 * endpoint is therefore fixed, whatever the traffic.
 */
export type UptimeWindow = '30s' | '5m' | '30m' | '1d';
export type PerformanceWindow = '5m' | '30m';

export interface BucketLayout {
  bucketMs: number;
  buckets: number;
}

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

export const UPTIME_WINDOWS: readonly UptimeWindow[] = ['30s', '5m', '30m', '1d'];
export const PERFORMANCE_WINDOWS: readonly PerformanceWindow[] = ['5m', '30m'];

/** Success/failure/429 counters: 30 × 1 s, 30 × 10 s, 30 × 1 min, 24 × 1 h (114 buckets, ~2.3 KB). */
export const UPTIME_LAYOUT: Readonly<Record<UptimeWindow, BucketLayout>> = {
  '30s': { bucketMs: SECOND, buckets: 30 },
  '5m': { bucketMs: 10 * SECOND, buckets: 30 },
  '30m': { bucketMs: MINUTE, buckets: 30 },
  '1d': { bucketMs: HOUR, buckets: 24 },
};

/** Latency/throughput sketches are heavier than counters, so fewer buckets: 5 × 1 min and 6 × 5 min. */
export const PERFORMANCE_LAYOUT: Readonly<Record<PerformanceWindow, BucketLayout>> = {
  '5m': { bucketMs: MINUTE, buckets: 5 },
  '30m': { bucketMs: 5 * MINUTE, buckets: 6 },
};

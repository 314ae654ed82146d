/** Which time bucket a moment falls in: bucket `e` covers [e × bucketMs, (e + 1) × bucketMs). */
export function bucketEpoch(bucketMs: number, at: number): number {
  return Math.floor(at / bucketMs);
}

/** The ring slot that holds bucket `epoch`. */
export function slotOf(buckets: number, epoch: number): number {
  return ((epoch % buckets) + buckets) % buckets; // epochs may be negative with an arbitrary fake clock
}

/**
 * The buckets a ring of `buckets` slots still covers at `now` (the current one included), optionally
 * only those that start at or after `notBefore`.
 */
export function epochsInWindow(buckets: number, bucketMs: number, now: number, notBefore = -Infinity): { oldest: number; newest: number } {
  const newest = bucketEpoch(bucketMs, now);
  return { newest, oldest: Math.max(newest - buckets + 1, Math.ceil(notBefore / bucketMs)) };
}

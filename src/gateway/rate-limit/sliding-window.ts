import type { RateLimitConfig, RateLimitDecision } from './rate-limiter.js';

/**
 * An exact sliding window: a request at `now` is admitted when fewer than `limit` requests were admitted
 * in `(now − windowMs, now]`. So no rolling window of `windowMs` ever holds more than `limit` admitted
 * requests (the two-window approximation this replaces let 12 through against a limit of 10), and a
 * request is refused only when the window really is full. The cost is one timestamp per admitted request
 * per key (at most `limit`). Only admitted requests are counted, so hammering a closed limit does not push
 * its own reset further away. The Redis limiter's script makes the same decision with the same numbers.
 */
export interface WindowView {
  /** Requests admitted in the window ending at `now`, not counting the one being decided. */
  readonly count: number;
  /** When the admitted request that must age out for one more to fit was admitted (defined when count ≥ limit). */
  readonly blockingAt: number | undefined;
  /** When the latest admitted request was (undefined when none). */
  readonly newestAt: number | undefined;
}

/** The first instant at which a timestamp `t` no longer counts. */
export const agesOutAt = (t: number, windowMs: number): number => t + windowMs;

/** Whether a timestamp still counts in the window ending at `now`. */
export const inWindow = (t: number, now: number, windowMs: number): boolean => t > now - windowMs;

export const admits = ({ count }: WindowView, { limit }: RateLimitConfig): boolean => count < limit;

/** The decision for a request at `now`, given what the window held and whether it was admitted. */
export function describeDecision(admitted: boolean, view: WindowView, now: number, { limit, windowMs }: RateLimitConfig): RateLimitDecision {
  if (admitted) {
    const newest = Math.max(now, view.newestAt ?? now);
    return { allowed: true, limit, remaining: limit - view.count - 1, resetAt: agesOutAt(newest, windowMs) };
  }
  const blockingAt = view.blockingAt ?? now;
  return { allowed: false, limit, retryAfterMs: Math.max(1, agesOutAt(blockingAt, windowMs) - now), resetAt: agesOutAt(view.newestAt ?? now, windowMs) };
}

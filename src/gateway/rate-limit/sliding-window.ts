import type { RateLimitConfig, RateLimitDecision } from './rate-limiter.js';

/**
 * The two-window weighted approximation of a sliding window (as in Cloudflare's and nginx's limiters): time
 * is cut into fixed windows, and a request at `elapsed` ms into the current window sees
 *
 *     estimate = previous × (windowMs − elapsed) / windowMs + current
 *
 * i.e. the previous window's count is assumed evenly spread and only its still-overlapping share counts.
 * Memory is two counters per key. Only admitted requests are counted, so a client hammering a closed
 * limit does not push its own reset further away. All arithmetic is on integers (scaled by windowMs), so
 * the Redis script and this module agree exactly.
 */
export interface WindowCounts {
  /** Admitted requests in the window before the current one. */
  readonly previous: number;
  /** Admitted requests so far in the current window, not counting the one being decided. */
  readonly current: number;
}

export const windowIndexOf = (now: number, windowMs: number): number => Math.floor(now / windowMs);

/** Whether one more request fits. Mirrored line for line by the Lua script of the Redis limiter. */
export function admits({ previous, current }: WindowCounts, elapsedMs: number, { limit, windowMs }: RateLimitConfig): boolean {
  return previous * (windowMs - elapsedMs) + (current + 1) * windowMs <= limit * windowMs;
}

/** The decision for a request at `now`, given the counts it saw and whether it was admitted. */
export function describeDecision(admitted: boolean, counts: WindowCounts, now: number, config: RateLimitConfig): RateLimitDecision {
  const { limit, windowMs } = config;
  const windowStart = windowIndexOf(now, windowMs) * windowMs;
  const elapsed = now - windowStart;
  if (admitted) {
    const slack = limit * windowMs - counts.previous * (windowMs - elapsed) - (counts.current + 1) * windowMs;
    return { allowed: true, remaining: Math.floor(slack / windowMs), resetAt: windowStart + 2 * windowMs };
  }
  const resetAt = counts.current > 0 ? windowStart + 2 * windowMs : windowStart + windowMs;
  return { allowed: false, retryAfterMs: nextAdmissionAt(counts, windowStart, config) - now, resetAt };
}

/** The first instant at which one more request fits, assuming no other request is admitted meanwhile. */
function nextAdmissionAt({ previous, current }: WindowCounts, windowStart: number, { limit, windowMs }: RateLimitConfig): number {
  // Within this window: the smallest elapsed e with previous × (windowMs − e) ≤ (limit − 1 − current) × windowMs.
  const room = (limit - 1 - current) * windowMs;
  if (room >= 0 && previous > 0) {
    const elapsed = windowMs - Math.floor(room / previous);
    if (elapsed < windowMs) return windowStart + elapsed;
  }
  // Otherwise in the next window, where today's count becomes the weighted previous one (or the one after).
  const nextRoom = (limit - 1) * windowMs;
  const elapsedInNext = current > 0 ? windowMs - Math.floor(nextRoom / current) : 0;
  return windowStart + windowMs + Math.max(0, elapsedInNext);
}

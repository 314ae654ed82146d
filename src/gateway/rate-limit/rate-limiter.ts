/** How many requests a key may make per window. */
export interface RateLimitConfig {
  /** Requests admitted per window; a positive integer. */
  readonly limit: number;
  /** Window length in milliseconds; a positive integer. */
  readonly windowMs: number;
}

/**
 * The answer for one request — everything an `X-RateLimit-*` header needs. `resetAt` (epoch ms) is when
 * every request counted so far has aged out and the full limit is available again; `retryAfterMs` is the
 * exact wait until the next request is admitted.
 */
export type RateLimitDecision =
  | { readonly allowed: true; readonly limit: number; readonly remaining: number; readonly resetAt: number }
  | { readonly allowed: false; readonly limit: number; readonly retryAfterMs: number; readonly resetAt: number };

/**
 * Counts requests per key (an API key id, an account…). `now` comes from the caller (epoch ms), so every
 * implementation is deterministic under a fake clock; instances sharing Redis must keep their clocks in sync.
 */
export interface RateLimiter {
  readonly config: RateLimitConfig;
  hit(key: string, now: number): Promise<RateLimitDecision>;
}

export const requestsPerMinute = (limit: number): RateLimitConfig => ({ limit, windowMs: 60_000 });

/** For a `Retry-After` header, which counts whole seconds: rounded up, so a client never retries too early. */
export const retryAfterSeconds = (decision: Extract<RateLimitDecision, { allowed: false }>): number =>
  Math.ceil(decision.retryAfterMs / 1000);

/** Rejects configurations whose window arithmetic would leave exact integer range. */
export function assertRateLimitConfig({ limit, windowMs }: RateLimitConfig): void {
  if (!Number.isSafeInteger(limit) || limit < 1) throw new RangeError(`rate limit must be a positive integer, got ${limit}`);
  if (!Number.isSafeInteger(windowMs) || windowMs < 1) throw new RangeError(`rate limit window must be a positive integer of ms, got ${windowMs}`);
  if (!Number.isSafeInteger(limit + windowMs)) throw new RangeError('rate limit or window is too large for exact arithmetic');
}

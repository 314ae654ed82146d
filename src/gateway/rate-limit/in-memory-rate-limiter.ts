import { assertRateLimitConfig, type RateLimitConfig, type RateLimiter } from './rate-limiter.js';
import { admits, describeDecision, inWindow } from './sliding-window.js';

export interface InMemoryRateLimiter extends RateLimiter {
  /** Keys currently held in memory (for tests and metrics). */
  readonly trackedKeys: number;
}

/**
 * Single-process exact sliding window (the embedded default): per key, the times of the admitted
 * requests still in the window, oldest first. Memory stays bounded: at most `limit` times per key, and at
 * most once per window the keys with nothing left in their window are dropped.
 */
export function createInMemoryRateLimiter(config: RateLimitConfig): InMemoryRateLimiter {
  assertRateLimitConfig(config);
  const { limit, windowMs } = config;
  const admitted = new Map<string, number[]>();
  let nextSweepAt = -Infinity;

  function sweep(now: number): void {
    for (const [key, times] of admitted) if (!inWindow(times[times.length - 1]!, now, windowMs)) admitted.delete(key);
    nextSweepAt = now + windowMs;
  }

  return {
    config,
    get trackedKeys() {
      return admitted.size;
    },
    async hit(key, now) {
      if (!Number.isSafeInteger(now)) throw new RangeError(`now must be an integer epoch ms, got ${now}`);
      if (now >= nextSweepAt) sweep(now);
      const times = admitted.get(key) ?? [];
      let expired = 0;
      while (expired < times.length && !inWindow(times[expired]!, now, windowMs)) expired++;
      if (expired) times.splice(0, expired);
      const count = times.length;
      const view = { count, blockingAt: count >= limit ? times[count - limit] : undefined, newestAt: times[count - 1] };
      const allowed = admits(view, config);
      if (allowed) {
        // Kept sorted even if a clock steps back: such a request counts as late as the latest one seen.
        times.push(Math.max(now, times[count - 1] ?? now));
        admitted.set(key, times);
      }
      return describeDecision(allowed, view, now, config);
    },
  };
}

import type { RateLimiter } from './rate-limiter.js';

/**
 * A limiter that admits when its store is unreachable (Redis down): paying users keep being served and
 * the outage is reported, rather than every request failing over a protection mechanism.
 */
export function failOpen(limiter: RateLimiter, onError: (error: unknown) => void): RateLimiter {
  return {
    config: limiter.config,
    async hit(key, now) {
      try {
        return await limiter.hit(key, now);
      } catch (error) {
        onError(error);
        return { allowed: true, limit: limiter.config.limit, remaining: 0, resetAt: now };
      }
    },
  };
}

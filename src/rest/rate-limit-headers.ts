import type { MiddlewareHandler } from 'hono';
import type { RateLimitObserver } from '../gateway/rate-limit/observed-rate-limiter.js';

/**
 * `X-RateLimit-Limit`, `-Remaining` and `-Reset` (epoch ms, as OpenRouter sends it) on every response
 * whose request was counted by the per-key limiter — admitted or refused (429).
 */
export function rateLimitHeaders(observer: RateLimitObserver): MiddlewareHandler {
  return (c, next) =>
    observer.observe(async (record) => {
      await next();
      const decision = record.last;
      if (!decision) return;
      c.res.headers.set('X-RateLimit-Limit', String(decision.limit));
      c.res.headers.set('X-RateLimit-Remaining', String(decision.allowed ? decision.remaining : 0));
      c.res.headers.set('X-RateLimit-Reset', String(decision.resetAt));
    });
}

import { AsyncLocalStorage } from 'node:async_hooks';
import type { RateLimitDecision, RateLimiter } from './rate-limiter.js';

/** The decisions taken while one request was being served (for its X-RateLimit-* headers). */
export interface DecisionRecord {
  last: RateLimitDecision | undefined;
}

export interface RateLimitObserver {
  /** The limiter, reporting each decision to the request (if any) it is taken for. */
  wrap(limiter: RateLimiter): RateLimiter;
  /** Runs `serve` with a record that receives the decisions taken while it runs. */
  observe<T>(serve: (record: DecisionRecord) => Promise<T>): Promise<T>;
}

/**
 * Surfaces the limiter's decision to the HTTP layer without threading it through the generation
 * pipeline: the request runs inside an async context, and the wrapped limiter writes into it.
 */
export function createRateLimitObserver(): RateLimitObserver {
  const current = new AsyncLocalStorage<DecisionRecord>();
  return {
    wrap: (limiter) => ({
      config: limiter.config,
      async hit(key, now) {
        const decision = await limiter.hit(key, now);
        const record = current.getStore();
        if (record) record.last = decision;
        return decision;
      },
    }),
    observe(serve) {
      const record: DecisionRecord = { last: undefined };
      return current.run(record, () => serve(record));
    },
  };
}

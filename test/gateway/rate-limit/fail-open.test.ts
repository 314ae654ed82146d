import { describe, expect, it } from 'vitest';
import { failOpen } from '../../../src/gateway/rate-limit/fail-open.js';
import { createInMemoryRateLimiter } from '../../../src/gateway/rate-limit/in-memory-rate-limiter.js';
import { createRedisRateLimiter } from '../../../src/gateway/rate-limit/redis-rate-limiter.js';
import { requestsPerMinute } from '../../../src/gateway/rate-limit/rate-limiter.js';
import { Redis } from 'ioredis';

describe('failOpen', () => {
  it('passes decisions through while the store answers', async () => {
    const errors: unknown[] = [];
    const limiter = failOpen(createInMemoryRateLimiter(requestsPerMinute(1)), (e) => errors.push(e));
    expect((await limiter.hit('k', 0)).allowed).toBe(true);
    expect((await limiter.hit('k', 1)).allowed).toBe(false);
    expect(errors).toEqual([]);
  });

  it('admits and reports when Redis is unreachable, instead of failing the request', async () => {
    // Nothing listens on port 1: every command fails at once (no offline queue), like Redis going away.
    const client = new Redis('redis://127.0.0.1:1', { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0, retryStrategy: () => null });
    const errors: unknown[] = [];
    try {
      const limiter = failOpen(createRedisRateLimiter({ client, config: requestsPerMinute(1) }), (e) => errors.push(e));
      expect(await limiter.hit('k', 0)).toMatchObject({ allowed: true });
      expect(await limiter.hit('k', 1)).toMatchObject({ allowed: true });
      expect(errors).toHaveLength(2);
    } finally {
      client.disconnect();
    }
  });
});

import type { Redis } from 'ioredis';
import { assertRateLimitConfig, type RateLimitConfig, type RateLimiter } from './rate-limiter.js';
import { describeDecision, windowIndexOf } from './sliding-window.js';

// One counter per key and window; the check and the increment are one atomic script, so concurrent hits
// on any number of instances can never admit more than the limit. The condition mirrors `admits()`.
const HIT_SCRIPT = `
local limit = tonumber(ARGV[1])
local windowMs = tonumber(ARGV[2])
local elapsed = tonumber(ARGV[3])
local current = tonumber(redis.call('GET', KEYS[1]) or '0')
local previous = tonumber(redis.call('GET', KEYS[2]) or '0')
if previous * (windowMs - elapsed) + (current + 1) * windowMs <= limit * windowMs then
  redis.call('INCR', KEYS[1])
  redis.call('PEXPIRE', KEYS[1], 2 * windowMs)
  return {1, previous, current}
end
return {0, previous, current}
`;

const COMMAND = 'switchyardRateLimitHit';

type HitReply = [admitted: number, previous: number, current: number];
type RedisWithHit = Redis & {
  [COMMAND](currentKey: string, previousKey: string, limit: number, windowMs: number, elapsedMs: number): Promise<HitReply>;
};

export interface RedisRateLimiterOptions {
  client: Redis;
  config: RateLimitConfig;
  /** Prepended to every key, so deployments and test runs sharing a server stay apart. */
  keyPrefix?: string;
}

/**
 * Shared limiter for several instances. A counter lives two windows (PEXPIRE), the time it can still weigh
 * in as the previous window, so Redis needs no sweeping. Time is the caller's `now` rather than Redis TIME,
 * keeping both implementations testable with one fake clock; instance clocks must be NTP-synced.
 */
export function createRedisRateLimiter({ client, config, keyPrefix = 'sy:rl:' }: RedisRateLimiterOptions): RateLimiter {
  assertRateLimitConfig(config);
  const { limit, windowMs } = config;
  client.defineCommand(COMMAND, { numberOfKeys: 2, lua: HIT_SCRIPT }); // EVALSHA, loading the script on NOSCRIPT
  const redis = client as RedisWithHit;
  // The {hash tag} keeps both windows of a key in one cluster slot, as a multi-key script requires.
  const counterKey = (key: string, index: number) => `${keyPrefix}{${key}}:${index}`;

  return {
    async hit(key, now) {
      if (!Number.isSafeInteger(now)) throw new RangeError(`now must be an integer epoch ms, got ${now}`);
      const index = windowIndexOf(now, windowMs);
      const [admitted, previous, current] = await redis[COMMAND](counterKey(key, index), counterKey(key, index - 1), limit, windowMs, now - index * windowMs);
      return describeDecision(admitted === 1, { previous, current }, now, config);
    },
  };
}

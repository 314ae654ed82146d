import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { assertRateLimitConfig, type RateLimitConfig, type RateLimiter } from './rate-limiter.js';
import { describeDecision } from './sliding-window.js';

// The exact sliding window of sliding-window.ts as one atomic script over a sorted set per key (score =
// admission time): drop what has aged out, count, admit if the count is under the limit. Concurrent hits
// on any number of instances therefore never admit more than the limit in any window.
const HIT_SCRIPT = `
local limit = tonumber(ARGV[1])
local windowMs = tonumber(ARGV[2])
local now = tonumber(ARGV[3])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - windowMs)
local count = redis.call('ZCARD', KEYS[1])
local newest = redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')[2]
if count < limit then
  local at = now
  if newest and tonumber(newest) > now then at = tonumber(newest) end
  redis.call('ZADD', KEYS[1], at, ARGV[4])
  redis.call('PEXPIRE', KEYS[1], at + windowMs - now)
  return {1, count, '', newest or ''}
end
local blocking = redis.call('ZRANGE', KEYS[1], count - limit, count - limit, 'WITHSCORES')[2]
return {0, count, blocking, newest or ''}
`;

const COMMAND = 'switchyardSlidingWindowHit';

type HitReply = [admitted: number, count: number, blockingAt: string, newestAt: string];
type RedisWithHit = Redis & {
  [COMMAND](key: string, limit: number, windowMs: number, now: number, member: string): Promise<HitReply>;
};

export interface RedisRateLimiterOptions {
  client: Redis;
  config: RateLimitConfig;
  /** Prepended to every key, so deployments and test runs sharing a server stay apart. */
  keyPrefix?: string;
}

const numberOrUndefined = (s: string): number | undefined => (s === '' ? undefined : Number(s));

/**
 * Shared limiter for several instances: one sorted set per key, which expires when its newest entry ages
 * out, so Redis needs no sweeping. Time is the caller's `now` rather than Redis TIME, keeping both
 * implementations testable with one fake clock; instance clocks must be NTP-synced.
 */
export function createRedisRateLimiter({ client, config, keyPrefix = 'sy:rl:' }: RedisRateLimiterOptions): RateLimiter {
  assertRateLimitConfig(config);
  const { limit, windowMs } = config;
  client.defineCommand(COMMAND, { numberOfKeys: 1, lua: HIT_SCRIPT }); // EVALSHA, loading the script on NOSCRIPT
  const redis = client as RedisWithHit;

  return {
    config,
    async hit(key, now) {
      if (!Number.isSafeInteger(now)) throw new RangeError(`now must be an integer epoch ms, got ${now}`);
      const [admitted, count, blockingAt, newestAt] = await redis[COMMAND](`${keyPrefix}{${key}}`, limit, windowMs, now, randomUUID());
      return describeDecision(admitted === 1, { count: Number(count), blockingAt: numberOrUndefined(String(blockingAt)), newestAt: numberOrUndefined(String(newestAt)) }, now, config);
    },
  };
}

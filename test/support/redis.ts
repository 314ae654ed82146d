import { Redis } from 'ioredis';

export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A client that fails fast instead of retrying forever (tests must not hang on a missing server). */
export const testRedis = () => new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1, connectTimeout: 2_000 });

/**
 * Whether the Redis-backed half of a contract suite runs. Without Redis a local run skips it with a
 * warning; under CI=true it fails, so a missing service can never pass as green.
 */
export async function redisAvailable(): Promise<boolean> {
  const client = testRedis();
  try {
    await client.connect();
    await client.ping();
    return true;
  } catch {
    if (process.env.CI === 'true') throw new Error(`CI=true but Redis is not reachable at ${REDIS_URL}`);
    console.warn(`Redis not reachable at ${REDIS_URL}: skipping the Redis implementation`);
    return false;
  } finally {
    client.disconnect();
  }
}

/** Deletes every key under a prefix (SCAN, never KEYS), so test runs share one server safely. */
export async function deleteKeysWithPrefix(client: Redis, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await client.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
    if (keys.length) await client.del(...keys);
    cursor = next;
  } while (cursor !== '0');
}

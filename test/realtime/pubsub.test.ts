import { describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { createAppPubSub, SUBSCRIBER_BUFFER, type AppPubSub } from '../../src/realtime/pubsub.js';
import { redisAvailable, testRedis } from '../support/redis.js';
import { redisPair } from '../support/pubsub-pairs.js';

/** Reads `count` values from a subscription, then closes it. */
async function take<T>(iterator: AsyncIterableIterator<T>, count: number): Promise<T[]> {
  const out: T[] = [];
  for await (const value of iterator) {
    out.push(value);
    if (out.length === count) break;
  }
  return out;
}

const settle = () => new Promise((r) => setTimeout(r, 50));

function pubsubContract(make: () => { publisher: AppPubSub; subscriber: AppPubSub; dispose(): void }) {
  it('delivers a topic’s events in order, and scoped topics only to their scope', async () => {
    const { publisher, subscriber, dispose } = make();
    try {
      const health = take(subscriber.subscribe('provider-health'), 3);
      const mine = take(subscriber.subscribe('routing-decision', 'account-a'), 2);
      await settle();
      for (const n of [1, 2, 3]) publisher.publish('provider-health', { n });
      publisher.publish('routing-decision', 'account-b', { secret: true });
      publisher.publish('routing-decision', 'account-a', { n: 1 });
      publisher.publish('routing-decision', 'account-a', { n: 2 });
      expect(await health).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
      expect(await mine).toEqual([{ n: 1 }, { n: 2 }]);
    } finally {
      dispose();
    }
  });
}

describe('in-memory pubsub', () => {
  pubsubContract(() => {
    const pubsub = createAppPubSub();
    return { publisher: pubsub, subscriber: pubsub, dispose: () => {} };
  });

  it('keeps a slow subscriber bounded: it lags (oldest dropped), the publisher never fails', async () => {
    const pubsub = createAppPubSub();
    const slow = pubsub.subscribe('provider-health');
    const first = slow.next(); // starts the subscription; nothing else is consumed for a while
    for (let n = 0; n < 5_000; n++) pubsub.publish('provider-health', { n });
    expect(await first).toEqual({ value: { n: 0 }, done: false });
    const rest = await take(slow, SUBSCRIBER_BUFFER);
    expect(rest).toHaveLength(SUBSCRIBER_BUFFER);
    expect(rest.at(-1)).toEqual({ n: 4_999 });
  });
});

describe.runIf(await redisAvailable())('Redis pubsub across two instances', () => {
  pubsubContract(() => {
    const pair = redisPair();
    return { publisher: pair.a, subscriber: pair.b, dispose: pair.dispose };
  });
});

describe.runIf(await redisAvailable())('Redis pubsub namespaces', () => {
  it('keeps deployments with different prefixes apart on one Redis', async () => {
    const clients = [testRedis(), testRedis(), testRedis(), testRedis()] as const;
    try {
      const a = createAppPubSub({ publishClient: clients[0], subscribeClient: clients[1], channelPrefix: 'deploy-a:' });
      const b = createAppPubSub({ publishClient: clients[2], subscribeClient: clients[3], channelPrefix: 'deploy-b:' });
      const heardByB: unknown[] = [];
      const bSubscription = b.subscribe('provider-health');
      void (async () => {
        for await (const e of bSubscription) heardByB.push(e);
      })();
      const heardByA = take(a.subscribe('provider-health'), 1);
      await settle();
      a.publish('provider-health', { from: 'a' });
      expect(await heardByA).toEqual([{ from: 'a' }]);
      await settle();
      expect(heardByB).toEqual([]);
      await bSubscription.return?.();
    } finally {
      clients.forEach((c) => c.disconnect());
    }
  });
});

describe('Redis pubsub while Redis is unreachable', () => {
  it('reports failed publishes instead of crashing the process with an unhandled rejection', async () => {
    const dead = () => new Redis('redis://127.0.0.1:1', { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0, retryStrategy: () => null }).on('error', () => {});
    const [publishClient, subscribeClient] = [dead(), dead()];
    const errors: unknown[] = [];
    try {
      const pubsub = createAppPubSub({ publishClient, subscribeClient }, (error) => errors.push(error));
      pubsub.publish('provider-health', { n: 1 });
      pubsub.publish('routing-decision', 'account-a', { n: 2 });
      await settle();
      expect(errors).toHaveLength(2);
    } finally {
      publishClient.disconnect();
      subscribeClient.disconnect();
    }
  });
});

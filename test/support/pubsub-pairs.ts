import { createAppPubSub, type AppPubSub } from '../../src/realtime/pubsub.js';
import { redisAvailable, testRedis } from './redis.js';

/** Two instances' pub/sub: one shared in-memory bus, or two Redis connections pairs (when Redis is there). */
export interface PubSubPair {
  a: AppPubSub;
  b: AppPubSub;
  dispose(): void;
}

export const inMemoryPair = (): PubSubPair => {
  const pubsub = createAppPubSub();
  return { a: pubsub, b: pubsub, dispose: () => {} };
};

export const redisPair = (): PubSubPair => {
  const [p1, s1, p2, s2] = [testRedis(), testRedis(), testRedis(), testRedis()];
  return {
    a: createAppPubSub({ publishClient: p1, subscribeClient: s1 }),
    b: createAppPubSub({ publishClient: p2, subscribeClient: s2 }),
    dispose: () => [p1, s1, p2, s2].forEach((c) => c.disconnect()),
  };
};

/** The pairs a replication test runs on: in-memory always, Redis when reachable (required under CI). */
export const pubsubPairs = async (): Promise<{ name: string; make: () => PubSubPair }[]> => [
  { name: 'in-memory pubsub', make: inMemoryPair },
  ...((await redisAvailable()) ? [{ name: 'Redis', make: redisPair }] : []),
];

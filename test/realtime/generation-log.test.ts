import { describe } from 'vitest';
import { createMemoryGenerationLog } from '../../src/realtime/memory-generation-log.js';
import { createRedisGenerationLog } from '../../src/realtime/redis-generation-log.js';
import { deleteKeysWithPrefix, redisAvailable, testRedis } from '../support/redis.js';
import { generationLogContract } from './generation-log.contract.js';

describe('in-memory GenerationLog', () => {
  generationLogContract(() => ({ create: async (limits) => createMemoryGenerationLog(limits), dispose: async () => {} }));
});

describe.runIf(await redisAvailable())('Redis GenerationLog', () => {
  generationLogContract(() => {
    const prefix = `sy-test-${process.pid}-${Math.random().toString(36).slice(2)}:`;
    const clients = [testRedis(), testRedis()];
    return {
      async create(limits) {
        const [client, subscriber] = clients as [ReturnType<typeof testRedis>, ReturnType<typeof testRedis>];
        return createRedisGenerationLog({ client, subscriber, keyPrefix: prefix, limits });
      },
      async dispose() {
        await deleteKeysWithPrefix(clients[0]!, prefix);
        clients.forEach((c) => c.disconnect());
      },
    };
  });
});

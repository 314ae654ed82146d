import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueApiKey } from '../../src/gateway/accounts/issue-api-key.js';
import { AccountSchema } from '../../src/persistence/entities/index.js';
import { GenerationSchema } from '../../src/persistence/entities/index.js';
import { databaseTargets } from '../support/databases.js';
import { startTestApp, TEST_KEYS, type RunningApp } from '../support/app.js';
import { REDIS_URL, redisAvailable } from '../support/redis.js';

const stores = [{ name: 'in-memory', redisUrl: undefined }, ...((await redisAvailable()) ? [{ name: 'redis', redisUrl: REDIS_URL }] : [])];
const [database] = await databaseTargets();

describe.each(stores)('per-key rate limit on the request path ($name)', ({ redisUrl }) => {
  let running: RunningApp;
  beforeAll(async () => {
    running = await startTestApp(database!, { rateLimitPerMinute: 3, redisUrl });
  });
  afterAll(() => running?.stop());

  const complete = (key: string) =>
    fetch(`${running.url}/api/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({ model: 'meta-llama/llama-3.3-70b-instruct', messages: [{ role: 'user', content: 'hi' }], max_tokens: 5 }),
    });

  it('answers the request over the limit with 429, Retry-After and an OpenRouter error body, and records nothing', async () => {
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await complete(TEST_KEYS.inference)).status);
    expect(statuses).toEqual([200, 200, 200]);
    const generationsBefore = await (await running.db()).count(GenerationSchema, {});
    const refused = await complete(TEST_KEYS.inference);
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(120); // sliding window: the previous minute still weighs in
    expect(await refused.json()).toMatchObject({ error: { code: 429, message: expect.stringMatching(/rate limit/i) } });
    expect(await (await running.db()).count(GenerationSchema, {})).toBe(generationsBefore);
  });

  it('counts each key separately', async () => {
    const em = (await running.db());
    const account = await em.findOneOrFail(AccountSchema, { name: { $ne: 'Operator' } }, { orderBy: { createdAt: 'asc' } });
    const { plaintext } = await issueApiKey(em, { accountId: account.id, name: 'second', kind: 'inference' });
    expect((await complete(plaintext)).status).toBe(200);
  });
});

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
    const remaining = [];
    for (let i = 0; i < 3; i++) {
      const res = await complete(TEST_KEYS.inference);
      statuses.push(res.status);
      remaining.push(res.headers.get('x-ratelimit-remaining'));
      expect(res.headers.get('x-ratelimit-limit')).toBe('3');
      const reset = Number(res.headers.get('x-ratelimit-reset'));
      expect(reset).toBeGreaterThan(Date.now());
      expect(reset).toBeLessThanOrEqual(Date.now() + 60_000);
    }
    expect(statuses).toEqual([200, 200, 200]);
    expect(remaining).toEqual(['2', '1', '0']);
    const generationsBefore = await (await running.db()).count(GenerationSchema, {});
    const refused = await complete(TEST_KEYS.inference);
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60); // exact sliding window: the first of the three ages out within a minute
    expect(refused.headers.get('x-ratelimit-limit')).toBe('3');
    expect(refused.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(await refused.json()).toMatchObject({ error: { code: 429, message: expect.stringMatching(/rate limit/i) } });
    expect(await (await running.db()).count(GenerationSchema, {})).toBe(generationsBefore);
  });

  it('sends the headers on streamed responses too', async () => {
    const em = await running.db();
    const account = await em.findOneOrFail(AccountSchema, { name: { $ne: 'Operator' } }, { orderBy: { createdAt: 'asc' } });
    const { plaintext } = await issueApiKey(em, { accountId: account.id, name: 'streamer', kind: 'inference' });
    const res = await fetch(`${running.url}/api/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${plaintext}` },
      body: JSON.stringify({ model: 'meta-llama/llama-3.3-70b-instruct', stream: true, messages: [{ role: 'user', content: 'hi' }], max_tokens: 5 }),
    });
    expect(res.status).toBe(200);
    expect([res.headers.get('x-ratelimit-limit'), res.headers.get('x-ratelimit-remaining')]).toEqual(['3', '2']);
    expect(await res.text()).toContain('[DONE]');
  });

  it('counts each key separately', async () => {
    const em = (await running.db());
    const account = await em.findOneOrFail(AccountSchema, { name: { $ne: 'Operator' } }, { orderBy: { createdAt: 'asc' } });
    const { plaintext } = await issueApiKey(em, { accountId: account.id, name: 'second', kind: 'inference' });
    expect((await complete(plaintext)).status).toBe(200);
  });
});

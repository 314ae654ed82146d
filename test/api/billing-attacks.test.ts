import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccountRepository } from '../../src/persistence/repositories/account-repository.js';
import { CreditLedger } from '../../src/persistence/repositories/credit-ledger.js';
import { issueApiKey } from '../../src/gateway/accounts/issue-api-key.js';
import { AccountSchema, ApiKeySchema, GenerationSchema, LedgerEntrySchema } from '../../src/persistence/entities/index.js';
import { parseUsd, type Money } from '../../src/core/billing/money.js';
import { fastProfile, startSimulator, type RunningSimulator } from '../../src/simulator/index.js';
import { databaseTargets } from '../support/databases.js';
import { REDIS_URL, redisAvailable } from '../support/redis.js';
import { startTestApp, startTestCluster, TEST_KEYS, type RunningApp } from '../support/app.js';

/** The embedded default (memory gate, file journal) and the production shape (PostgreSQL + the Redis gate and journals). */
const shapes = [
  ...(await databaseTargets()).map((target) => ({ name: target.name === 'postgres' ? 'PostgreSQL + Redis' : 'PGlite', target, redisUrl: target.name === 'postgres' ? REDIS_URL : undefined })),
];
if (shapes.some((s) => s.redisUrl)) await redisAvailable();

const post = (url: string, key: string, body: Record<string, unknown>) =>
  fetch(`${url}/api/v1/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` }, body: JSON.stringify(body) });

/** A fresh account with `balance` of credits and a key (optionally with a spending limit). */
async function tenant(running: RunningApp, balance: string, limit: Money | null = null) {
  const em = await running.db();
  const account = await new AccountRepository(em).createAccount(`attacked ${crypto.randomUUID()}`);
  await new CreditLedger(em.fork()).credit(account.id, 'grant', parseUsd(balance), `grant:${account.id}`);
  const { key, plaintext } = await issueApiKey(em.fork(), { accountId: account.id, name: 'k', kind: 'inference', limit });
  return { accountId: account.id, keyId: key.id, key: plaintext };
}

async function expectSolvent(running: RunningApp, accountId: string, keyId: string, limit: Money | null) {
  const em = await running.db();
  const account = await em.findOneOrFail(AccountSchema, { id: accountId });
  expect(account.balance).toBeGreaterThanOrEqual(0n);
  if (limit !== null) expect((await em.findOneOrFail(ApiKeySchema, { id: keyId })).usage).toBeLessThanOrEqual(limit);
  expect(await new CreditLedger(em).inconsistencies()).toEqual([]);
}

describe.each(shapes)('billing under attack on $name', ({ target, redisUrl }) => {
  let running: RunningApp;
  beforeAll(async () => {
    running = await startTestApp(target, { rateLimitPerMinute: null, ...(redisUrl ? { redisUrl } : {}) });
  });
  afterAll(() => running?.stop());

  it('200 concurrent reasoning requests with max_tokens 1 never take the balance below zero or the key above its limit', async () => {
    // The hold covers one output token and a prompt no tokenizer can exceed: a handful fit the key's limit.
    const limit = parseUsd('0.005');
    const t = await tenant(running, '0.0105', limit);
    const body = { model: 'anthropic/claude-opus-4', max_tokens: 1, reasoning: { effort: 'high' }, messages: [{ role: 'user', content: 'Think hard about this.' }] };
    const statuses = (await Promise.all(Array.from({ length: 200 }, () => post(running.url, t.key, body)))).map((r) => r.status);
    expect(statuses.every((s) => s === 200 || s === 402)).toBe(true);
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThan(0);
    await expectSolvent(running, t.accountId, t.keyId, limit);
  }, 60_000);

  it('200 concurrent low-entropy prompts (one token per character) never take the balance below zero', async () => {
    const t = await tenant(running, '0.01');
    const body = { model: 'meta-llama/llama-3.3-70b-instruct', max_tokens: 4, messages: [{ role: 'user', content: 'a.'.repeat(1_500) }] };
    const responses = await Promise.all(Array.from({ length: 200 }, () => post(running.url, t.key, body)));
    const admitted = responses.filter((r) => r.status === 200).length;
    expect(responses.every((r) => r.status === 200 || r.status === 402)).toBe(true);
    expect(admitted).toBeGreaterThan(0);
    const em = await running.db();
    // The provider counted every character: the hold covered it, so what was charged is the real price.
    const charged = await em.find(GenerationSchema, { account: t.accountId, status: 'succeeded' });
    expect(charged.length).toBe(admitted);
    for (const g of charged) expect(g.tokensPrompt).toBeGreaterThanOrEqual(3_000);
    await expectSolvent(running, t.accountId, t.keyId, null);
  }, 60_000);

  it('refuses NUL characters and over-long fields before any upstream byte, and persists nothing', async () => {
    const t = await tenant(running, '1');
    const base = { model: 'meta-llama/llama-3.3-70b-instruct', max_tokens: 4, messages: [{ role: 'user', content: 'hi' }] };
    for (const [body, path] of [
      [{ ...base, session_id: 'a\u0000b' }, 'session_id'],
      [{ ...base, session_id: 'x'.repeat(257) }, 'session_id'],
      [{ ...base, models: ['openai/gpt-4o', 'bad\u0000model'] }, 'models.1'],
      [{ ...base, model: 'x/'.repeat(101) }, 'model'],
    ] as const) {
      const res = await post(running.url, t.key, body);
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ error: { code: 400, metadata: { path } } });
    }
    // The longest session id the schema allows is stored fine (it is hashed into the sticky key).
    expect((await post(running.url, t.key, { ...base, session_id: 's'.repeat(256) })).status).toBe(200);
    const em = await running.db();
    expect(await em.count(GenerationSchema, { account: t.accountId })).toBe(1);
  });

  it('bills a stream whose API key is deleted while it runs', async () => {
    const em = await running.db();
    const account = await em.findOneOrFail(AccountSchema, { name: { $ne: 'Operator' } }, { orderBy: { createdAt: 'asc' } });
    const { key, plaintext } = await issueApiKey(em, { accountId: account.id, name: 'doomed', kind: 'inference' });
    const res = await post(running.url, plaintext, { model: 'meta-llama/llama-3.3-70b-instruct', stream: true, max_tokens: 40, messages: [{ role: 'user', content: 'stream' }] });
    expect(res.status).toBe(200);
    const id = res.headers.get('x-generation-id')!;
    const deleted = await fetch(`${running.url}/api/v1/keys/${key.id}`, { method: 'DELETE', headers: { authorization: `Bearer ${TEST_KEYS.management}` } });
    expect(deleted.status).toBeLessThan(300);
    const text = await res.text(); // the rest of the stream
    expect(text).toContain('[DONE]');
    const after = await running.db();
    const g = await after.findOneOrFail(GenerationSchema, { id });
    expect(g.status).toBe('succeeded');
    expect(g.cost).toBeGreaterThan(0n);
    expect(await after.count(LedgerEntrySchema, { generationId: id })).toBe(1);
    expect((await post(running.url, plaintext, { model: 'meta-llama/llama-3.3-70b-instruct', messages: [{ role: 'user', content: 'again' }] })).status).toBe(401);
  });
});

describe.runIf(shapes.some((s) => s.redisUrl))('two instances on one Redis', () => {
  let simulator: RunningSimulator;
  beforeAll(async () => {
    simulator = await startSimulator({ profiles: {}, fallbackProfile: { ...fastProfile, ttftMs: 20 } });
  });
  afterAll(() => simulator?.stop());

  it('never over-admit together: concurrent requests on both, one small balance', async () => {
    const postgres = shapes.find((s) => s.redisUrl)!.target;
    const cluster = await startTestCluster(postgres, 2, { redisUrl: REDIS_URL, rateLimitPerMinute: null, upstreams: { simulate: 'all', simulatorProfile: 'fast', simulatorUrl: simulator.url, credentials: {} } });
    try {
      const [a, b] = cluster.apps as [RunningApp, RunningApp];
      const t = await tenant(a, '0.001');
      const body = { model: 'meta-llama/llama-3.3-70b-instruct', max_tokens: 100, provider: { order: ['groq'], allow_fallbacks: false }, messages: [{ role: 'user', content: 'split' }] };
      const responses = await Promise.all(Array.from({ length: 100 }, (_, i) => post(i % 2 ? a.url : b.url, t.key, body)));
      const admitted = responses.filter((r) => r.status === 200).length;
      expect(admitted).toBeGreaterThan(0);
      expect(admitted).toBeLessThan(100);
      await b.db();
      const em = await a.db();
      expect(await em.count(GenerationSchema, { account: t.accountId })).toBe(admitted);
      await expectSolvent(a, t.accountId, t.keyId, null);
    } finally {
      await cluster.stop();
    }
  }, 60_000);
});

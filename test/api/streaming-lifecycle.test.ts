import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccountRepository } from '../../src/persistence/repositories/account-repository.js';
import { CreditLedger } from '../../src/persistence/repositories/credit-ledger.js';
import { issueApiKey } from '../../src/gateway/accounts/issue-api-key.js';
import { AccountSchema, GenerationSchema, LedgerEntrySchema } from '../../src/persistence/entities/index.js';
import { parseUsd } from '../../src/core/billing/money.js';
import { fastProfile, startSimulator, type RunningSimulator } from '../../src/simulator/index.js';
import type { Config } from '../../src/config.js';
import { databaseTargets } from '../support/databases.js';
import { startTestApp, TEST_KEYS, type RunningApp } from '../support/app.js';

const LLAMA = 'meta-llama/llama-3.3-70b-instruct';
const GROQ_ONLY = { order: ['groq'], allow_fallbacks: false };

const post = (url: string, body: Record<string, unknown>, key: string = TEST_KEYS.inference, signal?: AbortSignal) =>
  fetch(`${url}/api/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ model: LLAMA, messages: [{ role: 'user', content: 'Tell me about shutdowns.' }], provider: GROQ_ONLY, ...body }),
    ...(signal ? { signal } : {}),
  });

/** Reads an SSE body until `until` matches what arrived so far (or the body ends). */
async function readUntil(res: Response, until: (text: string) => boolean = () => false): Promise<string> {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text;
    text += decoder.decode(value, { stream: true });
    if (until(text)) {
      await reader.cancel();
      return text;
    }
  }
}

const waitFor = async (check: () => Promise<boolean>, ms = 10_000) => {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 25));
  }
};

describe.each(await databaseTargets())('streaming lifecycle on $name', (target) => {
  let simulator: RunningSimulator;
  // A provider that thinks 300 ms before the first token, then streams 10 tokens/s (answers run 20–120 tokens).
  const slowUpstream = (): Partial<Config> => ({ upstreams: { simulate: 'all', simulatorProfile: 'fast', simulatorUrl: simulator.url, credentials: {} } });
  beforeAll(async () => {
    simulator = await startSimulator({ profiles: {}, fallbackProfile: { ...fastProfile, ttftMs: 300, tokensPerSecond: 10 } });
  });
  afterAll(() => simulator?.stop());

  describe('one app', () => {
    let running: RunningApp;
    beforeAll(async () => {
      running = await startTestApp(target, { ...slowUpstream(), sseKeepAliveMs: 100 });
    });
    afterAll(() => running?.stop());

    it('sends keep-alive comments while the first token is slow, then a normal stream', async () => {
      const res = await post(running.url, { stream: true, max_tokens: 5 });
      expect(res.status).toBe(200);
      const body = await readUntil(res);
      const firstData = body.indexOf('data: ');
      expect(body.indexOf(': OPENROUTER PROCESSING')).toBeGreaterThanOrEqual(0);
      expect(body.indexOf(': OPENROUTER PROCESSING')).toBeLessThan(firstData);
      expect(body.trimEnd().endsWith('data: [DONE]')).toBe(true);
    });

    it('aborts the upstream when the client disconnects, and settles the generation once', async () => {
      const em = (await running.db());
      const res = await post(running.url, { stream: true, max_tokens: 1000 });
      const id = res.headers.get('x-generation-id')!;
      await readUntil(res, (text) => (text.match(/"content":/g) ?? []).length >= 3);
      await waitFor(async () => (await em.fork().count(GenerationSchema, { id })) === 1);
      const row = await em.fork().findOneOrFail(GenerationSchema, { id });
      expect(row).toMatchObject({ status: 'cancelled', streamed: true });
      expect(row.tokensCompletion).toBeLessThan(1000);
      expect(await em.count(LedgerEntrySchema, { generationId: id })).toBe(1);
      expect(await new CreditLedger(em).inconsistencies()).toEqual([]);
    });
  });

  it('on shutdown finishes what fits in the grace period, cancels the rest, and settles both exactly once', async () => {
    const running = await startTestApp(target, { ...slowUpstream(), shutdownGraceMs: 1_000 });
    try {
      const short = post(running.url, { max_tokens: 3 }); // ≈ 0.6 s: finishes within the grace period
      const long = post(running.url, { stream: true, max_tokens: 2000 }); // ≥ 2 s: cancelled
      const longRes = await long;
      const longId = longRes.headers.get('x-generation-id')!;
      const longBody = readUntil(longRes);
      await waitFor(async () => running.app.completions.inFlight.size === 2);
      // What app.stop() does first (it then closes the server and the database, which this test still reads).
      const drained = await running.app.completions.inFlight.drain(1_000);
      expect(drained).toEqual({ finished: 1, aborted: 1 });
      expect((await short).status).toBe(200);
      const longText = await longBody;
      expect(longText).toMatch(/"finish_reason":"error"/);
      const em = (await running.db());
      const rows = await em.find(GenerationSchema, {}, { orderBy: { createdAt: 'asc' } });
      expect(rows.map((r) => r.status).sort()).toEqual(['cancelled', 'succeeded']);
      expect(rows.find((r) => r.id === longId)!.status).toBe('cancelled');
      expect(await em.count(LedgerEntrySchema, { kind: 'usage' })).toBe(2);
      expect(await new CreditLedger(em).inconsistencies()).toEqual([]);
    } finally {
      await running.stop();
    }
  });

  it('a stream that fails before any output is an HTTP error and leaves nothing running (shutdown is not held up)', async () => {
    const refusing = await startSimulator({ profiles: {}, requireAuth: () => false }); // every provider answers 401
    const running = await startTestApp(target, { upstreams: { simulate: 'all', simulatorProfile: 'fast', simulatorUrl: refusing.url, credentials: {} }, shutdownGraceMs: 60_000 });
    try {
      const res = await post(running.url, { stream: true, max_tokens: 5 });
      expect(res.status).toBe(502);
      expect(res.headers.get('x-generation-id')).toMatch(/^gen-/);
      expect(running.app.completions.inFlight.size).toBe(0);
      const started = Date.now();
      await running.app.stop();
      expect(Date.now() - started).toBeLessThan(10_000);
    } finally {
      await running.stop();
      await refusing.stop();
    }
  });

  it('refuses new generations with 503 once draining began', async () => {
    const running = await startTestApp(target, { ...slowUpstream(), shutdownGraceMs: 2_000 });
    try {
      const long = await post(running.url, { stream: true, max_tokens: 100 });
      void readUntil(long);
      await waitFor(async () => running.app.completions.inFlight.size === 1);
      const stopping = running.app.stop();
      const late = await post(running.url, { max_tokens: 5 });
      expect(late.status).toBe(503);
      expect(await late.json()).toMatchObject({ error: { code: 503, message: expect.stringMatching(/shutting down/) } });
      await stopping;
    } finally {
      await running.stop();
    }
  });

  it('never overspends with 200 concurrent requests on one small balance, and writes one generation and one ledger row per admitted request', async () => {
    const running = await startTestApp(target, { rateLimitPerMinute: null });
    try {
      const em = (await running.db());
      const account = await new AccountRepository(em).createAccount('Small balance');
      await new CreditLedger(em.fork()).credit(account.id, 'grant', parseUsd('0.001'), `grant:${account.id}`);
      const { plaintext } = await issueApiKey(em.fork(), { accountId: account.id, name: 'k', kind: 'inference' });
      // Worst case on groq: ~20 prompt tokens × $0.59/M + 100 × $0.79/M ≈ $0.00009, so about 11 fit.
      const responses = await Promise.all(Array.from({ length: 200 }, () => post(running.url, { max_tokens: 100 }, plaintext)));
      const statuses = responses.map((r) => r.status);
      const admitted = statuses.filter((s) => s === 200).length;
      expect(statuses.every((s) => s === 200 || s === 402)).toBe(true);
      expect(admitted).toBeGreaterThan(0);
      expect(admitted).toBeLessThan(200);
      const fresh = await running.db();
      expect(await fresh.count(GenerationSchema, { account: account.id })).toBe(admitted);
      expect(await fresh.count(LedgerEntrySchema, { account: account.id, kind: 'usage' })).toBe(admitted);
      const after = await fresh.findOneOrFail(AccountSchema, { id: account.id });
      expect(after.balance).toBeGreaterThanOrEqual(0n);
      expect(after.reserved).toBe(0n);
      expect(await new CreditLedger(fresh).inconsistencies()).toEqual([]);
    } finally {
      await running.stop();
    }
  }, 60_000);
});

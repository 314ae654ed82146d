import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordGeneration } from '../../src/persistence/repositories/generation-recorder.js';
import { GenerationSchema } from '../../src/persistence/entities/index.js';
import { formatUsd, parseUsd, sum, ZERO } from '../../src/core/billing/money.js';
import { databaseTargets } from '../support/databases.js';
import { startTestApp, TEST_KEYS, type RunningApp } from '../support/app.js';
import { graphqlHttp } from '../support/graphql-client.js';
import { FilteredGenerationsDocument, GenerationsPageDocument, ViewerUsageDocument, type UsageGroupBy } from '../gql/graphql.js';

const bearer = { authorization: `Bearer ${TEST_KEYS.inference}` };
const HOUR = 3_600_000;

describe.each(await databaseTargets())('usage analytics on $name', (target) => {
  let running: RunningApp;
  const range = { from: new Date(Date.now() - 72 * HOUR).toISOString(), to: new Date(Date.now() + HOUR).toISOString() };

  beforeAll(async () => {
    running = await startTestApp(target);
    for (const provider of ['groq', 'together', 'groq']) {
      const res = await fetch(`${running.url}/api/v1/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...bearer },
        body: JSON.stringify({ model: 'meta-llama/llama-3.3-70b-instruct', messages: [{ role: 'user', content: `usage via ${provider}` }], max_tokens: 8, provider: { order: [provider], allow_fallbacks: false } }),
      });
      expect(res.status).toBe(200);
    }
    // Older and failed generations, written as the pipeline writes them (no charge for the failure).
    const em = running.app.database.orm.em;
    const key = (await running.app.auth.authenticate(TEST_KEYS.inference)) as { kind: 'authenticated'; principal: { accountId: string; key: { id: string } } };
    const base = { accountId: key.principal.accountId, apiKeyId: key.principal.key.id, requestedModels: ['openai/gpt-4o'], streamed: false, byok: null, stickyKey: null, nativeFinishReason: null, generationTimeMs: null, attempts: [], keyPeriodStart: new Date(0), finishedAt: new Date() };
    await recordGeneration(em.fork(), { ...base, id: 'gen-usage-old', model: 'openai/gpt-4o', provider: 'openai', status: 'succeeded', tokens: { prompt: 100, completion: 50, reasoning: 0, cached: 20, cacheWrite: 0 }, cost: parseUsd('0.00075'), held: parseUsd('0.00075'), ttftMs: 400, finishReason: 'stop', createdAt: new Date(Date.now() - 48 * HOUR) }, parseUsd('0.00075'));
    await recordGeneration(em.fork(), { ...base, id: 'gen-usage-failed', model: null, provider: null, status: 'failed', tokens: { prompt: 0, completion: 0, reasoning: 0, cached: 0, cacheWrite: 0 }, cost: ZERO, held: ZERO, ttftMs: null, finishReason: 'error', createdAt: new Date(Date.now() - 2 * HOUR) }, ZERO);
  });
  afterAll(() => running?.stop());

  const usage = async (groupBy: UsageGroupBy, r = range) => {
    const result = (await graphqlHttp(running.url, ViewerUsageDocument, { range: r, groupBy }, bearer)).data!.viewer.usage;
    if (result.__typename !== 'ViewerUsageSuccess') throw new Error(`${result.__typename}: ${'message' in result ? result.message : ''}`);
    return result.data;
  };

  it('equals the sum of the generation rows, however it is grouped', async () => {
    const rows = await (await running.db()).find(GenerationSchema, {});
    const expected = {
      requests: rows.length,
      errors: rows.filter((r) => r.status !== 'succeeded').length,
      promptTokens: rows.reduce((n, r) => n + r.tokensPrompt, 0),
      completionTokens: rows.reduce((n, r) => n + r.tokensCompletion, 0),
      cost: formatUsd(sum(rows.map((r) => r.cost))),
    };
    for (const groupBy of ['DAY', 'HOUR', 'MODEL', 'PROVIDER', 'KEY'] as const) {
      const buckets = await usage(groupBy);
      expect({
        requests: buckets.reduce((n, b) => n + b.requests, 0),
        errors: buckets.reduce((n, b) => n + b.errors, 0),
        promptTokens: buckets.reduce((n, b) => n + b.promptTokens, 0),
        completionTokens: buckets.reduce((n, b) => n + b.completionTokens, 0),
        cost: formatUsd(sum(buckets.map((b) => parseUsd(b.cost)))),
      }).toEqual(expected);
    }
    const byProvider = await usage('PROVIDER');
    expect(byProvider.map((b) => [b.key, b.requests])).toEqual([['', 1], ['groq', 2], ['openai', 1], ['together', 1]]);
    expect(byProvider.find((b) => b.key === 'openai')).toMatchObject({ promptTokens: 100, completionTokens: 50, cost: '0.00075', ttftP50Ms: 400 });
    const byDay = await usage('DAY');
    expect(byDay.map((b) => b.key).every((k) => /^\d{4}-\d{2}-\d{2}T00:00:00Z$/.test(k))).toBe(true);
  });

  it('agrees with /api/v1/key usage for the key’s spend today', async () => {
    const startOfDay = new Date();
    startOfDay.setUTCHours(0, 0, 0, 0);
    const today = await usage('KEY', { from: startOfDay.toISOString(), to: range.to });
    const key = (await (await fetch(`${running.url}/api/v1/key`, { headers: bearer })).json()) as { data: { usage_daily: number } };
    const total = formatUsd(sum(today.map((b) => parseUsd(b.cost))));
    expect(key.data.usage_daily).toBe(Number(total));
  });

  it('refuses an inverted or oversized range with a typed error', async () => {
    const inverted = (await graphqlHttp(running.url, ViewerUsageDocument, { range: { from: range.to, to: range.from }, groupBy: 'DAY' }, bearer)).data!.viewer.usage;
    expect(inverted).toMatchObject({ __typename: 'InvalidInputError', field: 'range' });
    const long = (await graphqlHttp(running.url, ViewerUsageDocument, { range: { from: '2025-01-01T00:00:00Z', to: '2025-03-01T00:00:00Z' }, groupBy: 'HOUR' }, bearer)).data!.viewer.usage;
    expect(long).toMatchObject({ __typename: 'InvalidInputError', field: 'range' });
  });

  it('pages the activity list by cursor, newest first, every generation exactly once, both ways', async () => {
    const all = (await (await running.db()).find(GenerationSchema, {}, { orderBy: { createdAt: 'desc', id: 'desc' } })).map((g) => g.id);
    const forward: string[] = [];
    let after: string | null | undefined;
    for (;;) {
      const page = (await graphqlHttp(running.url, GenerationsPageDocument, { first: 2, after }, bearer)).data!.viewer.generations;
      forward.push(...page.edges.map((e) => e.node.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(forward).toEqual(all);
    const lastTwo = (await graphqlHttp(running.url, GenerationsPageDocument, { last: 2 }, bearer)).data!.viewer.generations;
    expect(lastTwo.edges.map((e) => e.node.id)).toEqual(all.slice(-2));
    const beforeThose = (await graphqlHttp(running.url, GenerationsPageDocument, { last: 2, before: lastTwo.pageInfo.startCursor }, bearer)).data!.viewer.generations;
    expect(beforeThose.edges.map((e) => e.node.id)).toEqual(all.slice(-4, -2));
    const bad = await graphqlHttp(running.url, GenerationsPageDocument, { first: 2, after: 'bm9wZQ' }, bearer);
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('filters the activity list', async () => {
    const groq = (await graphqlHttp(running.url, FilteredGenerationsDocument, { provider: 'groq' }, bearer)).data!.viewer.generations.edges;
    expect(groq.map((e) => e.node.provider)).toEqual(['groq', 'groq']);
    const failed = (await graphqlHttp(running.url, FilteredGenerationsDocument, { status: 'failed' }, bearer)).data!.viewer.generations.edges;
    expect(failed.map((e) => e.node.id)).toEqual(['gen-usage-failed']);
  });
});

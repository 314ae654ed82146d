import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.js';
import { databaseTargets } from '../../support/databases.js';
import { startTestApp, TEST_KEYS, type RunningApp } from '../../support/app.js';
import { RESPONSIVE_MS, slowestHealthDuring } from '../../support/health-probe.js';

const [target] = await databaseTargets();

/** The attack of issue 14: one anonymous query of 14,000 cheap `routePlan` aliases (≈ 5 MB, cost ≈ 3.5 each: under 50,000). */
function routePlanAliases(count: number): string {
  const field = (i: number) =>
    `a${i}: routePlan(input: { model: "meta-llama/llama-3.3-70b-instruct", models: ["openai/gpt-4o", "anthropic/claude-3.5-sonnet", "google/gemini-2.0-flash-001", "mistralai/mistral-large"], promptTokens: 100000, maxTokens: 4000, parameters: ["tools", "response_format"], provider: { sort: { by: PRICE }, ignore: ["deepinfra", "novita"] } }) { __typename }`;
  return `{ ${Array.from({ length: count }, (_, i) => field(i)).join('\n')} }`;
}

/** A heavier selection per alias, for the cost budget. */
function costlyRoutePlans(count: number): string {
  const field = (i: number) =>
    `a${i}: routePlan(input: { model: "meta-llama/llama-3.3-70b-instruct", promptTokens: 1000, maxTokens: 1000, provider: { sort: { by: PRICE } } }) { ... on RoutePlan { mode attempts { probability endpoint { id } } excluded { code } explanation } }`;
  return `{ ${Array.from({ length: count }, (_, i) => field(i)).join('\n')} }`;
}

async function post(url: string, query: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });
  return { status: res.status, body: (await res.json()) as { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] } };
}

describe('anonymous GraphQL cannot take the server down', () => {
  let running: RunningApp;
  beforeAll(async () => {
    running = await startTestApp(target!);
  });
  afterAll(() => running?.stop());

  it('refuses 14,000 routePlan aliases without a key before executing them, /health staying responsive', async () => {
    const query = routePlanAliases(14_000);
    expect(query.length).toBeGreaterThan(4_000_000);
    const body = JSON.stringify({ query });
    const attack = () =>
      new Promise<Awaited<ReturnType<typeof post>>>((resolve, reject) => {
        const worker = new Worker(new URL('../../support/post-in-worker.mjs', import.meta.url), { workerData: { url: `${running.url}/graphql`, body, headers: {} } });
        worker.once('message', (result) => void worker.terminate().then(() => resolve(result)));
        worker.once('error', reject);
      });
    const { result, slowestMs } = await slowestHealthDuring(running.url, attack);
    expect(result.body.data ?? null).toBeNull();
    expect(result.body.errors?.[0]?.message).toMatch(/token|alias|too large|cost/i);
    expect(slowestMs).toBeLessThan(RESPONSIVE_MS);
  });

  it('gives anonymous callers a much smaller cost budget than keys', async () => {
    // 40 aliased plans (cost ≈ 1,480; a page of 50 models with endpoints costs ≈ 190): fine for a key, over the anonymous budget.
    const query = costlyRoutePlans(40);
    const anonymous = await post(running.url, query);
    expect(anonymous.body.data ?? null).toBeNull();
    expect(anonymous.body.errors?.[0]?.message).toMatch(/cost/i);
    const keyed = await post(running.url, query, { authorization: `Bearer ${TEST_KEYS.inference}` });
    expect(keyed.body.errors).toBeUndefined();
    expect(Object.keys(keyed.body.data as object)).toHaveLength(40);
  });

  it('limits anonymous requests per client address, not requests that carry a valid key', async () => {
    const limited = await startTestApp(target!, { anonymous: { ...loadConfig({}).anonymous, requestsPerMinutePerIp: 5 } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 7; i++) statuses.push((await post(limited.url, '{ __typename }')).status);
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
      const refused = await fetch(`${limited.url}/api/v1/models`);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await refused.json()).toMatchObject({ error: { code: 429, message: expect.stringMatching(/too many/i) } });
      expect((await post(limited.url, '{ __typename }', { authorization: `Bearer ${TEST_KEYS.inference}` })).status).toBe(200);
      expect((await fetch(`${limited.url}/health`)).status).toBe(200);
    } finally {
      await limited.stop();
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseTargets } from '../../support/databases.js';
import { startTestApp, TEST_KEYS, type RunningApp } from '../../support/app.js';

const [target] = await databaseTargets();
const nestedObject = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
const nestedList = (depth: number) => `${'['.repeat(depth)}"x"${']'.repeat(depth)}`;

describe('deeply nested input is a 400, never a 500', () => {
  let running: RunningApp;
  beforeAll(async () => {
    running = await startTestApp(target!);
  });
  afterAll(() => running?.stop());

  const postRaw = (path: string, body: string, accept = 'application/json') =>
    fetch(`${running.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', accept, authorization: `Bearer ${TEST_KEYS.inference}` }, body });

  it('refuses JSON nested 5,000 deep in tool parameters with 400 in OpenRouter shape', async () => {
    const body = `{"model":"meta-llama/llama-3.3-70b-instruct","messages":[{"role":"user","content":"hi"}],"tools":[{"type":"function","function":{"name":"f","parameters":${nestedObject(5_000)}}}]}`;
    const res = await postRaw('/api/v1/chat/completions', body);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: { code: 400, message: expect.stringMatching(/nested too deeply/i) } });
  });

  it('still accepts ordinary nesting in tool parameters', async () => {
    const body = `{"model":"meta-llama/llama-3.3-70b-instruct","max_tokens":5,"messages":[{"role":"user","content":"hi"}],"tools":[{"type":"function","function":{"name":"f","parameters":{"type":"object","properties":{"a":${nestedObject(20)}}}}}]}`;
    expect((await postRaw('/api/v1/chat/completions', body)).status).toBe(200);
  });

  it.each([2_000, 5_000])('refuses GraphQL list literals nested %i deep with 400', async (depth) => {
    const query = `{ routePlan(input: { model: "meta-llama/llama-3.3-70b-instruct", parameters: ${nestedList(depth)} }) { __typename } }`;
    for (const accept of ['application/json', 'application/graphql-response+json']) {
      const res = await postRaw('/graphql', JSON.stringify({ query }), accept);
      expect(res.status, accept).toBe(400);
      const body = (await res.json()) as { errors: { message: string }[] };
      expect(body.errors[0]!.message).toMatch(/nested too deeply|token/i);
    }
  });

  it('refuses GraphQL variables nested 5,000 deep with 400', async () => {
    const body = `{"query":"query($p: RoutePlanInput!) { routePlan(input: $p) { __typename } }","variables":{"p":{"model":"x","parameters":${nestedList(5_000)}}}}`;
    const res = await postRaw('/graphql', body);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: { code: 400, message: expect.stringMatching(/nested too deeply/i) } });
  });
});

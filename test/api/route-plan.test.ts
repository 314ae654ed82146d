import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseTargets } from '../support/databases.js';
import { startTestApp, type RunningApp } from '../support/app.js';
import { graphqlHttp } from '../support/graphql-client.js';
import { EndpointHealthDocument, ModelByIdDocument, RoutePlanDocument, SetEndpointStatusDocument, type RoutePlanQueryVariables } from '../gql/graphql.js';

const OPERATOR_KEY = 'sk-sy-v1-test-operator-key-0000000000000000000000';
const LLAMA = 'meta-llama/llama-3.3-70b-instruct';

// Routing reads the catalog through the same SQL on both databases; PGlite is enough here.
const [pglite] = await databaseTargets();

describe('routePlan preview', () => {
  let running: RunningApp;
  beforeAll(async () => {
    running = await startTestApp(pglite!, { operatorKey: OPERATOR_KEY });
  });
  afterAll(() => running?.stop());

  const plan = async (input: RoutePlanQueryVariables['input']) => {
    const res = await graphqlHttp(running.url, RoutePlanDocument, { input });
    expect(res.errors).toBeUndefined();
    const result = res.data!.routePlan;
    if (result.__typename !== 'RoutePlan') throw new Error(`${result.__typename}: ${'message' in result ? result.message : ''}`);
    return result;
  };

  it('load-balances over every provider of an open-weight model, with pick probabilities summing to 1', async () => {
    const result = await plan({ model: LLAMA, promptTokens: 500, maxTokens: 500 });
    expect(result.mode).toBe('LOAD_BALANCED');
    expect(result.attempts.length).toBeGreaterThanOrEqual(3);
    expect(result.attempts[0]!.reason).toBe('WEIGHTED_PICK');
    const total = result.attempts.reduce((s, a) => s + (a.probability ?? 0), 0);
    expect(total).toBeCloseTo(1, 9);
  });

  it('follows `order` and stops there without fallbacks, saying why the rest are out', async () => {
    const result = await plan({ model: LLAMA, provider: { order: ['groq', 'together'], allowFallbacks: false } });
    expect(result.attempts.map((a) => a.providerSlug)).toEqual(['groq', 'together']);
    expect(result.excluded.every((x) => x.code === 'FALLBACKS_DISABLED')).toBe(true);
    expect(result.excluded.length).toBeGreaterThan(0);
  });

  it('explains a request nothing can serve, provider by provider', async () => {
    const result = await plan({ model: LLAMA, models: ['nobody/nothing'], provider: { quantizations: ['INT4'] } });
    expect(result.attempts).toEqual([]);
    expect(result.unknownModels).toEqual(['nobody/nothing']);
    expect(result.excluded.every((x) => x.code === 'QUANTIZATION' && /not in \[int4\]/.test(x.message))).toBe(true);
    expect(result.explanation).toMatch(/groq \(meta-llama\/llama-3.3-70b-instruct\) excluded: quantization/);
  });

  it('reflects an operator disabling an endpoint immediately', async () => {
    const model = (await graphqlHttp(running.url, ModelByIdDocument, { id: LLAMA })).data!.model!;
    const groq = model.endpoints.find((e) => e.provider.slug === 'groq')!;
    await graphqlHttp(running.url, SetEndpointStatusDocument, { id: groq.id, status: 'DISABLED' }, { authorization: `Bearer ${OPERATOR_KEY}` });
    const result = await plan({ model: LLAMA });
    expect(result.attempts.map((a) => a.providerSlug)).not.toContain('groq');
    expect(result.excluded).toContainEqual({ providerSlug: 'groq', code: 'ENDPOINT_DISABLED', message: 'excluded: endpoint is disabled' });
  });

  it('shows live endpoint health and routes around an endpoint whose circuit opened', async () => {
    const model = (await graphqlHttp(running.url, EndpointHealthDocument, { id: LLAMA })).data!.model!;
    const together = model.endpoints.find((e) => e.provider.slug === 'together')!;
    expect(together.health).toMatchObject({ status: 'UNKNOWN', circuit: 'CLOSED', significantOutage: false, uptime30s: null });
    const endpointId = Buffer.from(together.id, 'base64').toString().split(':')[1]!;
    const now = Date.now();
    for (let i = 0; i < 3; i++) await running.app.health.record(endpointId, { kind: 'success', ttftMs: 400, tokensPerSecond: 80 }, now - 1_000);
    for (let i = 0; i < 5; i++) await running.app.health.record(endpointId, { kind: 'failure', cause: 'server_error' }, now);
    const after = (await graphqlHttp(running.url, EndpointHealthDocument, { id: LLAMA })).data!.model!.endpoints.find((e) => e.id === together.id)!;
    expect(after.health).toMatchObject({ circuit: 'OPEN', significantOutage: true, uptime30s: 3 / 8, latencySeconds: { p50: expect.closeTo(0.4, 2) } });
    const result = await plan({ model: LLAMA });
    expect(result.excluded).toContainEqual(expect.objectContaining({ providerSlug: 'together', code: 'CIRCUIT_OPEN' }));
  });

  it('rejects a request without a model as invalid input', async () => {
    const res = await graphqlHttp(running.url, RoutePlanDocument, { input: { promptTokens: 10 } });
    expect(res.data!.routePlan).toMatchObject({ __typename: 'InvalidInputError', code: 'INVALID_INPUT' });
  });
});

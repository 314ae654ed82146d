import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseTargets } from '../support/databases.js';
import { startTestApp, TEST_KEYS, type RunningApp } from '../support/app.js';
import { graphqlHttp, graphqlWsClient, graphqlWsSubscribe } from '../support/graphql-client.js';
import { CompleteDocument, GenerationRecordDocument, RoutePlanDocument, StartCompletionDocument } from '../gql/graphql.js';

// DeepInfra is gpt-oss-120b's cheapest host, so `sort: price` goes there unless it is excluded.
const GPT_OSS = 'openai/gpt-oss-120b';
const bearer = { authorization: `Bearer ${TEST_KEYS.inference}` };

// Names are resolved in the gateway, the same on both databases; PGlite is enough here.
const [pglite] = await databaseTargets();

describe('providers named as OpenRouter clients name them', () => {
  let running: RunningApp;
  beforeAll(async () => {
    running = await startTestApp(pglite!);
  });
  afterAll(() => running?.stop());

  const complete = async (provider: unknown) => {
    const res = await fetch(`${running.url}/api/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...bearer },
      body: JSON.stringify({ model: GPT_OSS, provider, max_tokens: 5, messages: [{ role: 'user', content: 'Hello' }] }),
    });
    return { status: res.status, generationId: res.headers.get('x-generation-id'), body: (await res.json()) as any };
  };
  const generation = async (id: string) =>
    ((await (await fetch(`${running.url}/api/v1/generation?id=${id}`, { headers: bearer })).json()) as any).data;

  it('honours `ignore` by display name: the excluded provider is never called', async () => {
    const control = await complete({ sort: 'price' });
    expect(control.body.provider).toBe('DeepInfra');

    const ignored = await complete({ sort: 'price', ignore: ['DeepInfra'] });
    expect(ignored.status).toBe(200);
    expect(ignored.body.provider).not.toBe('DeepInfra');
    const record = await generation(ignored.generationId!);
    expect(record.provider_name).toBe(ignored.body.provider);
    expect(record.provider_responses.map((a: { provider: string }) => a.provider)).not.toContain('deepinfra');
  });

  it('reads `only` and `order` by slug or name in any case, and reports display names', async () => {
    const onlyGroq = await complete({ only: ['Groq'] });
    expect(onlyGroq.body.provider).toBe('Groq');
    expect((await generation(onlyGroq.generationId!)).provider_name).toBe('Groq');
    const ordered = await complete({ order: ['TOGETHER'], allow_fallbacks: false });
    expect(ordered.body.provider).toBe('Together');

    const stream = await fetch(`${running.url}/api/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...bearer },
      body: JSON.stringify({ model: GPT_OSS, provider: { only: ['fireworks'] }, stream: true, max_tokens: 5, messages: [{ role: 'user', content: 'Hi' }] }),
    });
    const chunks = (await stream.text()).split('\n').filter((l) => l.startsWith('data: {')).map((l) => JSON.parse(l.slice(6)));
    expect(new Set(chunks.map((c) => c.provider))).toEqual(new Set(['Fireworks']));
  });

  it('refuses an unknown provider with a 400 that names it, before reserving or recording anything', async () => {
    const typo = await complete({ ignore: ['DeepInfro'], order: ['groq'] });
    expect(typo.status).toBe(400);
    expect(typo.generationId).toBeNull();
    expect(typo.body.error.message).toMatch(/"DeepInfro" \(provider\.ignore\)/);
    expect(typo.body.error.metadata.details.unknown_providers).toEqual([{ field: 'ignore', reference: 'DeepInfro' }]);
  });

  it('does the same over GraphQL: completions and route previews', async () => {
    const ws = graphqlWsClient(running.url, bearer);
    let finished: { generationId: string } | undefined;
    try {
      const input = { model: GPT_OSS, maxTokens: 5, provider: { ignore: ['DeepInfra'], sort: { by: 'PRICE' as const } }, messages: [{ role: 'user', content: 'Hello' }] };
      for await (const result of graphqlWsSubscribe(ws, CompleteDocument, { input })) {
        const event = (result.data as { complete: { __typename: string; generationId?: string } }).complete;
        if (event.__typename === 'CompletionFinished') finished = event as { generationId: string };
      }
    } finally {
      await ws.dispose();
    }
    const record = (await graphqlHttp(running.url, GenerationRecordDocument, { id: finished!.generationId }, bearer)).data!.generation!;
    expect(record.attempts.map((a) => a.provider)).not.toContain('deepinfra');

    const refused = await graphqlHttp(running.url, StartCompletionDocument, { input: { model: GPT_OSS, provider: { only: ['Nobody'] }, messages: [{ role: 'user', content: 'Hi' }] } }, bearer);
    expect(refused.data!.startCompletion).toMatchObject({ __typename: 'CompletionRefusedError', code: 'UNKNOWN_PROVIDER', message: expect.stringMatching(/"Nobody" \(provider\.only\)/) });

    const plan = await graphqlHttp(running.url, RoutePlanDocument, { input: { model: GPT_OSS, provider: { ignore: ['DeepInfra'] } } });
    expect(plan.data!.routePlan).toMatchObject({ __typename: 'RoutePlan', excluded: [{ providerSlug: 'deepinfra', code: 'IGNORED' }] });
    const badPlan = await graphqlHttp(running.url, RoutePlanDocument, { input: { model: GPT_OSS, provider: { order: ['Nobody'] } } });
    expect(badPlan.data!.routePlan).toMatchObject({ __typename: 'InvalidInputError', code: 'INVALID_INPUT' });
  });
});

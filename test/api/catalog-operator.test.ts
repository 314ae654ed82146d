import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatUsd, money } from '../../src/core/billing/money.js';
import { databaseTargets } from '../support/databases.js';
import { REDIS_URL, redisAvailable } from '../support/redis.js';
import { startTestApp, startTestCluster, TEST_KEYS, type RunningApp } from '../support/app.js';
import { captureLogs } from '../support/log-capture.js';
import { graphqlHttp } from '../support/graphql-client.js';
import {
  CatalogChangesDocument,
  GenerationRecordDocument,
  ModelByIdDocument,
  ProviderReachDocument,
  RemoveEndpointDocument,
  RemoveModelDocument,
  RemoveProviderDocument,
  SetEndpointStatusDocument,
  UpdateEndpointPricingDocument,
  UpsertEndpointDocument,
  UpsertModelDocument,
  UpsertProviderDocument,
} from '../gql/graphql.js';

const OPERATOR_KEY = 'sk-sy-v1-test-operator-key-0000000000000000000000';
const operator = { authorization: `Bearer ${OPERATOR_KEY}` };
const inference = { authorization: `Bearer ${TEST_KEYS.inference}` };

const corp = { slug: 'corp', name: 'Corp Gateway', family: 'OPENAI' as const, baseUrl: 'https://llm.corp.example/v1', credentialEnv: 'CORP_LLM_TOKEN', extraHeaders: [{ name: 'X-Team', value: 'research' }] };
const model = { id: 'corp/assistant', name: 'Corp: Assistant', contextLength: 16384 };
const endpoint = { model: 'corp/assistant', provider: 'corp', providerModelId: 'assistant-v2', pricing: { prompt: '0.0000003', completion: '0.0000009' } };

async function complete(app: RunningApp, body: Record<string, unknown>) {
  const res = await fetch(`${app.url}/api/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...inference },
    body: JSON.stringify({ messages: [{ role: 'user', content: 'Hello, operator' }], max_tokens: 10, ...body }),
  });
  return { status: res.status, body: (await res.json()) as any };
}

// The use cases run the same SQL on both databases (the cluster below runs on PostgreSQL); PGlite here.
const [pglite] = await databaseTargets();

describe('operator catalog mutations', () => {
  let running: RunningApp;
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'switchyard-operator-'));
    const file = join(dir, 'catalog.yaml');
    await writeFile(file, 'providers:\n  - slug: vllm\n    name: Team vLLM\n    family: openai\n    baseUrl: http://127.0.0.1:9/v1\n');
    running = await startTestApp(pglite!, { operatorKey: OPERATOR_KEY, catalogFile: file });
  });
  afterAll(async () => {
    await running?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('adds a provider, a model and an endpoint that routing uses at once, billed at its price', async () => {
    const forbidden = await graphqlHttp(running.url, UpsertProviderDocument, { input: corp }, { authorization: `Bearer ${TEST_KEYS.management}` });
    expect(forbidden.data!.upsertProvider).toMatchObject({ __typename: 'ForbiddenError' });
    const incomplete = await graphqlHttp(running.url, UpsertProviderDocument, { input: { slug: 'corp', name: 'Corp' } }, operator);
    expect(incomplete.data!.upsertProvider).toMatchObject({ __typename: 'InvalidInputError', field: 'family' });
    const leaky = await graphqlHttp(running.url, UpsertProviderDocument, { input: { ...corp, extraHeaders: [{ name: 'Authorization', value: 'Bearer sk-x' }] } }, operator);
    expect(leaky.data!.upsertProvider).toMatchObject({ __typename: 'InvalidInputError', field: 'extraHeaders.Authorization' });

    const provider = await graphqlHttp(running.url, UpsertProviderDocument, { input: corp }, operator);
    expect(provider.data!.upsertProvider).toMatchObject({ __typename: 'Provider', slug: 'corp', origin: 'OPERATOR', credentialEnv: 'CORP_LLM_TOKEN', extraHeaders: [{ name: 'X-Team', value: 'research' }] });
    expect((await graphqlHttp(running.url, ProviderReachDocument, { slug: 'corp' })).data!.provider).toEqual({ slug: 'corp', origin: 'OPERATOR', credentialEnv: null, extraHeaders: null });
    expect((await graphqlHttp(running.url, UpsertModelDocument, { input: model }, operator)).data!.upsertModel).toMatchObject({ __typename: 'Model', origin: 'OPERATOR' });
    const unknownModel = await graphqlHttp(running.url, UpsertEndpointDocument, { input: { ...endpoint, model: 'corp/nope' } }, operator);
    expect(unknownModel.data!.upsertEndpoint).toMatchObject({ __typename: 'InvalidInputError', field: 'model' });
    const created = await graphqlHttp(running.url, UpsertEndpointDocument, { input: endpoint }, operator);
    expect(created.data!.upsertEndpoint).toMatchObject({ __typename: 'Endpoint', providerModelId: 'assistant-v2', contextLength: 16384, origin: 'OPERATOR' });

    const { status, body } = await complete(running, { model: 'corp/assistant', provider: { only: ['Corp Gateway'] } });
    expect(status).toBe(200);
    expect(body.provider).toBe('Corp Gateway');
    const record = (await graphqlHttp(running.url, GenerationRecordDocument, { id: body.id }, inference)).data!.generation!;
    expect(record.cost).toBe(formatUsd(money(BigInt(body.usage.prompt_tokens) * 300_000n + BigInt(body.usage.completion_tokens) * 900_000n)));

    // A patch: only the given fields change.
    const repriced = await graphqlHttp(running.url, UpsertEndpointDocument, { input: { model: 'corp/assistant', provider: 'corp', pricing: { completion: '0.000001' } } }, operator);
    expect(repriced.data!.upsertEndpoint).toMatchObject({ providerModelId: 'assistant-v2', pricing: { prompt: '0.0000003', completion: '0.000001' } });
  });

  it('audits every change with who made it, and leaves CATALOG_FILE rows to the file', async () => {
    const changes = (await graphqlHttp(running.url, CatalogChangesDocument, { first: 20 }, operator)).data!.catalogChanges;
    if (changes.__typename !== 'QueryCatalogChangesSuccess') throw new Error(changes.__typename);
    const byOperator = changes.data.filter((c) => c.actorKind === 'OPERATOR');
    expect(byOperator.map((c) => `${c.action} ${c.subject} ${c.subjectKey}`)).toEqual([
      'UPSERT ENDPOINT corp/assistant|corp',
      'UPSERT ENDPOINT corp/assistant|corp',
      'UPSERT MODEL corp/assistant',
      'UPSERT PROVIDER corp',
    ]);
    expect(byOperator[0]!.details).toMatchObject({ providerModelId: 'assistant-v2', pricing: { prompt: '0.0000003', completion: '0.000001' } });
    expect(new Set(byOperator.map((c) => c.actor)).size).toBe(1);
    expect(changes.data.find((c) => c.actorKind === 'CATALOG_FILE')).toMatchObject({ action: 'UPSERT', subject: 'PROVIDER', subjectKey: 'vllm' });
    expect((await graphqlHttp(running.url, CatalogChangesDocument, {}, inference)).data!.catalogChanges).toMatchObject({ __typename: 'ForbiddenError' });

    const theFiles = await graphqlHttp(running.url, UpsertProviderDocument, { input: { slug: 'vllm', name: 'Renamed' } }, operator);
    expect(theFiles.data!.upsertProvider).toMatchObject({ __typename: 'ForbiddenError', message: expect.stringMatching(/CATALOG_FILE/) });
    expect((await graphqlHttp(running.url, RemoveProviderDocument, { slug: 'vllm' }, operator)).data!.removeProvider).toMatchObject({ __typename: 'ForbiddenError' });
  });

  it('takes over a built-in endpoint it reprices, and removes what it is asked to', async () => {
    const llama = (await graphqlHttp(running.url, ModelByIdDocument, { id: 'meta-llama/llama-3.3-70b-instruct' })).data!.model!;
    const target = llama.endpoints.find((e) => e.provider.slug === 'groq')!;
    const priced = await graphqlHttp(running.url, UpdateEndpointPricingDocument, { id: target.id, pricing: { prompt: '0.00000042' } }, operator);
    expect(priced.data!.updateEndpointPricing).toMatchObject({ __typename: 'Endpoint', pricing: { prompt: '0.00000042' } });
    const status = await graphqlHttp(running.url, SetEndpointStatusDocument, { id: target.id, status: 'DISABLED' }, operator);
    expect(status.data!.setEndpointStatus).toMatchObject({ status: 'DISABLED' });
    expect((await complete(running, { model: 'meta-llama/llama-3.3-70b-instruct', provider: { only: ['groq'] } })).status).toBe(404);
    await graphqlHttp(running.url, SetEndpointStatusDocument, { id: target.id, status: 'ACTIVE' }, operator);
    expect((await complete(running, { model: 'meta-llama/llama-3.3-70b-instruct', provider: { only: ['groq'] } })).body.provider).toBe('Groq');

    expect((await graphqlHttp(running.url, RemoveEndpointDocument, { model: 'corp/assistant', provider: 'corp' }, operator)).data!.removeEndpoint).toEqual({ __typename: 'CatalogRemoval', subject: 'ENDPOINT', key: 'corp/assistant|corp' });
    expect((await complete(running, { model: 'corp/assistant' })).status).toBe(404);
    expect((await graphqlHttp(running.url, RemoveModelDocument, { id: 'corp/assistant' }, operator)).data!.removeModel).toMatchObject({ __typename: 'CatalogRemoval' });
    expect((await graphqlHttp(running.url, RemoveProviderDocument, { slug: 'corp' }, operator)).data!.removeProvider).toMatchObject({ __typename: 'CatalogRemoval' });
    expect((await graphqlHttp(running.url, RemoveProviderDocument, { slug: 'corp' }, operator)).data!.removeProvider).toMatchObject({ __typename: 'NotFoundError' });
    // A removed provider is no longer a name requests may use.
    expect((await complete(running, { model: 'meta-llama/llama-3.3-70b-instruct', provider: { ignore: ['Corp Gateway'] } })).status).toBe(400);
  });
});

const postgres = (await databaseTargets()).find((t) => t.name === 'postgres');
const shared = postgres && (await redisAvailable()) ? [postgres] : [];

describe.each(shared)('a catalog change on one of two instances ($name, Redis)', (target) => {
  let cluster: Awaited<ReturnType<typeof startTestCluster>>;
  const logs = [captureLogs(), captureLogs()];
  beforeAll(async () => {
    cluster = await startTestCluster(target, 2, { redisUrl: REDIS_URL, operatorKey: OPERATOR_KEY }, (i) => ({ logger: logs[i]!.logger }));
  });
  afterAll(() => cluster?.stop());

  it('reaches the routing of the other at once, not after its snapshot ages out', async () => {
    const [a, b] = cluster.apps as [RunningApp, RunningApp];
    // B has a fresh snapshot without the model: only the published invalidation can make it route there.
    expect((await complete(b, { model: 'corp/assistant' })).status).toBe(404);

    let heard = logs[1]!.next('catalog changed: routing snapshot invalidated');
    await graphqlHttp(a.url, UpsertProviderDocument, { input: corp }, operator);
    await graphqlHttp(a.url, UpsertModelDocument, { input: model }, operator);
    await heard;
    heard = logs[1]!.next('catalog changed: routing snapshot invalidated');
    expect((await graphqlHttp(a.url, UpsertEndpointDocument, { input: endpoint }, operator)).data!.upsertEndpoint.__typename).toBe('Endpoint');
    await heard;
    const served = await complete(b, { model: 'corp/assistant' });
    expect(served.status).toBe(200);
    expect(served.body.provider).toBe('Corp Gateway');

    heard = logs[1]!.next('catalog changed: routing snapshot invalidated');
    await graphqlHttp(a.url, RemoveProviderDocument, { slug: 'corp' }, operator);
    await heard;
    expect((await complete(b, { model: 'corp/assistant' })).status).toBe(404);
  });
});

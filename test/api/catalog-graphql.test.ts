import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseUsd, compare } from '../../src/core/billing/money.js';
import { databaseTargets } from '../support/databases.js';
import { startTestApp, type RunningApp } from '../support/app.js';
import { graphqlHttp, graphqlWs, graphqlWsClient } from '../support/graphql-client.js';
import { CatalogPageDocument, ModelByIdDocument, ModelSlugsDocument, NodeByIdDocument, ProvidersDocument } from '../gql/graphql.js';

describe.each(await databaseTargets())('GraphQL catalog on $name', (target) => {
  let running: RunningApp;
  beforeAll(async () => {
    running = await startTestApp(target);
  });
  afterAll(() => running?.stop());

  it('pages through every model with endpoints, pricing and providers', async () => {
    const seen: string[] = [];
    let after: string | null | undefined;
    let total = 0;
    do {
      const res = await graphqlHttp(running.url, CatalogPageDocument, { first: 7, after });
      expect(res.errors).toBeUndefined();
      const models = res.data!.models;
      total = models.totalCount;
      for (const { node } of models.edges) {
        seen.push(node.slug);
        expect(node.endpoints.length).toBeGreaterThan(0);
        for (const e of node.endpoints) expect(e.pricing.prompt).toMatch(/^\d+(\.\d+)?$/);
      }
      after = models.pageInfo.hasNextPage ? models.pageInfo.endCursor : undefined;
    } while (after);
    expect(total).toBeGreaterThanOrEqual(15);
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
  });

  it('loads a page of 50 models with endpoints and providers in a fixed number of SQL queries', async () => {
    running.queries.length = 0;
    const res = await graphqlHttp(running.url, CatalogPageDocument, { first: 50 });
    expect(res.errors).toBeUndefined();
    const endpointCount = res.data!.models.edges.reduce((n, e) => n + e.node.endpoints.length, 0);
    expect(endpointCount).toBeGreaterThan(30);
    // page + totalCount + endpoints batch + providers batch — independent of how many rows came back.
    expect(running.queries.filter((q) => /^\s*select/i.test(q))).toHaveLength(4);
  });

  it('filters by provider, supported parameters and max price, all on one endpoint', async () => {
    const res = await graphqlHttp(running.url, ModelSlugsDocument, {
      first: 100,
      filter: { provider: 'groq', supportedParameters: ['tools'], maxPromptPrice: '0.6' },
    });
    expect(res.errors).toBeUndefined();
    const models = res.data!.models.edges.map((e) => e.node);
    expect(models.length).toBeGreaterThan(0);
    for (const m of models) {
      const groq = m.endpoints.find((e) => e.provider.slug === 'groq')!;
      expect(groq.supportedParameters).toContain('tools');
      // $0.6 per million tokens = 0.0000006 per token.
      expect(compare(parseUsd(groq.pricing.prompt), parseUsd('0.0000006'))).toBeLessThanOrEqual(0);
    }
  });

  it('filters by author and text search, and rejects an over-long search', async () => {
    const byAuthor = await graphqlHttp(running.url, ModelSlugsDocument, { first: 100, filter: { author: 'anthropic' } });
    const slugs = byAuthor.data!.models.edges.map((e) => e.node.slug);
    expect(slugs.length).toBeGreaterThanOrEqual(2);
    expect(slugs.every((s) => s.startsWith('anthropic/'))).toBe(true);

    const search = await graphqlHttp(running.url, ModelSlugsDocument, { first: 100, filter: { search: 'LLAMA' } });
    expect(search.data!.models.edges.map((e) => e.node.slug)).toContain('meta-llama/llama-3.3-70b-instruct');

    const tooLong = await graphqlHttp(running.url, ModelSlugsDocument, { filter: { search: 'x'.repeat(201) } });
    expect(tooLong.errors?.[0]?.message).toMatch(/longer than 200/);
  });

  it('sorts by context length and by price', async () => {
    const byContext = await graphqlHttp(running.url, ModelSlugsDocument, { first: 100, sort: 'CONTEXT_LENGTH_DESC' });
    const lengths = byContext.data!.models.edges.map((e) => e.node.contextLength);
    expect(lengths).toEqual([...lengths].sort((a, b) => b - a));

    const byPrice = await graphqlHttp(running.url, ModelSlugsDocument, { first: 100, sort: 'PRICE_ASC' });
    const cheapest = byPrice.data!.models.edges.map((e) =>
      e.node.endpoints.map((p) => parseUsd(p.pricing.prompt) + parseUsd(p.pricing.completion)).reduce((a, b) => (a < b ? a : b)),
    );
    for (let i = 1; i < cheapest.length; i++) expect(cheapest[i - 1]! <= cheapest[i]!).toBe(true);
  });

  it('finds a model by slug and every node by its global id', async () => {
    const res = await graphqlHttp(running.url, ModelByIdDocument, { id: 'meta-llama/llama-3.3-70b-instruct' });
    const model = res.data!.model!;
    expect(model.endpoints.length).toBeGreaterThanOrEqual(3);

    const asNode = await graphqlHttp(running.url, NodeByIdDocument, { id: model.id });
    expect(asNode.data!.node).toEqual({ __typename: 'Model', slug: 'meta-llama/llama-3.3-70b-instruct' });
    const provider = await graphqlHttp(running.url, NodeByIdDocument, { id: model.endpoints[0]!.provider.id });
    expect(provider.data!.node).toEqual({ __typename: 'Provider', slug: model.endpoints[0]!.provider.slug });
    const endpoint = await graphqlHttp(running.url, NodeByIdDocument, { id: model.endpoints[0]!.id });
    expect(endpoint.data!.node?.__typename).toBe('Endpoint');

    const missing = await graphqlHttp(running.url, ModelByIdDocument, { id: 'nobody/nothing' });
    expect(missing.data!.model).toBeNull();
  });

  it('serves the same operations over graphql-ws', async () => {
    const client = graphqlWsClient(running.url);
    try {
      const overWs = await graphqlWs(client, ProvidersDocument);
      const overHttp = await graphqlHttp(running.url, ProvidersDocument);
      expect(overWs.errors).toBeUndefined();
      expect(overWs.data!.providers.length).toBeGreaterThanOrEqual(8);
      expect(overWs.data).toEqual(overHttp.data);
      // Tests run with SIMULATE_PROVIDERS=all: every provider is answered by the built-in simulator.
      expect(new Set(overWs.data!.providers.map((p) => p.upstream))).toEqual(new Set(['SIMULATED']));
    } finally {
      await client.dispose();
    }
  });
});

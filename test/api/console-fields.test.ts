import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseTargets } from '../support/databases.js';
import { startTestApp, testConfig, TEST_KEYS, type RunningApp } from '../support/app.js';
import { graphqlHttp, graphqlWsClient, graphqlWsSubscribe } from '../support/graphql-client.js';
import {
  CatalogEndpointsDocument,
  CreditPurchaseQuoteDocument,
  EndpointStatusFeedDocument,
  ModelByIdDocument,
  PurchaseCreditsDocument,
  SetEndpointStatusDocument,
} from '../gql/graphql.js';

const OPERATOR_KEY = 'sk-sy-v1-test-operator-key-0000000000000000000000';
const bearer = (key: string) => ({ authorization: `Bearer ${key}` });
const LLAMA = 'meta-llama/llama-3.3-70b-instruct';

describe.each(await databaseTargets())('fields the console is built on ($name)', (target) => {
  let running: RunningApp;
  beforeAll(async () => {
    const base = testConfig({ kind: 'embedded', dataDir: 'unused' });
    running = await startTestApp(target, { operatorKey: OPERATOR_KEY, healthFeed: { ...base.healthFeed, intervalMs: 50 } });
  });
  afterAll(() => running?.stop());

  const setStatus = (id: string, status: 'ACTIVE' | 'DISABLED') => graphqlHttp(running.url, SetEndpointStatusDocument, { id, status }, bearer(OPERATOR_KEY));

  it('lists every endpoint, disabled ones too, where Model.endpoints drops them', async () => {
    const served = (await graphqlHttp(running.url, ModelByIdDocument, { id: LLAMA })).data!.model!.endpoints;
    const victim = served[0]!;
    await setStatus(victim.id, 'DISABLED');
    try {
      expect((await graphqlHttp(running.url, ModelByIdDocument, { id: LLAMA })).data!.model!.endpoints.map((e) => e.id)).not.toContain(victim.id);
      const all = (await graphqlHttp(running.url, CatalogEndpointsDocument, { model: LLAMA })).data!.endpoints;
      expect(all.map((e) => e.id).sort()).toEqual(served.map((e) => e.id).sort());
      expect(all.find((e) => e.id === victim.id)).toMatchObject({ status: 'DISABLED', model: { slug: LLAMA } });
      const disabled = (await graphqlHttp(running.url, CatalogEndpointsDocument, { status: 'DISABLED' })).data!.endpoints;
      expect(disabled.map((e) => e.id)).toEqual([victim.id]);
      const groq = (await graphqlHttp(running.url, CatalogEndpointsDocument, { provider: 'groq' })).data!.endpoints;
      expect(groq.length).toBeGreaterThan(1);
      expect(new Set(groq.map((e) => e.provider.slug))).toEqual(new Set(['groq']));
      const models = groq.map((e) => e.model.slug);
      expect(models).toEqual([...models].sort());
    } finally {
      await setStatus(victim.id, 'ACTIVE');
    }
  });

  it('quotes a credit purchase with the fee that purchaseCredits then charges', async () => {
    const quote = async (amount: string) => (await graphqlHttp(running.url, CreditPurchaseQuoteDocument, { amount })).data!.creditPurchaseQuote;
    // 5.5 % with a $0.80 minimum (the defaults).
    expect(await quote('10')).toEqual({ __typename: 'CreditPurchaseQuote', amount: '10', fee: '0.8', charged: '10.8' });
    const quoted = await quote('123.45');
    expect(quoted).toEqual({ __typename: 'CreditPurchaseQuote', amount: '123.45', fee: '6.78975', charged: '130.23975' });
    const bought = await graphqlHttp(running.url, PurchaseCreditsDocument, { input: { amount: '123.45', idempotencyKey: 'console-quote-1' } }, bearer(TEST_KEYS.management));
    expect(bought.data!.purchaseCredits).toMatchObject({ __typename: 'CreditPurchase', fee: '6.78975', charged: '130.23975', applied: true });
    expect(await quote('0.5')).toMatchObject({ __typename: 'InvalidInputError', field: 'amount' });
    expect(await quote('10001')).toMatchObject({ __typename: 'InvalidInputError', field: 'amount' });
  });

  it('pushes an endpoint’s new status to providerHealth subscribers as soon as the operator changes it', async () => {
    const client = graphqlWsClient(running.url);
    const events = graphqlWsSubscribe(client, EndpointStatusFeedDocument, { providers: ['groq'] });
    const groq = (await graphqlHttp(running.url, CatalogEndpointsDocument, { provider: 'groq', model: LLAMA })).data!.endpoints[0]!;
    try {
      // The first pass sends every groq endpoint as it is.
      for (;;) {
        const event = (await events.next()).value!.data!.providerHealth;
        if (event.endpoint.id === groq.id) {
          expect(event.endpointStatus).toBe('ACTIVE');
          break;
        }
      }
      const startedAt = Date.now();
      await setStatus(groq.id, 'DISABLED');
      for (;;) {
        const { value, done } = await events.next();
        if (done) throw new Error('subscription ended');
        const event = value.data!.providerHealth;
        if (event.endpoint.id === groq.id && event.endpointStatus === 'DISABLED') break;
      }
      // Well before the 30 s full refresh: the status change itself triggered the push.
      expect(Date.now() - startedAt).toBeLessThan(10_000);
    } finally {
      await setStatus(groq.id, 'ACTIVE');
      await events.return?.();
      await client.dispose();
    }
  });
});

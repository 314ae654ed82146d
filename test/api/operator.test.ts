import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseTargets } from '../support/databases.js';
import { startTestApp, TEST_KEYS, type RunningApp } from '../support/app.js';
import { graphqlHttp } from '../support/graphql-client.js';
import {
  AccountNodeDocument,
  GrantCreditsDocument,
  ModelByIdDocument,
  SetEndpointStatusDocument,
  UpdateEndpointPricingDocument,
  ViewerAccountIdDocument,
} from '../gql/graphql.js';

const OPERATOR_KEY = 'sk-sy-v1-test-operator-key-0000000000000000000000';
const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

describe.each(await databaseTargets())('operator scope on $name', (target) => {
  let running: RunningApp;
  let devAccountId: string;
  beforeAll(async () => {
    running = await startTestApp(target, { operatorKey: OPERATOR_KEY });
    devAccountId = (await graphqlHttp(running.url, ViewerAccountIdDocument, undefined, bearer(TEST_KEYS.inference))).data!.viewer.account.id;
  });
  afterAll(() => running?.stop());

  const grant = (key: string, amount: string, idempotencyKey: string) =>
    graphqlHttp(running.url, GrantCreditsDocument, { input: { accountId: devAccountId, amount, reason: 'support ticket 42', idempotencyKey } }, bearer(key));

  it('lets the operator grant credits once per idempotency key, and nobody else', async () => {
    const first = await grant(OPERATOR_KEY, '5', 'grant-0001');
    expect(first.data!.grantCredits).toEqual({ __typename: 'CreditGrant', applied: true, account: { balance: '15' } });
    expect((await grant(OPERATOR_KEY, '5', 'grant-0001')).data!.grantCredits).toMatchObject({ applied: false, account: { balance: '15' } });
    expect((await grant(TEST_KEYS.management, '5', 'grant-0002')).data!.grantCredits).toMatchObject({ __typename: 'ForbiddenError' });
    expect((await grant(OPERATOR_KEY, '0', 'grant-0003')).data!.grantCredits).toMatchObject({ __typename: 'InvalidInputError' });
  });

  it('shows an account node to its owner and the operator only', async () => {
    const asOperator = await graphqlHttp(running.url, AccountNodeDocument, { id: devAccountId }, bearer(OPERATOR_KEY));
    expect(asOperator.data!.node).toMatchObject({ __typename: 'Account' });
    const operatorAccountId = (await graphqlHttp(running.url, ViewerAccountIdDocument, undefined, bearer(OPERATOR_KEY))).data!.viewer.account.id;
    const asDev = await graphqlHttp(running.url, AccountNodeDocument, { id: operatorAccountId }, bearer(TEST_KEYS.management));
    expect(asDev.data!.node).toBeNull();
  });

  it('takes an endpoint out of routing and changes its prices', async () => {
    const model = (await graphqlHttp(running.url, ModelByIdDocument, { id: 'meta-llama/llama-3.3-70b-instruct' })).data!.model!;
    const target = model.endpoints[0]!;
    const forbidden = await graphqlHttp(running.url, SetEndpointStatusDocument, { id: target.id, status: 'DISABLED' }, bearer(TEST_KEYS.management));
    expect(forbidden.data!.setEndpointStatus).toMatchObject({ __typename: 'ForbiddenError' });
    const disabled = await graphqlHttp(running.url, SetEndpointStatusDocument, { id: target.id, status: 'DISABLED' }, bearer(OPERATOR_KEY));
    expect(disabled.data!.setEndpointStatus).toEqual({ __typename: 'Endpoint', status: 'DISABLED' });
    const after = (await graphqlHttp(running.url, ModelByIdDocument, { id: 'meta-llama/llama-3.3-70b-instruct' })).data!.model!;
    expect(after.endpoints.map((e) => e.id)).not.toContain(target.id);

    const priced = await graphqlHttp(running.url, UpdateEndpointPricingDocument, { id: target.id, pricing: { prompt: '0.00000042' } }, bearer(OPERATOR_KEY));
    expect(priced.data!.updateEndpointPricing).toMatchObject({ __typename: 'Endpoint', pricing: { prompt: '0.00000042' } });
    const negative = await graphqlHttp(running.url, UpdateEndpointPricingDocument, { id: target.id, pricing: { prompt: '-0.1' } }, bearer(OPERATOR_KEY));
    expect(negative.data!.updateEndpointPricing).toMatchObject({ __typename: 'InvalidInputError' });
    await graphqlHttp(running.url, SetEndpointStatusDocument, { id: target.id, status: 'ACTIVE' }, bearer(OPERATOR_KEY));
  });
});

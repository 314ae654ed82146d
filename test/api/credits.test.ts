import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseUsd, sum, type Money } from '../../src/core/billing/money.js';
import { createTestPaymentProvider } from '../../src/gateway/billing/payment-provider.js';
import { CreditLedger } from '../../src/persistence/repositories/credit-ledger.js';
import { databaseTargets } from '../support/databases.js';
import { startTestApp, TEST_KEYS, type RunningApp } from '../support/app.js';
import { graphqlHttp } from '../support/graphql-client.js';
import { LedgerDocument, PurchaseCreditsDocument, ViewerDocument } from '../gql/graphql.js';

const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

describe.each(await databaseTargets())('buying credits on $name', (target) => {
  let running: RunningApp;
  beforeAll(async () => {
    // The test card declines anything above $500.
    running = await startTestApp(target, {}, { payments: createTestPaymentProvider((amount) => amount <= parseUsd('500')) });
  });
  afterAll(async () => {
    expect(await new CreditLedger((await running.db())).inconsistencies()).toEqual([]);
    await running?.stop();
  });

  const buy = (amount: string, idempotencyKey: string, key: string = TEST_KEYS.management) =>
    graphqlHttp(running.url, PurchaseCreditsDocument, { input: { amount, idempotencyKey } }, bearer(key));
  const balance = async () => (await graphqlHttp(running.url, ViewerDocument, undefined, bearer(TEST_KEYS.inference))).data!.viewer.account.balance;

  it('charges amount plus the fee (5.5 %, at least $0.80) and adds exactly the amount, once per idempotency key', async () => {
    const before = parseUsd(await balance());
    const small = await buy('10', 'purchase-0001');
    expect(small.data!.purchaseCredits).toEqual({ __typename: 'CreditPurchase', amount: '10', fee: '0.8', charged: '10.8', applied: true });
    const retry = await buy('10', 'purchase-0001');
    expect(retry.data!.purchaseCredits).toMatchObject({ applied: false });
    const large = await buy('100', 'purchase-0002');
    expect(large.data!.purchaseCredits).toMatchObject({ fee: '5.5', charged: '105.5' });
    expect(parseUsd(await balance())).toBe(before + parseUsd('110'));
  });

  it('lists the ledger newest first, page by page, summing to the balance', async () => {
    const amounts: Money[] = [];
    let after: string | null | undefined;
    let balance = '';
    do {
      const res = await graphqlHttp(running.url, LedgerDocument, { first: 2, after }, bearer(TEST_KEYS.inference));
      balance = res.data!.viewer.account.balance;
      amounts.push(...res.data!.viewer.ledger.edges.map((e) => parseUsd(e.node.amount)));
      after = res.data!.viewer.ledger.pageInfo.hasNextPage ? res.data!.viewer.ledger.pageInfo.endCursor : null;
    } while (after);
    expect(amounts.length).toBeGreaterThanOrEqual(5); // grant + two purchases with their fees
    expect(sum(amounts)).toBe(parseUsd(balance));
  });

  it('returns typed errors for a declined card, bad amounts and inference keys, without touching the balance', async () => {
    const before = await balance();
    expect((await buy('600', 'purchase-0003')).data!.purchaseCredits).toMatchObject({ __typename: 'PaymentDeclinedError', code: 'PAYMENT_DECLINED' });
    expect((await buy('0.5', 'purchase-0004')).data!.purchaseCredits).toMatchObject({ __typename: 'InvalidInputError' });
    expect((await buy('10', 'short')).data!.purchaseCredits).toMatchObject({ __typename: 'InvalidInputError' });
    expect((await buy('10', 'purchase-0005', TEST_KEYS.inference)).data!.purchaseCredits).toMatchObject({ __typename: 'ForbiddenError' });
    const notMoney = await graphqlHttp(running.url, PurchaseCreditsDocument, { input: { amount: '1e3', idempotencyKey: 'purchase-0006' } }, bearer(TEST_KEYS.management));
    expect(notMoney.errors?.[0]?.message).toMatch(/Invalid Money/);
    expect(await balance()).toBe(before);
  });
});

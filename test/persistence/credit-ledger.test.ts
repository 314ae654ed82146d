import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/persistence/database.js';
import { CreditLedger } from '../../src/persistence/repositories/credit-ledger.js';
import { AccountRepository } from '../../src/persistence/repositories/account-repository.js';
import { parseUsd, times, type Money } from '../../src/core/billing/money.js';
import { writeSettlementBatch, type SettlementRow } from '../../src/persistence/repositories/settlement-batch.js';
import { ApiKeySchema, LedgerEntrySchema } from '../../src/persistence/entities/index.js';
import type { GenerationRecord } from '../../src/core/generation/record.js';
import { databaseTargets } from '../support/databases.js';

describe.each(await databaseTargets())('credit ledger on $name', (target) => {
  let db: Database;
  let dispose: () => Promise<void>;
  let n = 0;
  const ledger = () => new CreditLedger(db.orm.em.fork());
  const accounts = () => new AccountRepository(db.orm.em.fork());

  async function fundedAccount(balance: string, keyLimit?: Money, limitReset: 'none' | 'daily' = 'none') {
    const account = await accounts().createAccount(`acct-${++n}`);
    const key = await accounts().createKey({ accountId: account.id, hash: `hash-${n}-${Math.random()}`, prefix: 'sk-sy-v1-test', name: 'k', kind: 'inference', limit: keyLimit ?? null, limitReset });
    await ledger().credit(account.id, 'grant', parseUsd(balance), `grant:${account.id}`);
    return { accountId: account.id, apiKeyId: key.id };
  }

  /** A settlement as the pipeline writes it: the generation, its attempt, the charge. */
  const settled = (ids: { accountId: string; apiKeyId: string }, id: string, cost: string, keyPeriodStart = new Date(0)): SettlementRow => {
    const record: GenerationRecord = {
      id, accountId: ids.accountId, apiKeyId: ids.apiKeyId, requestedModels: ['m/x'], model: 'm/x', provider: 'p', status: 'succeeded', streamed: false,
      tokens: { prompt: 10, completion: 5, reasoning: 0, cached: 0, cacheWrite: 0 }, cost: parseUsd(cost), held: parseUsd(cost), byok: null, keyPeriodStart,
      ttftMs: 1, generationTimeMs: 2, finishReason: 'stop', nativeFinishReason: null, stickyKey: null, createdAt: new Date(), finishedAt: new Date(),
      attempts: [{ provider: 'p', model: 'm/x', endpointId: '', byok: false, status: 'succeeded', errorCode: null, errorMessage: null, httpStatus: null, durationMs: 2, ttftMs: 1 }],
    };
    return { record, keyCharge: record.cost };
  };

  beforeAll(async () => {
    const created = await target.create();
    dispose = created.dispose;
    db = await openDatabase(created.config);
    await db.migrate();
  });
  // The invariant behind every test: balance = ledger sum.
  afterEach(async () => expect(await ledger().inconsistencies()).toEqual([]));
  afterAll(async () => {
    await db?.close();
    await dispose?.();
  });

  it('credits once per idempotency key', async () => {
    const { accountId } = await fundedAccount('5');
    const purchase = () =>
      ledger().post(accountId, [
        { kind: 'purchase', amount: parseUsd('10.8'), idempotencyKey: `purchase:${accountId}:x` },
        { kind: 'fee', amount: parseUsd('-0.8'), idempotencyKey: `purchase-fee:${accountId}:x` },
      ]);
    expect(await purchase()).toBe(true);
    expect(await purchase()).toBe(false);
    expect((await accounts().findAccount(accountId))!.balance).toBe(parseUsd('15'));
  });

  it('writes a settlement once: the same batch written again (a commit whose answer was lost) changes nothing', async () => {
    const ids = await fundedAccount('1');
    const batch = [settled(ids, 'gen-a', '0.123456789012'), settled(ids, 'gen-zero', '0')];
    expect(await writeSettlementBatch(db.orm.em.fork(), batch)).toEqual(['gen-a', 'gen-zero']);
    expect(await writeSettlementBatch(db.orm.em.fork(), batch)).toEqual([]);
    const account = (await accounts().findAccount(ids.accountId))!;
    expect(account.balance).toBe(parseUsd('1') - parseUsd('0.123456789012'));
    // Zero-cost settlements write the generation but no ledger entry.
    const entries = await db.orm.em.fork().find(LedgerEntrySchema, { account: ids.accountId, kind: 'usage' });
    expect(entries.map((e) => e.generationId)).toEqual(['gen-a']);
  });

  it('counts key usage in its period, and a new period starts from zero', async () => {
    const ids = await fundedAccount('10', parseUsd('1'), 'daily');
    // Periods after the key's creation (its first period starts when it is created).
    const day1 = new Date(Math.ceil(Date.now() / 86_400_000) * 86_400_000);
    const day2 = new Date(day1.getTime() + 86_400_000);
    await writeSettlementBatch(db.orm.em.fork(), [settled(ids, 'gen-d1a', '0.3', day1), settled(ids, 'gen-d1b', '0.2', day1)]);
    expect((await db.orm.em.fork().findOneOrFail(ApiKeySchema, { id: ids.apiKeyId })).periodUsage).toBe(parseUsd('0.5'));
    await writeSettlementBatch(db.orm.em.fork(), [settled(ids, 'gen-d2', '0.1', day2)]);
    const key = await db.orm.em.fork().findOneOrFail(ApiKeySchema, { id: ids.apiKeyId });
    expect([key.periodUsage, key.usage, key.periodStartedAt.getTime()]).toEqual([parseUsd('0.1'), parseUsd('0.6'), day2.getTime()]);
  });

  it('charges every settlement exactly once when batches of two writers race on one key and account, without deadlocking', async () => {
    const ids = await fundedAccount('100');
    const others = await fundedAccount('100');
    const rows = Array.from({ length: 120 }, (_, i) => settled(i % 3 ? ids : others, `gen-race-${i}`, '0.01'));
    // Two instances' writers: overlapping batches of the same generations, in different orders, at once.
    const batches = Array.from({ length: 12 }, (_, b) => (b % 2 ? rows.slice(b * 10, b * 10 + 20).reverse() : rows.slice(b * 10, b * 10 + 20)));
    const written = (await Promise.all(batches.map((batch) => writeSettlementBatch(db.orm.em.fork(), batch)))).flat();
    expect(new Set(written).size).toBe(written.length);
    expect(written.length).toBe(120);
    const charged = (id: string) => rows.filter((r) => r.record.accountId === id).length;
    expect((await accounts().findAccount(ids.accountId))!.balance).toBe(parseUsd('100') - times(parseUsd('0.01'), charged(ids.accountId)));
    expect((await accounts().findAccount(others.accountId))!.balance).toBe(parseUsd('100') - times(parseUsd('0.01'), charged(others.accountId)));
  }, 60_000);
});

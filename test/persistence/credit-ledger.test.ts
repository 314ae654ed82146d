import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/persistence/database.js';
import { CreditLedger } from '../../src/persistence/repositories/credit-ledger.js';
import { AccountRepository } from '../../src/persistence/repositories/account-repository.js';
import { parseUsd, sum, times, type Money } from '../../src/core/billing/money.js';
import { limitPeriodStart } from '../../src/core/billing/limit-period.js';
import { databaseTargets } from '../support/databases.js';

const HOUR = 3_600_000;

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

  const reserve = (ids: { accountId: string; apiKeyId: string }, generationId: string, amount: string, now = new Date()) =>
    ledger().reserve({ ...ids, generationId, amount: parseUsd(amount), keyPeriodStart: limitPeriodStart('none', now), expiresAt: new Date(now.getTime() + HOUR) });

  beforeAll(async () => {
    const created = await target.create();
    dispose = created.dispose;
    db = await openDatabase(created.config);
    await db.migrate();
  });
  // The invariant behind every test: balance = ledger sum, reserved = sum of open reservations.
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

  it('reserves, then settles the actual cost once and releases the hold', async () => {
    const ids = await fundedAccount('1');
    expect(await reserve(ids, 'gen-a', '0.4')).toEqual({ ok: true });
    expect((await accounts().findAccount(ids.accountId))!.reserved).toBe(parseUsd('0.4'));
    const settle = () => ledger().settle({ ...ids, generationId: 'gen-a', cost: parseUsd('0.123456789012'), keyPeriodStart: new Date(0) });
    expect(await settle()).toEqual({ charged: true, released: true });
    expect(await settle()).toEqual({ charged: false, released: false });
    const account = (await accounts().findAccount(ids.accountId))!;
    expect(account.balance).toBe(parseUsd('0.876543210988'));
    expect(account.reserved).toBe(0n);
  });

  it('charges nothing for a zero cost but still releases', async () => {
    const ids = await fundedAccount('1');
    await reserve(ids, 'gen-zero', '0.5');
    expect(await ledger().settle({ ...ids, generationId: 'gen-zero', cost: parseUsd('0'), keyPeriodStart: new Date(0) })).toEqual({ charged: false, released: true });
    expect((await accounts().findAccount(ids.accountId))!.balance).toBe(parseUsd('1'));
  });

  it('refuses a reservation beyond the available balance, counting other holds', async () => {
    const ids = await fundedAccount('1');
    expect(await reserve(ids, 'gen-b1', '0.7')).toEqual({ ok: true });
    expect(await reserve(ids, 'gen-b2', '0.7')).toEqual({ ok: false, reason: 'insufficient_credits' });
    expect(await reserve(ids, 'gen-b3', '0.3')).toEqual({ ok: true });
    await ledger().settle({ ...ids, generationId: 'gen-b1', cost: parseUsd('0'), keyPeriodStart: new Date(0) });
    await ledger().settle({ ...ids, generationId: 'gen-b3', cost: parseUsd('0'), keyPeriodStart: new Date(0) });
  });

  it('enforces the key limit and resets it when a new period starts', async () => {
    const ids = await fundedAccount('100', parseUsd('1'), 'daily');
    const day1 = new Date('2030-01-01T10:00:00Z');
    const start1 = limitPeriodStart('daily', day1);
    const reserveAt = (gen: string, amount: string, periodStart: Date) =>
      ledger().reserve({ ...ids, generationId: gen, amount: parseUsd(amount), keyPeriodStart: periodStart, expiresAt: new Date(Date.now() + HOUR) });
    expect(await reserveAt('gen-k1', '0.8', start1)).toEqual({ ok: true });
    await ledger().settle({ ...ids, generationId: 'gen-k1', cost: parseUsd('0.8'), keyPeriodStart: start1 });
    expect(await reserveAt('gen-k2', '0.3', start1)).toEqual({ ok: false, reason: 'key_limit' });
    const start2 = limitPeriodStart('daily', new Date('2030-01-02T00:00:01Z'));
    expect(await reserveAt('gen-k3', '0.9', start2)).toEqual({ ok: true });
    await ledger().settle({ ...ids, generationId: 'gen-k3', cost: parseUsd('0.1'), keyPeriodStart: start2 });
  });

  it('admits exactly what fits when 200 reservations race, and the books balance after settling', async () => {
    const ids = await fundedAccount('1.00');
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) => reserve(ids, `gen-race-${i}`, '0.03')),
    );
    const admitted = results.map((r, i) => [r, i] as const).filter(([r]) => r.ok).map(([, i]) => i);
    expect(admitted).toHaveLength(33); // floor(1.00 / 0.03)
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.reason === 'insufficient_credits')).toBe(true);
    const costs = admitted.map((i) => parseUsd(i % 2 ? '0.029999999999' : '0.01'));
    await Promise.all(admitted.map((i, k) => ledger().settle({ ...ids, generationId: `gen-race-${i}`, cost: costs[k]!, keyPeriodStart: new Date(0) })));
    const account = (await accounts().findAccount(ids.accountId))!;
    expect(account.reserved).toBe(0n);
    expect(account.balance).toBe(parseUsd('1') - sum(costs));
  }, 60_000);

  it('never deadlocks when reservations, settlements and the sweeper run at once on one key', async () => {
    const ids = await fundedAccount('100');
    const expired = new Date(Date.now() - HOUR);
    await Promise.all(Array.from({ length: 20 }, (_, i) => ledger().reserve({ ...ids, generationId: `gen-old-${i}`, amount: parseUsd('0.01'), keyPeriodStart: new Date(0), expiresAt: expired })));
    const cycles = Array.from({ length: 120 }, async (_, i) => {
      expect(await reserve(ids, `gen-mixed-${i}`, '0.02')).toEqual({ ok: true });
      await ledger().settle({ ...ids, generationId: `gen-mixed-${i}`, cost: parseUsd('0.01'), keyPeriodStart: new Date(0) });
    });
    const sweeps = Array.from({ length: 5 }, () => ledger().sweepExpired(new Date()));
    await Promise.all([...cycles, ...sweeps]);
    const account = (await accounts().findAccount(ids.accountId))!;
    expect(account.reserved).toBe(0n);
    expect(account.balance).toBe(parseUsd('100') - times(parseUsd('0.01'), 120));
  }, 60_000);

  it('sweeps reservations of a crashed process once they expire', async () => {
    const ids = await fundedAccount('1');
    const past = new Date(Date.now() - 2 * HOUR);
    await ledger().reserve({ ...ids, generationId: 'gen-lost', amount: parseUsd('0.5'), keyPeriodStart: new Date(0), expiresAt: new Date(past.getTime() + 1) });
    await reserve(ids, 'gen-live', '0.2');
    expect(await ledger().sweepExpired(new Date())).toBe(1);
    expect((await accounts().findAccount(ids.accountId))!.reserved).toBe(parseUsd('0.2'));
    // A late settlement of the swept generation still charges exactly once.
    expect(await ledger().settle({ ...ids, generationId: 'gen-lost', cost: times(parseUsd('0.000001'), 1000), keyPeriodStart: new Date(0) })).toEqual({ charged: true, released: false });
    await ledger().settle({ ...ids, generationId: 'gen-live', cost: parseUsd('0'), keyPeriodStart: new Date(0) });
  });
});

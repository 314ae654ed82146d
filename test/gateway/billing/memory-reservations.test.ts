import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../../src/persistence/database.js';
import { AccountRepository } from '../../../src/persistence/repositories/account-repository.js';
import { CreditLedger } from '../../../src/persistence/repositories/credit-ledger.js';
import { memoryReservations } from '../../../src/gateway/billing/memory-reservations.js';
import { parseUsd, ZERO, type Money } from '../../../src/core/billing/money.js';
import { databaseTargets } from '../../support/databases.js';

const [target] = await databaseTargets();

describe('in-memory reservations', () => {
  let db: Database;
  let dispose: () => Promise<void>;
  let n = 0;
  beforeAll(async () => {
    const created = await target!.create();
    dispose = created.dispose;
    db = await openDatabase(created.config);
    await db.migrate();
  });
  afterAll(async () => {
    await db?.close();
    await dispose?.();
  });

  async function funded(balance: string) {
    const repo = new AccountRepository(db.orm.em.fork());
    const account = await repo.createAccount(`acct-${++n}`);
    const key = await repo.createKey({ accountId: account.id, hash: `h-${n}-${Math.random()}`, prefix: 'sk-sy-v1-test', name: 'k', kind: 'inference', limit: null, limitReset: 'none' });
    await new CreditLedger(db.orm.em.fork()).credit(account.id, 'grant', parseUsd(balance), `grant:${account.id}`);
    return { accountId: account.id, apiKeyId: key.id };
  }
  const request = (ids: { accountId: string; apiKeyId: string }, generationId: string, amount: string, keyLimit: Money | null = null, keyPeriodStart = new Date(0)) => ({
    ...ids, generationId, amount: parseUsd(amount), keyLimit, keyPeriodStart, expiresAt: new Date(Date.now() + 60_000),
  });

  it('admits exactly what fits when 200 reservations race, without a database round trip after the first', async () => {
    const ids = await funded('1.00');
    const reservations = memoryReservations(db.orm.em);
    const results = await Promise.all(Array.from({ length: 200 }, (_, i) => reservations.reserve(request(ids, `g${i}`, '0.03'))));
    expect(results.filter((r) => r.ok)).toHaveLength(33);
    // Releasing holds makes room again; a settlement's charge stays spent.
    reservations.settled({ generationId: 'g0', accountId: '', apiKeyId: null, charged: parseUsd('0.02'), keyCharged: parseUsd('0.02'), keyPeriodStart: new Date(0) });
    // balance 0.98, held 32 × 0.03 = 0.96: 0.02 free
    expect(await reservations.reserve(request(ids, 'again-1', '0.02'))).toEqual({ ok: true });
    expect(await reservations.reserve(request(ids, 'again-2', '0.000001'))).toEqual({ ok: false, reason: 'insufficient_credits' });
  });

  it('enforces the key limit in its period, and a new period starts from zero', async () => {
    const ids = await funded('10');
    const reservations = memoryReservations(db.orm.em);
    const limit = parseUsd('0.10');
    expect(await reservations.reserve(request(ids, 'k1', '0.08', limit))).toEqual({ ok: true });
    expect(await reservations.reserve(request(ids, 'k2', '0.05', limit))).toEqual({ ok: false, reason: 'key_limit' });
    reservations.settled({ generationId: 'k1', accountId: '', apiKeyId: null, charged: parseUsd('0.07'), keyCharged: parseUsd('0.07'), keyPeriodStart: new Date(0) });
    expect(await reservations.reserve(request(ids, 'k3', '0.04', limit))).toEqual({ ok: false, reason: 'key_limit' });
    expect(await reservations.reserve(request(ids, 'k4', '0.03', limit))).toEqual({ ok: true });
    expect(await reservations.reserve(request(ids, 'k5', '0.05', limit, new Date()))).toEqual({ ok: true }); // next period
  });

  it('adds credits bought here as they commit, even while generations are running', async () => {
    const ids = await funded('0.05');
    const reservations = memoryReservations(db.orm.em);
    expect(await reservations.reserve(request(ids, 'r1', '0.05'))).toEqual({ ok: true }); // still running
    await new CreditLedger(db.orm.em.fork()).credit(ids.accountId, 'grant', parseUsd('1'), `bought:${ids.accountId}`);
    reservations.credited(ids.accountId, parseUsd('1'));
    expect(await reservations.reserve(request(ids, 'r2', '1.00'))).toEqual({ ok: true });
    expect(await reservations.reserve(request(ids, 'r3', '0.01'))).toEqual({ ok: false, reason: 'insufficient_credits' });
  });

  it('sees credits granted elsewhere after invalidate, and counts holds kept in the database', async () => {
    const ids = await funded('0.05');
    const reservations = memoryReservations(db.orm.em);
    expect(await reservations.reserve(request(ids, 'c1', '0.05'))).toEqual({ ok: true });
    reservations.settled({ generationId: 'c1', accountId: '', apiKeyId: null, charged: ZERO, keyCharged: ZERO, keyPeriodStart: new Date(0) });
    await new CreditLedger(db.orm.em.fork()).credit(ids.accountId, 'grant', parseUsd('1'), `more:${ids.accountId}`);
    expect(await reservations.reserve(request(ids, 'c2', '0.50'))).toEqual({ ok: false, reason: 'insufficient_credits' }); // not told yet
    reservations.invalidate(ids.accountId);
    expect(await reservations.reserve(request(ids, 'c3', '0.50'))).toEqual({ ok: true });
    // A database hold (another process) counts against what this one may admit.
    const other = memoryReservations(db.orm.em);
    await new CreditLedger(db.orm.em.fork()).reserve({ ...ids, generationId: 'db-hold', amount: parseUsd('1.0'), keyPeriodStart: new Date(0), expiresAt: new Date(Date.now() + 60_000) });
    expect(await other.reserve(request(ids, 'c4', '0.10'))).toEqual({ ok: false, reason: 'insufficient_credits' });
  });
});

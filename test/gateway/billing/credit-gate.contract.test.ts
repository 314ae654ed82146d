import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../../src/persistence/database.js';
import { AccountRepository } from '../../../src/persistence/repositories/account-repository.js';
import { CreditLedger } from '../../../src/persistence/repositories/credit-ledger.js';
import { memoryReservations } from '../../../src/gateway/billing/memory-reservations.js';
import { redisReservations } from '../../../src/gateway/billing/redis-reservations.js';
import { creditState } from '../../../src/gateway/billing/credit-state.js';
import type { Reservations } from '../../../src/gateway/billing/reservations.js';
import { parseUsd, ZERO, type Money } from '../../../src/core/billing/money.js';
import { databaseTargets } from '../../support/databases.js';
import { deleteKeysWithPrefix, redisAvailable, testRedis } from '../../support/redis.js';

const [target] = await databaseTargets();
const redis = (await redisAvailable()) ? testRedis() : undefined;
const prefix = `sy-gate-${process.pid}-${Date.now()}:`;

/** The one contract every credit gate meets: check-and-hold is atomic, holds bound both the balance and the key's limit. */
const gates: { name: string; make: (db: Database) => Reservations }[] = [
  { name: 'in memory', make: (db) => memoryReservations(creditState(db.orm.em, () => [])) },
  ...(redis ? [{ name: 'in Redis', make: (db: Database) => redisReservations({ client: redis, keyPrefix: `${prefix}${crypto.randomUUID()}:`, state: creditState(db.orm.em, () => []) }) }] : []),
];

describe.each(gates)('the credit gate $name', ({ make }) => {
  let db: Database;
  let dispose: () => Promise<void>;
  let n = 0;
  beforeAll(async () => {
    const created = await target!.create();
    dispose = created.dispose;
    db = await openDatabase(created.config);
    await db.migrate();
    if (redis && redis.status === 'wait') await redis.connect();
  });
  afterAll(async () => {
    if (redis) await deleteKeysWithPrefix(redis, prefix);
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
    ...ids, generationId, amount: parseUsd(amount), keyLimit, keyPeriodStart,
  });
  const settle = (gate: Reservations, ids: { accountId: string; apiKeyId: string }, generationId: string, charged: string, keyPeriodStart = new Date(0)) =>
    gate.settled({ ...ids, generationId, charged: parseUsd(charged), keyCharged: parseUsd(charged), keyPeriodStart });

  it('admits exactly what fits when 200 reservations race', async () => {
    const ids = await funded('1.00');
    const gate = make(db);
    const results = await Promise.all(Array.from({ length: 200 }, (_, i) => gate.reserve(request(ids, `g${i}`, '0.03'))));
    expect(results.filter((r) => r.ok)).toHaveLength(33);
    expect((await gate.held(ids.accountId)).account).toBe(parseUsd('0.99'));
    // Releasing a hold makes room again; a settlement's charge stays spent.
    settle(gate, ids, 'g0', '0.02');
    // balance 0.98, held 32 × 0.03 = 0.96: 0.02 free
    expect(await gate.reserve(request(ids, 'again-1', '0.02'))).toEqual({ ok: true });
    expect(await gate.reserve(request(ids, 'again-2', '0.000001'))).toEqual({ ok: false, reason: 'insufficient_credits' });
  });

  it('enforces the key limit in its period, and a new period starts from zero', async () => {
    const ids = await funded('10');
    const gate = make(db);
    const limit = parseUsd('0.10');
    expect(await gate.reserve(request(ids, 'k1', '0.08', limit))).toEqual({ ok: true });
    expect(await gate.reserve(request(ids, 'k2', '0.05', limit))).toEqual({ ok: false, reason: 'key_limit' });
    expect((await gate.held(ids.accountId, ids.apiKeyId)).key).toBe(parseUsd('0.08'));
    settle(gate, ids, 'k1', '0.07');
    expect(await gate.reserve(request(ids, 'k3', '0.04', limit))).toEqual({ ok: false, reason: 'key_limit' });
    expect(await gate.reserve(request(ids, 'k4', '0.03', limit))).toEqual({ ok: true });
    expect(await gate.reserve(request(ids, 'k5', '0.05', limit, new Date()))).toEqual({ ok: true }); // next period
  });

  it('adds credits bought here as they commit, even while generations are running', async () => {
    const ids = await funded('0.05');
    const gate = make(db);
    expect(await gate.reserve(request(ids, 'r1', '0.05'))).toEqual({ ok: true }); // still running
    await new CreditLedger(db.orm.em.fork()).credit(ids.accountId, 'grant', parseUsd('1'), `bought:${ids.accountId}`);
    await gate.credited(ids.accountId, parseUsd('1'));
    expect(await gate.reserve(request(ids, 'r2', '1.00'))).toEqual({ ok: true });
    expect(await gate.reserve(request(ids, 'r3', '0.01'))).toEqual({ ok: false, reason: 'insufficient_credits' });
  });

  it('sees credits changed elsewhere once invalidated', async () => {
    const ids = await funded('0.05');
    const gate = make(db);
    expect(await gate.reserve(request(ids, 'c1', '0.05'))).toEqual({ ok: true });
    settle(gate, ids, 'c1', '0');
    await new CreditLedger(db.orm.em.fork()).credit(ids.accountId, 'grant', parseUsd('1'), `more:${ids.accountId}`);
    expect(await gate.reserve(request(ids, 'c2', '0.50'))).toEqual({ ok: false, reason: 'insufficient_credits' }); // not told yet
    await gate.invalidate(ids.accountId);
    expect(await gate.reserve(request(ids, 'c3', '0.50'))).toEqual({ ok: true });
  });

  it('refuses an account it cannot find, and holds nothing', async () => {
    const gate = make(db);
    const ghost = { accountId: crypto.randomUUID(), apiKeyId: crypto.randomUUID() };
    expect(await gate.reserve(request(ghost, 'x', '0.01'))).toEqual({ ok: false, reason: 'insufficient_credits' });
    expect(await gate.held(ghost.accountId)).toEqual({ account: ZERO, key: ZERO });
  });
});

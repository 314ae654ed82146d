// The credit gate and the settlement writer, as every request uses them: reserve the worst case, settle
// the cost (queued), group-committed behind. Holds in memory (one instance) and in Redis (several);
// one hot account and key (every request on the same rows: the worst case) and 16 independent ones.
import { Redis } from 'ioredis';
import { parseUsd, type Money } from '../src/core/billing/money.js';
import { systemClock } from '../src/core/clock.js';
import type { GenerationRecord } from '../src/core/generation/record.js';
import { openDatabase } from '../src/persistence/database.js';
import { AccountRepository } from '../src/persistence/repositories/account-repository.js';
import { CreditLedger } from '../src/persistence/repositories/credit-ledger.js';
import { issueApiKey } from '../src/gateway/accounts/issue-api-key.js';
import { creditState } from '../src/gateway/billing/credit-state.js';
import { memoryReservations } from '../src/gateway/billing/memory-reservations.js';
import { redisReservations } from '../src/gateway/billing/redis-reservations.js';
import { groupCommitSettlements } from '../src/gateway/billing/settlements.js';
import { databaseTargets } from '../test/support/databases.js';
import { REDIS_URL, deleteKeysWithPrefix } from '../test/support/redis.js';

const REQUESTS = 5_000;
const CONCURRENCY = 32;

async function run(target: Awaited<ReturnType<typeof databaseTargets>>[number], gate: 'memory' | 'redis', accounts: number) {
  const scratch = await target.create();
  const db = await openDatabase(scratch.config);
  const redis = gate === 'redis' ? new Redis(REDIS_URL) : undefined;
  const prefix = `bench-gate-${process.pid}-${Date.now()}:`;
  try {
    await db.migrate();
    const em = db.orm.em.fork();
    const payers: { accountId: string; apiKeyId: string }[] = [];
    for (let i = 0; i < accounts; i++) {
      const account = await new AccountRepository(em).createAccount(`bench ${i}`);
      await new CreditLedger(em.fork()).credit(account.id, 'grant', parseUsd('1000000'), `bench-grant-${i}`);
      const { key } = await issueApiKey(em.fork(), { accountId: account.id, name: 'bench', kind: 'inference', limit: parseUsd('1000000') });
      payers.push({ accountId: account.id, apiKeyId: key.id });
    }
    const settlements = groupCommitSettlements(db.orm.em, { clock: systemClock });
    const state = creditState(db.orm.em, (id) => settlements.pendingOf(id));
    const reservations = redis ? redisReservations({ client: redis, keyPrefix: prefix, state }) : memoryReservations(state);
    let next = 0;
    let reserveMs = 0;
    const cost = parseUsd('0.004');
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < REQUESTS) {
          const n = next++;
          const payer = payers[n % payers.length]!;
          const generationId = `gen-bench-${n}`;
          const t = performance.now();
          const reserved = await reservations.reserve({ generationId, ...payer, amount: parseUsd('0.01'), keyLimit: parseUsd('1000000'), keyPeriodStart: new Date(0) });
          reserveMs += performance.now() - t;
          if (!reserved.ok) throw new Error(`refused: ${reserved.reason}`);
          settlements.record(benchRecord(generationId, payer, cost));
          reservations.settled({ generationId, ...payer, charged: cost, keyCharged: cost, keyPeriodStart: new Date(0) });
        }
      }),
    );
    const answered = (performance.now() - started) / 1000;
    await settlements.close();
    const committed = (performance.now() - started) / 1000;
    return { database: target.name, gate, accounts, 'reserve+settle /s': Math.round(REQUESTS / answered), 'committed /s': Math.round(REQUESTS / committed), 'mean reserve ms': +(reserveMs / REQUESTS).toFixed(3) };
  } finally {
    if (redis) {
      await deleteKeysWithPrefix(redis, prefix);
      redis.disconnect();
    }
    await db.close();
    await scratch.dispose();
  }
}

function benchRecord(id: string, payer: { accountId: string; apiKeyId: string }, cost: Money): GenerationRecord {
  const now = new Date();
  return {
    id, ...payer, requestedModels: ['bench/model'], model: 'bench/model', provider: 'bench', status: 'succeeded', streamed: false,
    tokens: { prompt: 10, completion: 10, reasoning: 0, cached: 0, cacheWrite: 0 }, cost, held: parseUsd('0.01'), byok: null, keyPeriodStart: new Date(0),
    ttftMs: 1, generationTimeMs: 1, finishReason: 'stop', nativeFinishReason: null, stickyKey: null, createdAt: now, finishedAt: now, attempts: [],
  };
}

export async function benchReservations() {
  const rows = [];
  for (const target of await databaseTargets()) {
    for (const gate of target.name === 'postgres' ? (['memory', 'redis'] as const) : (['memory'] as const)) for (const accounts of [1, 16]) rows.push(await run(target, gate, accounts));
  }
  return rows;
}

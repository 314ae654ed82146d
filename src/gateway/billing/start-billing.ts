import { existsSync, mkdirSync, unlinkSync } from 'node:fs';
import { dirname } from 'node:path';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Redis } from 'ioredis';
import { add, money, sub, ZERO, type Money } from '../../core/billing/money.js';
import type { Clock } from '../../core/clock.js';
import type { GenerationRecord } from '../../core/generation/record.js';
import { writeSettlementBatch } from '../../persistence/repositories/settlement-batch.js';
import type { Logger } from '../../logger.js';
import { createFileJournal, readJournalFile } from './file-journal.js';
import { noJournal, type Journal } from './journal.js';
import { owedSettlements } from './journal-recovery.js';
import { keyChargeOf } from './key-charge.js';
import { memoryReservations } from './memory-reservations.js';
import { claimDeadJournals, createRedisJournal, forgetInstance } from './redis-journal.js';
import { redisReservations } from './redis-reservations.js';
import type { Reservations } from './reservations.js';
import { groupCommitSettlements, type Settlements } from './settlements.js';

export interface Billing {
  reservations: Reservations;
  settlements: Settlements;
  journal: Journal;
  /** Settlements recovered at start from a journal this instance (or a dead peer) left behind. */
  recovered: number;
  stop(): Promise<void>;
}

export interface BillingOptions {
  em: EntityManager;
  clock: Clock;
  logger: Logger;
  /** One instance: the journal file (none for an in-memory database). */
  journalPath: string | null;
  /** Several instances: holds and journals in Redis. */
  redis?: { client: Redis; keyPrefix: string; instanceId: string };
}

type Row = Record<string, unknown>;
const asMoney = (v: unknown): Money => money(BigInt(String(v ?? 0)));
const sum = (values: Iterable<Money>) => [...values].reduce((a, b) => add(a, b), ZERO);

/** Writes owed settlements straight to the database (start-up or a peer's recovery, before anything else relies on balances). */
async function settleOwed(em: EntityManager, owed: GenerationRecord[]): Promise<void> {
  for (let i = 0; i < owed.length; i += 500) {
    await writeSettlementBatch(em.fork(), owed.slice(i, i + 500).map((record) => ({ record, keyCharge: keyChargeOf(record) })));
  }
}

/**
 * The credit gate, the settlement writer and the journal, wired for one instance or several: holds in
 * memory and a journal file in DATA_DIR, or holds and per-instance journals in Redis with every
 * instance recovering the journals of peers that died. Before it returns, whatever a previous run
 * left unsettled is settled (billed for what was delivered, never above its hold) and its holds freed.
 */
export async function startBilling({ em, clock, logger, journalPath, redis }: BillingOptions): Promise<Billing> {
  let recovered = 0;
  let journal: Journal = noJournal;
  let stopRecovery: (() => Promise<void>) | undefined;
  const onError = (what: string) => (error: unknown) => logger.error({ reason: (error as Error).message }, what);

  if (!redis && journalPath) {
    mkdirSync(dirname(journalPath), { recursive: true, mode: 0o700 });
    const owed = owedSettlements(readJournalFile(journalPath), new Date(clock.now()));
    await settleOwed(em, owed);
    recovered = owed.length;
    if (existsSync(journalPath)) unlinkSync(journalPath);
    journal = createFileJournal(journalPath);
  }

  const settlements = groupCommitSettlements(em, {
    clock,
    journal: { append: (e) => journal.append(e), durable: () => journal.durable(), close: () => journal.close() },
    onError: (error, size) => logger.error({ reason: (error as Error).message, size }, 'writing settlements failed: retrying (nothing is dropped)'),
  });
  const uncommitted = (accountId: string) => settlements.pendingOf(accountId);

  let reservations: Reservations;
  if (redis) {
    const gate = redisReservations({
      client: redis.client,
      keyPrefix: redis.keyPrefix,
      onError: onError('credit gate update failed (Redis)'),
      async loadBalance(accountId) {
        const [row] = await em.getConnection().execute<Row[]>('select balance, reserved from account where id = ?', [accountId]);
        return sub(sub(asMoney(row?.balance), asMoney(row?.reserved)), sum(uncommitted(accountId).map((r) => r.cost)));
      },
      async loadKeyUsage(apiKeyId, accountId) {
        const [row] = await em.getConnection().execute<Row[]>('select period_usage, period_started_at from api_key where id = ?', [apiKeyId]);
        const periodStart = new Date(String(row?.period_started_at ?? 0));
        const pending = uncommitted(accountId).filter((r) => r.apiKeyId === apiKeyId && r.keyPeriodStart >= periodStart).map(keyChargeOf);
        return { periodUsage: add(asMoney(row?.period_usage), sum(pending)), periodStart };
      },
    });
    reservations = gate;
    const redisJournal = createRedisJournal({ client: redis.client, keyPrefix: redis.keyPrefix, instanceId: redis.instanceId, onError: onError('journal append failed (Redis)') });
    journal = redisJournal;
    // Any instance settles the journal of a peer whose heartbeat lapsed, and frees its holds.
    const recoverPeers = async () => {
      for (const dead of await claimDeadJournals(redis.client, redis.keyPrefix, redis.instanceId)) {
        const owed = owedSettlements(dead.entries, new Date(clock.now()));
        await settleOwed(em, owed);
        for (const e of dead.entries) if (e.t === 'admitted') await gate.release(e.id);
        await forgetInstance(redis.client, redis.keyPrefix, dead.instanceId);
        recovered += owed.length;
        if (owed.length) logger.warn({ instance: dead.instanceId, settled: owed.length }, 'settled the generations a stopped instance left unsettled');
      }
    };
    await recoverPeers();
    const timer = setInterval(() => void recoverPeers().catch(onError('recovering a peer journal failed')), 2_000);
    timer.unref();
    stopRecovery = async () => {
      clearInterval(timer);
      await redisJournal.stop();
    };
  } else {
    reservations = memoryReservations(em, { uncommitted });
  }

  return {
    reservations,
    settlements,
    journal: { append: (e) => journal.append(e), durable: () => journal.durable(), close: () => journal.close() },
    get recovered() {
      return recovered;
    },
    async stop() {
      await settlements.close();
      await stopRecovery?.();
      await journal.close();
    },
  };
}

import type { EntityManager } from '@mikro-orm/postgresql';
import type { Clock } from '../../core/clock.js';
import type { GenerationRecord } from '../../core/generation/record.js';
import { writeSettlementBatch } from '../../persistence/repositories/settlement-batch.js';
import { keyChargeOf } from './key-charge.js';
import { noJournal, type Journal } from './journal.js';

/**
 * Where settled generations are written: their rows, attempts and the usage charge. `record` only
 * queues (no database round trip after the last byte); the queue commits in batches.
 */
export interface Settlements {
  /** Accepts one settled generation; it is written within a few milliseconds (idempotent by id). */
  record(record: GenerationRecord): void;
  /** A settlement accepted but not yet committed (so reads right after a response still find it). */
  pending(generationId: string): GenerationRecord | undefined;
  /** Pending settlements of one account, for listings. */
  pendingOf(accountId: string): GenerationRecord[];
  /** Resolves once every settlement accepted so far is committed. */
  flush(): Promise<void>;
  /** Flushes, then stops the timer. */
  close(): Promise<void>;
}

export interface GroupCommitOptions {
  clock: Clock;
  /** How long a settlement may wait for others to share its transaction. */
  maxDelayMs?: number;
  /** A batch is written at once when this many are waiting. */
  maxBatch?: number;
  /** Told when a batch could not be written (it is retried, never dropped). */
  onError?: (error: unknown, batchSize: number) => void;
  /** Where accepted settlements are journaled until their commit (so a crash in between loses none). */
  journal?: Journal;
}

/**
 * Group commit: settlements queue in memory and are written together, one transaction per batch, a
 * few milliseconds after the first one arrives (or sooner when the batch is full). A failed batch is
 * retried with backoff — a transient database error delays settlements, it never drops one; a batch
 * that keeps failing is split so one bad settlement cannot hold up the others.
 */
export function groupCommitSettlements(em: EntityManager, { clock, maxDelayMs = 5, maxBatch = 500, onError = () => {}, journal = noJournal }: GroupCommitOptions): Settlements {
  const queued = new Map<string, GenerationRecord>();
  const writing = new Map<string, GenerationRecord>();
  /** Settlements that failed alone, repeatedly: retried later, off the queue's path, never dropped. */
  const parked = new Map<string, GenerationRecord>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let closed = false;
  const idle: (() => void)[] = [];

  const schedule = () => {
    if (running || timer || queued.size === 0) return;
    if (queued.size >= maxBatch) return void drain();
    timer = setTimeout(() => {
      timer = undefined;
      void drain();
    }, maxDelayMs);
  };

  async function write(batch: GenerationRecord[], attempt = 0): Promise<void> {
    try {
      await writeSettlementBatch(em.fork(), batch.map((record) => ({ record, keyCharge: keyChargeOf(record) })));
      journal.append({ t: 'committed', ids: batch.map((r) => r.id) });
      // Behind every commit: what the journal holds so far reaches the disk (a machine crash loses less).
      void journal.durable().catch((error: unknown) => onError(error, 0));
    } catch (error) {
      onError(error, batch.length);
      if (batch.length === 1 && attempt >= 5) {
        const [record] = batch as [GenerationRecord];
        parked.set(record.id, record);
        setTimeout(() => {
          if (parked.delete(record.id) && !closed) {
            queued.set(record.id, record);
            schedule();
          }
        }, 30_000).unref();
        return;
      }
      if (batch.length > 1 && attempt >= 2) {
        // Keeps failing: isolate the settlement that cannot be written from the ones that can.
        const half = Math.ceil(batch.length / 2);
        await write(batch.slice(0, half), 0);
        await write(batch.slice(half), 0);
        return;
      }
      await clock.sleep(Math.min(50 * 2 ** attempt, 5_000));
      await write(batch, attempt + 1);
    }
  }

  function drain(): Promise<void> {
    running ??= (async () => {
      while (queued.size > 0) {
        const batch = [...queued.values()].slice(0, maxBatch);
        for (const r of batch) {
          queued.delete(r.id);
          writing.set(r.id, r);
        }
        await write(batch);
        for (const r of batch) writing.delete(r.id);
      }
    })().finally(() => {
      running = undefined;
      if (queued.size === 0 && writing.size === 0) idle.splice(0).forEach((resolve) => resolve());
      else schedule();
    });
    return running;
  }

  return {
    record(record) {
      if (closed) throw new Error('settlements are closed');
      journal.append({ t: 'settled', record });
      queued.set(record.id, record);
      schedule();
    },
    pending: (id) => queued.get(id) ?? writing.get(id) ?? parked.get(id),
    pendingOf: (accountId) => [...writing.values(), ...queued.values(), ...parked.values()].filter((r) => r.accountId === accountId),
    flush() {
      if (queued.size === 0 && writing.size === 0) return Promise.resolve();
      const done = new Promise<void>((resolve) => idle.push(resolve));
      clearTimeout(timer);
      timer = undefined;
      void drain();
      return done;
    },
    async close() {
      await this.flush();
      closed = true;
      clearTimeout(timer);
    },
  };
}

import type { Redis } from 'ioredis';
import { journalCodec, type Journal, type JournalEntry } from './journal.js';

export interface RedisJournalOptions {
  client: Redis;
  keyPrefix: string;
  instanceId: string;
  /** How long a silent instance is presumed alive; a peer recovers its journal after that. */
  heartbeatTtlMs?: number;
  onError?: (error: unknown) => void;
}

export const journalKeys = (keyPrefix: string) => ({
  instances: `${keyPrefix}instances`,
  stream: (instanceId: string) => `${keyPrefix}journal:${instanceId}`,
  heartbeat: (instanceId: string) => `${keyPrefix}instance:${instanceId}`,
  recovering: (instanceId: string) => `${keyPrefix}recovering:${instanceId}`,
});

/**
 * The journal of one instance among several: a Redis stream of its own, next to a heartbeat key. An
 * admission is durable once Redis acknowledged it; entries of a generation are deleted once its
 * settlement committed, so the stream holds only what a crash could lose. When the heartbeat lapses,
 * any peer recovers the stream (`recoverDeadInstances`).
 */
export function createRedisJournal({ client, keyPrefix, instanceId, heartbeatTtlMs = 5_000, onError = () => {} }: RedisJournalOptions): Journal & { stop(): Promise<void> } {
  const keys = journalKeys(keyPrefix);
  const stream = keys.stream(instanceId);
  /** Stream ids of each open generation's entries (deleted with its commit). */
  const open = new Map<string, Promise<string | null>[]>();
  let last: Promise<unknown> = Promise.resolve();
  const beat = () => client.set(keys.heartbeat(instanceId), String(Date.now()), 'PX', heartbeatTtlMs);
  const registered = Promise.all([client.sadd(keys.instances, instanceId), beat()]);
  const timer = setInterval(() => void beat().catch(onError), Math.max(100, Math.floor(heartbeatTtlMs / 3)));
  timer.unref();

  const idOf = (e: JournalEntry) => (e.t === 'settled' ? e.record.id : e.t === 'committed' ? null : e.id);

  return {
    append(entry) {
      if (entry.t === 'committed') {
        for (const id of entry.ids) {
          const ids = open.get(id);
          open.delete(id);
          if (ids) last = Promise.all(ids).then((streamIds) => { const present = streamIds.filter((s): s is string => s !== null); return present.length ? client.xdel(stream, ...present) : 0; }).catch(onError);
        }
        return;
      }
      const added = registered.then(() => client.xadd(stream, '*', 'e', journalCodec.encode(entry)));
      const id = idOf(entry)!;
      open.set(id, [...(open.get(id) ?? []), added]);
      last = added.catch(onError);
      // The pipeline awaits an admission before dispatching: it must be in Redis first.
      if (entry.t === 'admitted') return added.then(() => {});
    },
    durable: () => last.then(() => {}),
    async close() {
      await last;
    },
    async stop() {
      clearInterval(timer);
      await last;
      // A clean stop leaves nothing to recover: every settlement was committed before.
      if (open.size === 0) await client.multi().del(stream).del(keys.heartbeat(instanceId)).srem(keys.instances, instanceId).exec();
    },
  };
}

/** The journals of instances whose heartbeat lapsed, each claimed by exactly one recovering peer. */
export async function claimDeadJournals(client: Redis, keyPrefix: string, self: string, claimMs = 60_000): Promise<{ instanceId: string; entries: JournalEntry[] }[]> {
  const keys = journalKeys(keyPrefix);
  const claimed: { instanceId: string; entries: JournalEntry[] }[] = [];
  for (const instanceId of await client.smembers(keys.instances)) {
    if (instanceId === self || (await client.exists(keys.heartbeat(instanceId)))) continue;
    if ((await client.set(keys.recovering(instanceId), self, 'PX', claimMs, 'NX')) !== 'OK') continue;
    const rows = await client.xrange(keys.stream(instanceId), '-', '+');
    const entries = rows.flatMap(([, fields]) => {
      try {
        return [journalCodec.decode(fields[1]!)];
      } catch {
        return [];
      }
    });
    claimed.push({ instanceId, entries });
  }
  return claimed;
}

/** Forgets a recovered instance: its journal was settled. */
export async function forgetInstance(client: Redis, keyPrefix: string, instanceId: string): Promise<void> {
  const keys = journalKeys(keyPrefix);
  await client.multi().del(keys.stream(instanceId)).srem(keys.instances, instanceId).del(keys.recovering(instanceId)).exec();
}

import type { Redis } from 'ioredis';
import {
  aborted,
  CursorExpiredError,
  DEFAULT_LOG_LIMITS,
  GenerationNotFoundError,
  type GenerationLog,
  type GenerationLogLimits,
  type LogEntry,
} from './generation-log.js';

// Append atomically: next seq, stream entry with id 0-<seq>, trim, final flag, TTLs, wake followers.
const APPEND = `
if redis.call('HGET', KEYS[2], 'done') == '1' then return redis.error_reply('ENDED generation already ended') end
local seq = redis.call('HINCRBY', KEYS[2], 'seq', 1)
redis.call('XADD', KEYS[1], 'MAXLEN', ARGV[2], '0-' .. seq, 'e', ARGV[1])
if ARGV[3] == '1' then redis.call('HSET', KEYS[2], 'done', '1') end
redis.call('PEXPIRE', KEYS[1], ARGV[4])
redis.call('PEXPIRE', KEYS[2], ARGV[4])
redis.call('PUBLISH', KEYS[3], seq)
return seq
`;

export interface RedisGenerationLogOptions {
  /** Commands and scripts. */
  client: Redis;
  /** A connection in subscriber mode, shared by every follower of this process. */
  subscriber: Redis;
  keyPrefix?: string;
  limits?: GenerationLogLimits;
}

/** How events become stream entries (plain JSON by default). */
export interface EventCodec<E> {
  encode(event: E): string;
  decode(text: string): E;
}

const plainJson: EventCodec<never> = { encode: (e) => JSON.stringify(e), decode: (t) => JSON.parse(t) as never };

/**
 * Generation logs in Redis streams, so any instance can resume any generation. A follower reads with
 * XRANGE after its cursor; pub/sub only wakes it up, so a missed or duplicated notification can never
 * cause a gap or a duplicate.
 */
export function createRedisGenerationLog<E>({ client, subscriber, keyPrefix = 'sy:', limits = DEFAULT_LOG_LIMITS, codec = plainJson as EventCodec<E> }: RedisGenerationLogOptions & { codec?: EventCodec<E> }): GenerationLog<E> {
  const keys = (id: string) => ({ stream: `${keyPrefix}gen:${id}`, meta: `${keyPrefix}gen:${id}:meta`, channel: `${keyPrefix}gen:${id}:wake` });
  // Per channel: this process's followers, and the SUBSCRIBE every one of them must wait for (a
  // follower that read before the subscription was active could miss the only wake-up it gets).
  const channels = new Map<string, { wakers: Set<() => void>; subscribed: Promise<unknown> }>();
  const onMessage = (channel: string) => channels.get(channel)?.wakers.forEach((wake) => wake());
  subscriber.on('message', onMessage);

  async function listen(channel: string, wake: () => void): Promise<() => Promise<void>> {
    let entry = channels.get(channel);
    if (!entry) {
      entry = { wakers: new Set(), subscribed: subscriber.subscribe(channel) };
      channels.set(channel, entry);
    }
    entry.wakers.add(wake);
    await entry.subscribed;
    const current = entry;
    return async () => {
      current.wakers.delete(wake);
      if (current.wakers.size === 0 && channels.get(channel) === current) {
        channels.delete(channel);
        await subscriber.unsubscribe(channel);
      }
    };
  }

  return {
    async open(id, owner) {
      const k = keys(id);
      await client.multi().hsetnx(k.meta, 'seq', '0').hsetnx(k.meta, 'done', '0').hsetnx(k.meta, 'owner', owner).pexpire(k.meta, limits.ttlMs).exec();
    },
    async ownerOf(id) {
      return (await client.hget(keys(id).meta, 'owner')) ?? undefined;
    },
    async append(id, event, options = {}) {
      const k = keys(id);
      if (!(await client.exists(k.meta))) throw new GenerationNotFoundError(id);
      const seq = await client.eval(APPEND, 3, k.stream, k.meta, k.channel, codec.encode(event), String(limits.maxEvents), options.final ? '1' : '0', String(limits.ttlMs));
      return Number(seq);
    },
    async *follow(id, afterSeq, signal) {
      const k = keys(id);
      let pending = true; // something may have been appended since the last read
      let wake = () => {};
      const unlisten = await listen(k.channel, () => {
        pending = true;
        wake();
      });
      try {
        if (!(await client.exists(k.meta))) throw new GenerationNotFoundError(id);
        let cursor = afterSeq;
        const stop = aborted(signal);
        while (!signal?.aborted) {
          if (!pending) {
            await Promise.race([new Promise<void>((resolve) => (wake = resolve)), stop]);
            continue;
          }
          pending = false;
          const [rows, meta] = await Promise.all([
            client.xrange(k.stream, `0-${cursor + 1}`, '+', 'COUNT', 500),
            client.hmget(k.meta, 'seq', 'done'),
          ]);
          if (meta[0] === null) throw new GenerationNotFoundError(id);
          const first = rows[0] ? Number(rows[0][0].slice(2)) : null;
          if (first !== null && first > cursor + 1) throw new CursorExpiredError(id, cursor, first);
          if (first === null && Number(meta[0]) > cursor) {
            // Nothing at or after the cursor although later events exist: they were trimmed.
            const [oldest] = await client.xrange(k.stream, '-', '+', 'COUNT', 1);
            if (!oldest || Number(oldest[0].slice(2)) > cursor + 1) throw new CursorExpiredError(id, cursor, oldest ? Number(oldest[0].slice(2)) : Number(meta[0]) + 1);
          }
          for (const [streamId, fields] of rows) {
            cursor = Number(streamId.slice(2));
            yield { seq: cursor, event: codec.decode(fields[1]!) } satisfies LogEntry<E>;
          }
          if (rows.length === 500) pending = true; // more to page through
          else if (meta[1] === '1' && cursor >= Number(meta[0])) return;
        }
      } finally {
        await unlisten();
      }
    },
    async close() {
      subscriber.off('message', onMessage);
    },
  };
}

import { afterEach, beforeEach, expect, it } from 'vitest';
import { CursorExpiredError, GenerationNotFoundError, type GenerationLog, type GenerationLogLimits, type LogEntry } from '../../src/realtime/generation-log.js';

export interface LogFactory {
  create(limits: GenerationLogLimits): Promise<GenerationLog<{ n: number }>>;
  dispose(): Promise<void>;
}

async function collect<E>(iterable: AsyncIterable<LogEntry<E>>, max = Infinity): Promise<LogEntry<E>[]> {
  const out: LogEntry<E>[] = [];
  for await (const entry of iterable) {
    out.push(entry);
    if (out.length >= max) break;
  }
  return out;
}

const LIMITS = { maxEvents: 1_000, ttlMs: 60_000 };

/** The behaviour every GenerationLog must have, run against each implementation. */
export function generationLogContract(factory: () => LogFactory) {
  let f: LogFactory;
  let log: GenerationLog<{ n: number }>;
  let id: string;
  beforeEach(async () => {
    f = factory();
    log = await f.create(LIMITS);
    id = `gen-${Math.random().toString(36).slice(2)}`;
    await log.open(id, 'account-a');
  });
  afterEach(async () => {
    await log.close();
    await f.dispose();
  });

  it('knows who owns a generation, and nothing of unknown ones', async () => {
    expect(await log.ownerOf(id)).toBe('account-a');
    expect(await log.ownerOf('gen-never-opened')).toBeUndefined();
  });

  it('numbers events from 1 without gaps and replays them all to a late follower', async () => {
    for (let n = 0; n < 5; n++) expect(await log.append(id, { n })).toBe(n + 1);
    await log.append(id, { n: 5 }, { final: true });
    expect((await collect(log.follow(id, 0))).map((e) => [e.seq, e.event.n])).toEqual([
      [1, 0], [2, 1], [3, 2], [4, 3], [5, 4], [6, 5],
    ]);
  });

  it('resumes after a cursor with exactly the missed events, then follows live ones to the end', async () => {
    await log.append(id, { n: 1 });
    await log.append(id, { n: 2 });
    const follower = collect(log.follow(id, 1));
    await new Promise((r) => setTimeout(r, 30));
    for (let n = 3; n <= 50; n++) await log.append(id, { n }, { final: n === 50 });
    const seen = (await follower).map((e) => e.seq);
    expect(seen).toEqual(Array.from({ length: 49 }, (_, i) => i + 2));
  });

  it('serves concurrent followers the same sequence while appends race them', async () => {
    const followers = [0, 0, 3].map((after) => collect(log.follow(id, after)));
    const appends = Array.from({ length: 100 }, (_, i) => log.append(id, { n: i }));
    await Promise.all(appends);
    await log.append(id, { n: 100 }, { final: true });
    const [a, b, c] = await Promise.all(followers);
    expect(a!.map((e) => e.seq)).toEqual(Array.from({ length: 101 }, (_, i) => i + 1));
    expect(b).toEqual(a);
    expect(c!.map((e) => e.seq)).toEqual(Array.from({ length: 98 }, (_, i) => i + 4));
  });

  it('stops a follower when its signal aborts', async () => {
    await log.append(id, { n: 1 });
    const controller = new AbortController();
    const follower = collect(log.follow(id, 0, controller.signal));
    setTimeout(() => controller.abort(), 30);
    expect((await follower).map((e) => e.seq)).toEqual([1]);
  });

  it('refuses unknown generations, appends after the end, and cursors older than what is kept', async () => {
    await expect(collect(log.follow('gen-never-opened', 0))).rejects.toBeInstanceOf(GenerationNotFoundError);
    await expect(log.append('gen-never-opened', { n: 1 })).rejects.toBeInstanceOf(GenerationNotFoundError);

    const small = await f.create({ maxEvents: 3, ttlMs: 60_000 });
    await small.open(id + '-small', 'account-a');
    for (let n = 1; n <= 6; n++) await small.append(id + '-small', { n }, { final: n === 6 });
    await expect(collect(small.follow(id + '-small', 1))).rejects.toBeInstanceOf(CursorExpiredError);
    expect((await collect(small.follow(id + '-small', 3))).map((e) => e.seq)).toEqual([4, 5, 6]);
    await expect(small.append(id + '-small', { n: 7 })).rejects.toThrow(/ended/);
    await small.close();
  });
}

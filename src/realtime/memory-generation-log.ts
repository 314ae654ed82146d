import {
  aborted,
  CursorExpiredError,
  DEFAULT_LOG_LIMITS,
  GenerationNotFoundError,
  type GenerationLog,
  type GenerationLogLimits,
  type LogEntry,
} from './generation-log.js';

interface Stream<E> {
  owner: string;
  entries: LogEntry<E>[];
  lastSeq: number;
  done: boolean;
  expiresAt: number;
  wake: Set<() => void>;
}

/** The embedded default: one process, so a Map of arrays and wake-up callbacks suffice. */
export function createMemoryGenerationLog<E>(limits: GenerationLogLimits = DEFAULT_LOG_LIMITS, now = () => Date.now()): GenerationLog<E> {
  const streams = new Map<string, Stream<E>>();

  const live = (id: string): Stream<E> | undefined => {
    const s = streams.get(id);
    if (s && s.expiresAt <= now() && s.wake.size === 0) {
      streams.delete(id);
      return undefined;
    }
    return s;
  };
  const sweep = () => {
    for (const id of streams.keys()) live(id);
  };

  return {
    async open(id, owner) {
      sweep();
      if (!live(id)) streams.set(id, { owner, entries: [], lastSeq: 0, done: false, expiresAt: now() + limits.ttlMs, wake: new Set() });
    },
    async ownerOf(id) {
      return live(id)?.owner;
    },
    async append(id, event, options = {}) {
      const s = live(id);
      if (!s) throw new GenerationNotFoundError(id);
      if (s.done) throw new Error(`generation ${id} already ended`);
      const seq = ++s.lastSeq;
      s.entries.push({ seq, event });
      if (s.entries.length > limits.maxEvents) s.entries.shift();
      s.done = options.final ?? false;
      s.expiresAt = now() + limits.ttlMs;
      for (const wake of s.wake) wake();
      return seq;
    },
    async *follow(id, afterSeq, signal) {
      const s = live(id);
      if (!s) throw new GenerationNotFoundError(id);
      let cursor = afterSeq;
      const stop = aborted(signal);
      while (!signal?.aborted) {
        // Entries are consecutive: the next unseen one sits at (cursor + 1 − oldest seq). Recomputed
        // per event because appends during a yield may drop the oldest entries.
        for (;;) {
          const oldest = s.entries[0]?.seq ?? s.lastSeq + 1;
          if (cursor + 1 < oldest) throw new CursorExpiredError(id, cursor, oldest);
          const entry = s.entries[cursor + 1 - oldest];
          if (!entry) break;
          cursor = entry.seq;
          yield entry;
        }
        if (s.done && cursor >= s.lastSeq) return;
        let wake!: () => void;
        const appended = new Promise<void>((resolve) => (wake = resolve));
        s.wake.add(wake);
        try {
          await Promise.race([appended, stop]);
        } finally {
          s.wake.delete(wake);
        }
      }
    },
    async close() {
      streams.clear();
    },
  };
}

/** One event of a generation with its position; `seq` starts at 1 and has no gaps. */
export interface LogEntry<E> {
  seq: number;
  event: E;
}

/**
 * Each generation's events, kept (bounded, with a TTL) so a subscriber can resume from any cursor:
 * `follow(id, afterSeq)` yields exactly the events after `afterSeq` — replayed, then live — with no
 * gap and no duplicate, until the final event. Implementations: in-memory and Redis (one contract test).
 */
export interface GenerationLog<E> {
  /** Starts a generation's log for the account that owns it; following an id that was never opened fails. */
  open(generationId: string, owner: string): Promise<void>;
  /** Who may read the log (the `owner` given to open); undefined for an unknown or expired generation. */
  ownerOf(generationId: string): Promise<string | undefined>;
  /** Appends an event and returns its seq; `final` marks the last event (followers stop after it). */
  append(generationId: string, event: E, options?: { final?: boolean }): Promise<number>;
  follow(generationId: string, afterSeq: number, signal?: AbortSignal): AsyncIterable<LogEntry<E>>;
  close(): Promise<void>;
}

export class GenerationNotFoundError extends Error {
  constructor(readonly generationId: string) {
    super(`No events for generation ${generationId} (unknown, or expired)`);
  }
}

/** The cursor points before the oldest event still kept: the gap could not be filled. */
export class CursorExpiredError extends Error {
  constructor(
    readonly generationId: string,
    readonly afterSeq: number,
    readonly oldestSeq: number,
  ) {
    super(`Events after ${afterSeq} of ${generationId} are no longer kept (oldest is ${oldestSeq})`);
  }
}

export interface GenerationLogLimits {
  /** Events kept per generation; older ones are dropped (resuming before them fails clearly). */
  maxEvents: number;
  /** How long a generation's log lives after its last append. */
  ttlMs: number;
}

export const DEFAULT_LOG_LIMITS: GenerationLogLimits = { maxEvents: 10_000, ttlMs: 15 * 60_000 };

/** Resolves when `signal` aborts (never rejects), for racing against waits. */
export function aborted(signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (!signal) return;
    if (signal.aborted) return resolve();
    signal.addEventListener('abort', () => resolve(), { once: true });
  });
}

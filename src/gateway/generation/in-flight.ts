/**
 * The generations this instance is running, so they can be cancelled by id and drained on shutdown.
 * Every generation registers here between reservation and settlement, whichever surface started it.
 */
export interface InFlight {
  /** False once draining began: new generations are refused. */
  readonly accepting: boolean;
  readonly size: number;
  /** Registers a running generation; the returned function unregisters it (call it after settling). */
  add(generationId: string, abort: AbortController): () => void;
  /** Aborts one running generation; false when it is not running here. */
  abort(generationId: string): boolean;
  /** Stops accepting, waits up to `graceMs` for running generations to end, then aborts the rest and waits for them to settle. */
  drain(graceMs: number): Promise<{ finished: number; aborted: number }>;
}

export function createInFlight(): InFlight {
  const running = new Map<string, AbortController>();
  let accepting = true;
  let emptied: (() => void) | undefined;
  const whenEmpty = () => (running.size === 0 ? Promise.resolve() : new Promise<void>((resolve) => (emptied = resolve)));

  return {
    get accepting() {
      return accepting;
    },
    get size() {
      return running.size;
    },
    add(generationId, abort) {
      running.set(generationId, abort);
      return () => {
        running.delete(generationId);
        if (running.size === 0) emptied?.();
      };
    },
    abort(generationId) {
      const abort = running.get(generationId);
      abort?.abort();
      return abort !== undefined;
    },
    async drain(graceMs) {
      accepting = false;
      const before = running.size;
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([whenEmpty(), new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)))]);
      clearTimeout(timer);
      const aborted = running.size;
      for (const abort of running.values()) abort.abort();
      await whenEmpty();
      return { finished: before - aborted, aborted };
    },
  };
}

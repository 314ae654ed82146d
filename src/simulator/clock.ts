/** Time source and sleeping, injectable so tests can control pacing. */
export interface SimClock {
  now(): number;
  /** Resolves after `ms`, or at once when `signal` aborts (callers check `signal.aborted`). */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
}

export const realClock: SimClock = {
  now: () => performance.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve) => {
      if (signal.aborted || ms <= 0) return resolve();
      const done = (): void => {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      signal.addEventListener('abort', done, { once: true });
    }),
};

/** Output timing: the first token at ttft, then one token every 1000/tokensPerSecond ms (no drift). */
export interface PacingPlan {
  ttftMs: number;
  tokensPerSecond: number;
}

/** Milliseconds after the request started at which the token with 0-based index `tokenIndex` is due. */
export function tokenDueMs(plan: PacingPlan, tokenIndex: number): number {
  if (!Number.isFinite(plan.tokensPerSecond)) return plan.ttftMs;
  return plan.ttftMs + (Math.max(0, tokenIndex) * 1000) / plan.tokensPerSecond;
}

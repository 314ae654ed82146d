import { assertRateLimitConfig, type RateLimitConfig, type RateLimiter } from './rate-limiter.js';
import { admits, describeDecision, windowIndexOf, type WindowCounts } from './sliding-window.js';

interface KeyWindows {
  windowIndex: number;
  previous: number;
  current: number;
}

export interface InMemoryRateLimiter extends RateLimiter {
  /** Keys currently held in memory (for tests and metrics). */
  readonly trackedKeys: number;
}

/**
 * Single-process limiter (the embedded default). Memory stays bounded: at most once per window, keys whose
 * counts have fully aged out (two windows without an admitted request) are dropped.
 */
export function createInMemoryRateLimiter(config: RateLimitConfig): InMemoryRateLimiter {
  assertRateLimitConfig(config);
  const { windowMs } = config;
  const windows = new Map<string, KeyWindows>();
  let nextSweepAt = -Infinity;

  function sweep(now: number): void {
    const currentIndex = windowIndexOf(now, windowMs);
    for (const [key, state] of windows) if (state.windowIndex < currentIndex - 1) windows.delete(key);
    nextSweepAt = now + windowMs;
  }

  return {
    get trackedKeys() {
      return windows.size;
    },
    async hit(key, requestedNow) {
      if (!Number.isSafeInteger(requestedNow)) throw new RangeError(`now must be an integer epoch ms, got ${requestedNow}`);
      if (requestedNow >= nextSweepAt) sweep(requestedNow);
      const state = windows.get(key);
      // A clock that steps back is counted in the latest window seen, never used to reset a key.
      const now = state ? Math.max(requestedNow, state.windowIndex * windowMs) : requestedNow;
      const index = windowIndexOf(now, windowMs);
      const counts = countsAt(state, index);
      const admitted = admits(counts, now - index * windowMs, config);
      if (admitted) windows.set(key, { windowIndex: index, previous: counts.previous, current: counts.current + 1 });
      return describeDecision(admitted, counts, now, config);
    },
  };
}

function countsAt(state: KeyWindows | undefined, index: number): WindowCounts {
  if (state?.windowIndex === index) return { previous: state.previous, current: state.current };
  if (state?.windowIndex === index - 1) return { previous: state.current, current: 0 };
  return { previous: 0, current: 0 };
}

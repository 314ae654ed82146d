import { describe, expect, it } from 'vitest';
import { admits, describeDecision, inWindow } from '../../../src/gateway/rate-limit/sliding-window.js';

const config = { limit: 3, windowMs: 60_000 };

describe('exact sliding window', () => {
  it('counts a timestamp for exactly windowMs: in at now − windowMs + 1, out at now − windowMs', () => {
    expect(inWindow(1, 60_000, 60_000)).toBe(true);
    expect(inWindow(0, 60_000, 60_000)).toBe(false);
  });

  it('admits while fewer than `limit` were admitted in the window', () => {
    expect(admits({ count: 2, blockingAt: undefined, newestAt: 10 }, config)).toBe(true);
    expect(admits({ count: 3, blockingAt: 5, newestAt: 10 }, config)).toBe(false);
  });

  it('describes an admission: remaining after it, reset when the newest (this one) ages out', () => {
    expect(describeDecision(true, { count: 1, blockingAt: undefined, newestAt: 1_000 }, 2_000, config)).toEqual({ allowed: true, limit: 3, remaining: 1, resetAt: 62_000 });
  });

  it('describes a refusal: retry when the blocking admission ages out, reset when the newest does', () => {
    expect(describeDecision(false, { count: 3, blockingAt: 1_000, newestAt: 5_000 }, 10_000, config)).toEqual({ allowed: false, limit: 3, retryAfterMs: 51_000, resetAt: 65_000 });
  });
});

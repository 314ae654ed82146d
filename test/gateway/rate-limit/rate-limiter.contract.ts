import { expect, it } from 'vitest';
import type { RateLimitConfig, RateLimitDecision, RateLimiter } from '../../../src/gateway/rate-limit/rate-limiter.js';

/** Builds a limiter with nothing counted yet (each call isolated from the others). */
export type MakeRateLimiter = (config: RateLimitConfig) => RateLimiter | Promise<RateLimiter>;

const MINUTE = 60_000;
/** The start of a window, so offsets in the cases read as "ms into the window". */
const T0 = 29_000_000 * MINUTE;

const allowed = (decision: RateLimitDecision) => {
  if (!decision.allowed) throw new Error(`expected an admitted request, got ${JSON.stringify(decision)}`);
  return decision;
};
const refused = (decision: RateLimitDecision) => {
  if (decision.allowed) throw new Error(`expected a refused request, got ${JSON.stringify(decision)}`);
  return decision;
};

/** The behaviour every RateLimiter implementation must share (two-window weighted approximation). */
export function rateLimiterContract(make: MakeRateLimiter): void {
  it('admits exactly `limit` requests in a window, counting `remaining` down', async () => {
    const limiter = await make({ limit: 5, windowMs: MINUTE });
    const remaining: number[] = [];
    for (let i = 0; i < 5; i++) remaining.push(allowed(await limiter.hit('key', T0 + i * 1_000)).remaining);
    expect(remaining).toEqual([4, 3, 2, 1, 0]);
    refused(await limiter.hit('key', T0 + 10_000));
  });

  it('refuses with an exact retryAfterMs: one ms earlier is still refused, then it is admitted', async () => {
    const limiter = await make({ limit: 5, windowMs: MINUTE });
    for (let i = 0; i < 5; i++) await limiter.hit('key', T0 + i * 1_000);
    const now = T0 + 10_000;
    const denial = refused(await limiter.hit('key', now));
    // The next window weighs these 5 by (1 − e/60 s): one slot frees 12 s into it.
    expect(denial.retryAfterMs).toBe(MINUTE - 10_000 + 12_000);
    expect(denial.resetAt).toBeGreaterThanOrEqual(now + denial.retryAfterMs);
    refused(await limiter.hit('key', now + denial.retryAfterMs - 1));
    allowed(await limiter.hit('key', now + denial.retryAfterMs));
  });

  it('does not count refused requests: hammering does not push the retry time back', async () => {
    const limiter = await make({ limit: 2, windowMs: MINUTE });
    await limiter.hit('key', T0);
    await limiter.hit('key', T0);
    const retryAt = new Set<number>();
    for (let t = T0 + 1_000; t < T0 + 20_000; t += 1_000) retryAt.add(t + refused(await limiter.hit('key', t)).retryAfterMs);
    expect([...retryAt]).toEqual([T0 + MINUTE + MINUTE / 2]);
  });

  it('slides: halfway into the next window half the limit is free, after two windows all of it', async () => {
    const limiter = await make({ limit: 10, windowMs: MINUTE });
    for (let i = 0; i < 10; i++) allowed(await limiter.hit('key', T0 + i));
    const half: boolean[] = [];
    for (let i = 0; i < 6; i++) half.push((await limiter.hit('key', T0 + MINUTE + MINUTE / 2)).allowed);
    expect(half).toEqual([true, true, true, true, true, false]);

    const later = await make({ limit: 10, windowMs: MINUTE });
    for (let i = 0; i < 10; i++) await later.hit('key', T0 + i);
    const fresh = allowed(await later.hit('key', T0 + 2 * MINUTE));
    expect(fresh.remaining).toBe(9);
  });

  it('reports resetAt as the moment the whole limit is back', async () => {
    const limiter = await make({ limit: 3, windowMs: MINUTE });
    const first = allowed(await limiter.hit('key', T0 + 5_000));
    expect(first.resetAt).toBe(T0 + 2 * MINUTE);
    await limiter.hit('key', T0 + 6_000);
    expect(allowed(await limiter.hit('key', first.resetAt)).remaining).toBe(2);
  });

  it('keeps keys independent', async () => {
    const limiter = await make({ limit: 2, windowMs: MINUTE });
    const keys = ['key-a', 'key-b', 'acct:1/key{x}'];
    for (const key of keys) {
      allowed(await limiter.hit(key, T0));
      allowed(await limiter.hit(key, T0));
    }
    for (const key of keys) refused(await limiter.hit(key, T0 + 1));
  });

  it('admits exactly `limit` of 200 concurrent requests on one key', async () => {
    const limiter = await make({ limit: 50, windowMs: MINUTE });
    const decisions = await Promise.all(Array.from({ length: 200 }, () => limiter.hit('hot', T0 + 1_000)));
    const admitted = decisions.filter((d) => d.allowed);
    expect(admitted).toHaveLength(50);
    // Each admitted request saw a distinct count: no two read the same state.
    expect(new Set(admitted.map((d) => d.remaining)).size).toBe(50);
  });
}

import fc from 'fast-check';
import { expect, it } from 'vitest';
import type { RateLimitConfig, RateLimitDecision, RateLimiter } from '../../../src/gateway/rate-limit/rate-limiter.js';

/** Builds a limiter with nothing counted yet (each call isolated from the others). */
export type MakeRateLimiter = (config: RateLimitConfig) => RateLimiter | Promise<RateLimiter>;

const MINUTE = 60_000;
const T0 = 29_000_000 * MINUTE;

const allowed = (decision: RateLimitDecision) => {
  if (!decision.allowed) throw new Error(`expected an admitted request, got ${JSON.stringify(decision)}`);
  return decision;
};
const refused = (decision: RateLimitDecision) => {
  if (decision.allowed) throw new Error(`expected a refused request, got ${JSON.stringify(decision)}`);
  return decision;
};

/** The behaviour every RateLimiter implementation must share: an exact sliding window. */
export function rateLimiterContract(make: MakeRateLimiter, { propertyRuns = 100 } = {}): void {
  it('admits exactly `limit` requests in a window, counting `remaining` down and reporting the limit', async () => {
    const limiter = await make({ limit: 5, windowMs: MINUTE });
    const decisions: RateLimitDecision[] = [];
    for (let i = 0; i < 5; i++) decisions.push(allowed(await limiter.hit('key', T0 + i * 1_000)));
    expect(decisions.map((d) => (d.allowed ? d.remaining : -1))).toEqual([4, 3, 2, 1, 0]);
    expect(decisions.every((d) => d.limit === 5)).toBe(true);
    expect(refused(await limiter.hit('key', T0 + 10_000)).limit).toBe(5);
  });

  it('admits 10, not 15, in any rolling minute against a limit of 10 (the two-window approximation did not)', async () => {
    const limiter = await make({ limit: 10, windowMs: MINUTE });
    // 10 at the end of one fixed window, then 12 halfway into the next: the approximation counted the first
    // 10 as spread evenly, so "half of them" had aged out and it admitted 5 more — 15 in (T0+30 s, T0+90 s].
    const times = [...Array.from({ length: 10 }, (_, i) => T0 + 55_000 + i * 500), ...Array.from({ length: 12 }, (_, i) => T0 + MINUTE + 30_000 + i)];
    const admittedAt: number[] = [];
    for (const t of times) if ((await limiter.hit('key', t)).allowed) admittedAt.push(t);
    const busiest = Math.max(...admittedAt.map((t) => admittedAt.filter((u) => u > t - MINUTE && u <= t).length));
    expect(busiest).toBe(10);
    expect(admittedAt).toHaveLength(10);
  });

  it('refuses with an exact retryAfterMs: one ms earlier is still refused, then exactly one is admitted', async () => {
    const limiter = await make({ limit: 5, windowMs: MINUTE });
    for (let i = 0; i < 5; i++) await limiter.hit('key', T0 + i * 1_000);
    const now = T0 + 10_000;
    const denial = refused(await limiter.hit('key', now));
    expect(denial.retryAfterMs).toBe(MINUTE - 10_000); // the first admission (at T0) ages out at T0 + 60 s
    expect(denial.resetAt).toBe(T0 + 4_000 + MINUTE);
    refused(await limiter.hit('key', now + denial.retryAfterMs - 1));
    allowed(await limiter.hit('key', now + denial.retryAfterMs));
    refused(await limiter.hit('key', now + denial.retryAfterMs));
  });

  it('does not count refused requests: hammering does not push the retry time back', async () => {
    const limiter = await make({ limit: 2, windowMs: MINUTE });
    await limiter.hit('key', T0);
    await limiter.hit('key', T0);
    const retryAt = new Set<number>();
    for (let t = T0 + 1_000; t < T0 + 20_000; t += 1_000) retryAt.add(t + refused(await limiter.hit('key', t)).retryAfterMs);
    expect([...retryAt]).toEqual([T0 + MINUTE]);
  });

  it('reports resetAt as the moment the whole limit is back', async () => {
    const limiter = await make({ limit: 3, windowMs: MINUTE });
    await limiter.hit('key', T0 + 5_000);
    const second = allowed(await limiter.hit('key', T0 + 6_000));
    expect(second.resetAt).toBe(T0 + 6_000 + MINUTE);
    expect(allowed(await limiter.hit('key', second.resetAt)).remaining).toBe(2);
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
    expect(new Set(admitted.map((d) => d.remaining)).size).toBe(50);
  });

  it('never admits more than `limit` in any rolling window, and refuses only a full window', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 10, max: 5_000 }),
        fc.array(fc.integer({ min: 0, max: 3_000 }), { minLength: 1, maxLength: 40 }),
        async (limit, windowMs, gaps) => {
          const limiter = await make({ limit, windowMs });
          const admitted: number[] = [];
          let t = T0;
          for (const gap of gaps) {
            t += gap;
            const inWindow = admitted.filter((u) => u > t - windowMs).length;
            const decision = await limiter.hit('key', t);
            expect(decision.allowed).toBe(inWindow < limit);
            if (decision.allowed) admitted.push(t);
            else expect(t + decision.retryAfterMs).toBe(admitted.filter((u) => u > t - windowMs)[inWindow - limit]! + windowMs);
          }
        },
      ),
      { numRuns: propertyRuns },
    );
  });
}

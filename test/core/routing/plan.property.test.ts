import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compare, parseUsd, times } from '../../../src/core/billing/money.js';
import { buildRoutingCatalog, planAttempts, pickProbabilities } from '../../../src/core/routing/index.js';
import type { ProviderPreferences, Quantization } from '../../../src/core/routing/types.js';
import { endpoint, inputs, providersOf, seededRandom } from './builders.js';

const PROVIDERS = ['p1', 'p2', 'p3', 'p4', 'p5', 'p6'];
const QUANTS: Quantization[] = ['fp8', 'bf16', 'fp16', 'int4'];

const marketArb = fc
  .uniqueArray(fc.constantFrom(...PROVIDERS), { minLength: 1, maxLength: 6 })
  .chain((providers) =>
    fc.tuple(
      ...providers.map((p) =>
        fc.record({
          provider: fc.constant(p),
          prompt: fc.integer({ min: 1, max: 5_000 }),
          completion: fc.integer({ min: 1, max: 5_000 }),
          quantization: fc.constantFrom(...QUANTS),
          zdr: fc.boolean(),
        }),
      ),
    ),
  )
  .map((specs) =>
    specs.map((s) =>
      endpoint(s.provider, {
        // cents per million tokens → exact decimal strings
        promptPerM: (s.prompt / 100).toFixed(2),
        completionPerM: (s.completion / 100).toFixed(2),
        quantization: s.quantization,
        dataPolicy: { trainsOnData: false, zdr: s.zdr },
      }),
    ),
  );

const prefsArb: fc.Arbitrary<ProviderPreferences> = fc.record(
  {
    order: fc.uniqueArray(fc.constantFrom(...PROVIDERS), { maxLength: 4 }),
    allowFallbacks: fc.boolean(),
    only: fc.uniqueArray(fc.constantFrom(...PROVIDERS), { minLength: 1, maxLength: 4 }),
    ignore: fc.uniqueArray(fc.constantFrom(...PROVIDERS), { maxLength: 3 }),
    quantizations: fc.uniqueArray(fc.constantFrom(...QUANTS), { minLength: 1, maxLength: 3 }),
    zdr: fc.boolean(),
    maxPrice: fc.record({ prompt: fc.integer({ min: 1, max: 5_000 }).map((c) => parseUsd((c / 100).toFixed(2))) }, { requiredKeys: [] }),
    sort: fc.record({ by: fc.constantFrom('price' as const, 'throughput' as const, 'latency' as const), partition: fc.constantFrom('model' as const, 'none' as const) }),
  },
  { requiredKeys: [] },
);

describe('planAttempts properties', () => {
  it('never plans an excluded, ignored, non-`only`, wrong-quantization, non-ZDR or over-price endpoint', () => {
    fc.assert(
      fc.property(marketArb, prefsArb, fc.integer(), (market, provider, seed) => {
        const plan = planAttempts(inputs(market, { request: { provider }, random: seededRandom(seed) }));
        const excludedIds = new Set(plan.excluded.map((x) => x.endpointId));
        for (const { endpoint: e } of plan.attempts) {
          expect(excludedIds.has(e.id)).toBe(false);
          if (provider.ignore) expect(provider.ignore).not.toContain(e.providerSlug);
          if (provider.only) expect(provider.only).toContain(e.providerSlug);
          if (provider.quantizations) expect(provider.quantizations).toContain(e.quantization);
          if (provider.zdr) expect(e.dataPolicy.zdr).toBe(true);
          if (provider.maxPrice?.prompt) expect(compare(times(e.pricing.prompt, 1_000_000), provider.maxPrice.prompt)).toBeLessThanOrEqual(0);
        }
        // Every endpoint is either planned or excluded, exactly once.
        expect(plan.attempts.length + plan.excluded.length).toBe(market.length);
      }),
      { numRuns: 500 },
    );
  });

  it('never goes past `order` when allow_fallbacks is false, and keeps `order` first otherwise', () => {
    fc.assert(
      fc.property(marketArb, fc.uniqueArray(fc.constantFrom(...PROVIDERS), { minLength: 1, maxLength: 4 }), fc.boolean(), (market, order, allowFallbacks) => {
        const plan = planAttempts(inputs(market, { request: { provider: { order, allowFallbacks } } }));
        const planned = providersOf(plan);
        const listed = planned.filter((p) => order.includes(p));
        expect(planned.slice(0, listed.length)).toEqual(listed);
        expect(listed).toEqual([...listed].sort((a, b) => order.indexOf(a) - order.indexOf(b)));
        if (!allowFallbacks) expect(planned.every((p) => order.includes(p))).toBe(true);
        else expect(planned).toHaveLength(market.length);
      }),
      { numRuns: 300 },
    );
  });

  it('draws the first load-balanced pick with probability proportional to 1/price² (100k seeded draws)', () => {
    const market = [
      endpoint('a', { promptPerM: '0.1', completionPerM: '0.1' }),
      endpoint('b', { promptPerM: '0.2', completionPerM: '0.2' }),
      endpoint('c', { promptPerM: '0.4', completionPerM: '0.4' }),
      endpoint('d', { promptPerM: '0.15', completionPerM: '0.25' }),
    ];
    const random = seededRandom(42);
    const counts: Record<string, number> = {};
    const base = inputs(market, { random });
    const draws = 100_000;
    for (let i = 0; i < draws; i++) {
      const first = planAttempts(base).attempts[0]!.endpoint.providerSlug;
      counts[first] = (counts[first] ?? 0) + 1;
    }
    // Expected shares from the definition: weight = 1/price², price = prompt + completion.
    const prices = { a: 0.2, b: 0.4, c: 0.8, d: 0.4 };
    const weights = Object.fromEntries(Object.entries(prices).map(([k, p]) => [k, 1 / p ** 2]));
    const total = Object.values(weights).reduce((x, y) => x + y, 0);
    for (const [provider, w] of Object.entries(weights)) {
      expect(Math.abs(counts[provider]! / draws - w / total)).toBeLessThan(0.005);
    }
  });

  it('gives free endpoints all the probability', () => {
    const market = [endpoint('free', { promptPerM: '0', completionPerM: '0' }), endpoint('paid', { promptPerM: '0.1' })];
    const cheapestFirst = buildRoutingCatalog(market).endpointsOf('meta/llama')!;
    expect(cheapestFirst.map((e) => e.providerSlug)).toEqual(['free', 'paid']);
    expect(pickProbabilities(cheapestFirst)).toEqual([1, 0]);
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { percentOf, parseUsd, times, type Money } from '../../../src/core/billing/money.js';
import { usageCost, worstCaseCost, type BillablePricing } from '../../../src/core/billing/usage-cost.js';
import { byokFee } from '../../../src/core/billing/byok-fee.js';

const claudeSonnet: BillablePricing = {
  prompt: parseUsd('0.000003'),
  completion: parseUsd('0.000015'),
  request: parseUsd('0'),
  image: parseUsd('0'),
  internalReasoning: parseUsd('0'),
  inputCacheRead: parseUsd('0.0000003'),
  inputCacheWrite: parseUsd('0.00000375'),
};

describe('usageCost', () => {
  it('prices each token class at its own price, exactly', () => {
    const cost = usageCost(claudeSonnet, { inputUncached: 1000, inputCacheRead: 10_000, inputCacheWrite: 2000, outputText: 500, outputReasoning: 300 });
    // 1000×3e-6 + 10000×3e-7 + 2000×3.75e-6 + 800×1.5e-5 = 0.003 + 0.003 + 0.0075 + 0.012
    expect(cost.total).toBe(parseUsd('0.0255'));
    // the 10000 cached tokens would have cost 0.03 at the prompt price
    expect(cost.cacheDiscount).toBe(parseUsd('0.027'));
  });

  it('bills reasoning at internal_reasoning when the endpoint prices it separately, and adds the request fee', () => {
    const pricing = { ...claudeSonnet, internalReasoning: parseUsd('0.00002'), request: parseUsd('0.005') };
    const cost = usageCost(pricing, { inputUncached: 0, inputCacheRead: 0, inputCacheWrite: 0, outputText: 0, outputReasoning: 100 });
    expect(cost.total).toBe(parseUsd('0.007'));
  });

  it('is additive: the cost of two usages is the sum of their costs (minus one request fee)', () => {
    const usage = fc.record({
      inputUncached: fc.nat(1_000_000),
      inputCacheRead: fc.nat(1_000_000),
      inputCacheWrite: fc.nat(1_000_000),
      outputText: fc.nat(1_000_000),
      outputReasoning: fc.nat(1_000_000),
    });
    fc.assert(
      fc.property(usage, usage, (a, b) => {
        const both = usageCost(claudeSonnet, {
          inputUncached: a.inputUncached + b.inputUncached,
          inputCacheRead: a.inputCacheRead + b.inputCacheRead,
          inputCacheWrite: a.inputCacheWrite + b.inputCacheWrite,
          outputText: a.outputText + b.outputText,
          outputReasoning: a.outputReasoning + b.outputReasoning,
        }).total;
        expect(both).toBe(usageCost(claudeSonnet, a).total + usageCost(claudeSonnet, b).total - claudeSonnet.request);
      }),
    );
  });
});

describe('worstCaseCost', () => {
  const cheap = { pricing: { prompt: parseUsd('0.0000001'), completion: parseUsd('0.0000002'), request: parseUsd('0'), internalReasoning: parseUsd('0') }, contextLength: 8000, maxCompletionTokens: 4000 };
  const dear = { pricing: { prompt: parseUsd('0.000003'), completion: parseUsd('0.000015'), request: parseUsd('0.001'), internalReasoning: parseUsd('0') }, contextLength: 200_000, maxCompletionTokens: null };

  it('takes the most expensive candidate, with max_tokens bounding the output', () => {
    expect(worstCaseCost([cheap, dear], { bound: 1000, estimate: 1000 }, 500)).toBe(times(parseUsd('0.000003'), 1000) + times(parseUsd('0.000015'), 500) + parseUsd('0.001'));
  });

  it('reserves only the charged share of a BYOK candidate (the fee), rounded up', () => {
    const full = worstCaseCost([dear], { bound: 1000, estimate: 1000 }, 500);
    expect(worstCaseCost([{ ...dear, chargedBasisPoints: 500n }], { bound: 1000, estimate: 1000 }, 500)).toBe(percentOf(full, 500n, 'up'));
    // a platform fallback for the same endpoint keeps the full price in the worst case
    expect(worstCaseCost([{ ...dear, chargedBasisPoints: 500n }, dear], { bound: 1000, estimate: 1000 }, 500)).toBe(full);
  });

  it('without max_tokens assumes the endpoint’s completion limit, or all remaining context', () => {
    expect(worstCaseCost([cheap], { bound: 1000, estimate: 1000 }, null)).toBe(times(parseUsd('0.0000001'), 1000) + times(parseUsd('0.0000002'), 4000));
    expect(worstCaseCost([dear], { bound: 1000, estimate: 1000 }, null)).toBe(times(parseUsd('0.000003'), 1000) + times(parseUsd('0.000015'), 199_000) + parseUsd('0.001'));
  });

  it('prices the prompt bound at the cache-write price when writing the cache costs more, and sizes the output by the estimate', () => {
    const caching = { ...dear, pricing: { ...dear.pricing, inputCacheWrite: parseUsd('0.00000375') } };
    expect(worstCaseCost([caching], { bound: 3000, estimate: 1000 }, 500)).toBe(times(parseUsd('0.00000375'), 3000) + times(parseUsd('0.000015'), 500) + parseUsd('0.001'));
    // the output room is what the context leaves after the estimate, not after the (larger) bound
    expect(worstCaseCost([cheap], { bound: 7_900, estimate: 1_000 }, null)).toBe(times(parseUsd('0.0000001'), 7_900) + times(parseUsd('0.0000002'), 4000));
  });

  it('never reserves less than the actual cost of any usage the endpoints allow', () => {
    fc.assert(
      fc.property(fc.nat(7000), fc.option(fc.nat(8000), { nil: null }), fc.nat(10_000), (prompt, maxTokens, produced) => {
        const output = Math.min(produced, maxTokens ?? Infinity, cheap.maxCompletionTokens, cheap.contextLength - prompt);
        const actual = usageCost({ ...cheap.pricing, image: 0n as Money, inputCacheRead: 0n as Money, inputCacheWrite: 0n as Money }, {
          inputUncached: prompt, inputCacheRead: 0, inputCacheWrite: 0, outputText: output, outputReasoning: 0,
        }).total;
        expect(worstCaseCost([cheap, dear], { bound: prompt, estimate: prompt }, maxTokens) >= actual).toBe(true);
      }),
    );
  });
});

describe('byokFee', () => {
  const terms = { basisPoints: 500n, freeRequestsPerMonth: 1_000_000 };
  it('is free within the monthly allowance, then 5 % rounded up to the pico-dollar', () => {
    expect(byokFee(parseUsd('1'), 999_999, terms)).toBe(0n);
    expect(byokFee(parseUsd('1'), 1_000_000, terms)).toBe(parseUsd('0.05'));
    expect(byokFee(money3(), 1_000_000, terms)).toBe(1n);
  });
});

const money3 = () => 3n as Money; // 5 % of 3 pico = 0.15 pico → 1 pico

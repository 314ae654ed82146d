import { describe, expect, it } from 'vitest';
import { parseUsd } from '../../../src/core/billing/money.js';
import { planAttempts, explainNoRoute, describeExclusion } from '../../../src/core/routing/index.js';
import { endpoint, healthOf, inputs, providersOf, seededRandom } from './builders.js';

const market = [
  endpoint('cheap', { promptPerM: '0.1', completionPerM: '0.1', quantization: 'fp8' }),
  endpoint('mid', { promptPerM: '0.5', completionPerM: '0.5', quantization: 'bf16' }),
  endpoint('pricey', { promptPerM: '2', completionPerM: '2', quantization: 'fp16', dataPolicy: { trainsOnData: false, zdr: true } }),
  endpoint('trainer', { promptPerM: '0.2', completionPerM: '0.2', quantization: 'int8', dataPolicy: { trainsOnData: true, zdr: false } }),
];

const exclusionCodes = (plan: ReturnType<typeof planAttempts>) =>
  Object.fromEntries(plan.excluded.map((x) => [x.providerSlug, x.reason.code]));

describe('planAttempts: filters', () => {
  it.each([
    ['only', { only: ['mid', 'pricey'] }, ['cheap', 'trainer'], 'not_in_only'],
    ['ignore', { ignore: ['cheap'] }, ['cheap'], 'ignored'],
    ['quantizations', { quantizations: ['bf16', 'fp16'] as const }, ['cheap', 'trainer'], 'quantization'],
    ['data_collection deny', { dataCollection: 'deny' as const }, ['trainer'], 'data_collection'],
    ['zdr', { zdr: true }, ['cheap', 'mid', 'trainer'], 'zdr'],
    ['max_price prompt', { maxPrice: { prompt: parseUsd('0.3') } }, ['mid', 'pricey'], 'max_price'],
  ])('%s excludes exactly the providers it names, with a reason', (_name, provider, excludedProviders, code) => {
    const plan = planAttempts(inputs(market, { request: { provider: { ...provider, quantizations: 'quantizations' in provider ? [...provider.quantizations] : undefined } } }));
    expect(Object.keys(exclusionCodes(plan)).sort()).toEqual([...excludedProviders].sort());
    for (const p of excludedProviders) expect(exclusionCodes(plan)[p]).toBe(code);
    for (const p of providersOf(plan)) expect(excludedProviders).not.toContain(p);
  });

  it('says in words why a quantization was excluded', () => {
    const plan = planAttempts(inputs(market, { request: { provider: { quantizations: ['bf16', 'fp16'] } } }));
    const cheap = plan.excluded.find((x) => x.providerSlug === 'cheap')!;
    expect(describeExclusion(cheap.reason)).toBe('excluded: quantization fp8 not in [bf16, fp16]');
  });

  it('requires tools and response_format always, other parameters only with require_parameters', () => {
    const noTools = [endpoint('a', { supportedParameters: ['max_tokens'] }), endpoint('b')];
    expect(providersOf(planAttempts(inputs(noTools, { request: { usedParameters: ['tools'] } })))).toEqual(['b']);
    const noSeed = [endpoint('a', { supportedParameters: ['max_tokens', 'tools'] }), endpoint('b')];
    expect(providersOf(planAttempts(inputs(noSeed, { request: { usedParameters: ['seed'] } }))).sort()).toEqual(['a', 'b']);
    const strict = planAttempts(inputs(noSeed, { request: { usedParameters: ['seed'], provider: { requireParameters: true } } }));
    expect(providersOf(strict)).toEqual(['b']);
    expect(strict.excluded[0]!.reason).toEqual({ code: 'missing_parameters', missing: ['seed'] });
  });

  it('fits prompt plus max_tokens into the context and max_tokens under the completion limit', () => {
    const records = [
      endpoint('small', { contextLength: 8_192 }),
      endpoint('capped', { maxCompletionTokens: 1_000 }),
      endpoint('big', { contextLength: 200_000 }),
    ];
    const plan = planAttempts(inputs(records, { request: { promptTokens: 8_000, maxTokens: 2_000 } }));
    expect(providersOf(plan)).toEqual(['big']);
    expect(exclusionCodes(plan)).toEqual({ small: 'context_length', capped: 'max_completion_tokens' });
  });

  it('excludes endpoints that cannot take image input, and disabled endpoints', () => {
    const records = [endpoint('vision', { inputModalities: ['text', 'image'] }), endpoint('text'), endpoint('off', { status: 'disabled', inputModalities: ['text', 'image'] })];
    const plan = planAttempts(inputs(records, { request: { inputModalities: ['image'] } }));
    expect(providersOf(plan)).toEqual(['vision']);
    expect(exclusionCodes(plan)).toEqual({ text: 'input_modality', off: 'endpoint_disabled' });
  });

  it('excludes an endpoint whose circuit is open', () => {
    const plan = planAttempts(inputs(market, { health: healthOf({ 'meta/llama@cheap': { significantOutage: true, breaker: 'open' } }) }));
    expect(exclusionCodes(plan)).toEqual({ cheap: 'circuit_open' });
  });
});

describe('planAttempts: order, fallbacks and sort', () => {
  it('tries `order` first in the given order, then the rest cheapest first', () => {
    const plan = planAttempts(inputs(market, { request: { provider: { order: ['pricey', 'mid'] } } }));
    expect(plan.mode).toBe('ordered');
    expect(providersOf(plan)).toEqual(['pricey', 'mid', 'cheap', 'trainer']);
    expect(plan.attempts.map((a) => a.reason)).toEqual(['order', 'order', 'price_fallback', 'price_fallback']);
  });

  it('never goes past `order` when allow_fallbacks is false', () => {
    const plan = planAttempts(inputs(market, { request: { provider: { order: ['pricey', 'mid'], allowFallbacks: false } } }));
    expect(providersOf(plan)).toEqual(['pricey', 'mid']);
    expect(exclusionCodes(plan)).toEqual({ cheap: 'fallbacks_disabled', trainer: 'fallbacks_disabled' });
  });

  it('keeps a single provider per model without order when allow_fallbacks is false', () => {
    const plan = planAttempts(inputs(market, { request: { provider: { allowFallbacks: false } } }));
    expect(plan.attempts).toHaveLength(1);
    expect(plan.excluded).toHaveLength(3);
  });

  it('sorts by price, throughput or latency, unmeasured last', () => {
    const health = healthOf({
      'meta/llama@cheap': { significantOutage: false, breaker: 'closed', throughput: { p50: 40 }, latencySeconds: { p50: 0.9 } },
      'meta/llama@mid': { significantOutage: false, breaker: 'closed', throughput: { p50: 300 }, latencySeconds: { p50: 0.2 } },
      'meta/llama@pricey': { significantOutage: false, breaker: 'closed', throughput: { p50: 90 }, latencySeconds: { p50: 0.5 } },
    });
    const sorted = (by: 'price' | 'throughput' | 'latency') =>
      providersOf(planAttempts(inputs(market, { health, request: { provider: { sort: { by, partition: 'model' } } } })));
    expect(sorted('price')).toEqual(['cheap', 'trainer', 'mid', 'pricey']);
    expect(sorted('throughput')).toEqual(['mid', 'pricey', 'cheap', 'trainer']);
    expect(sorted('latency')).toEqual(['mid', 'pricey', 'cheap', 'trainer']);
  });

  it('keeps models in order with partition "model" and mixes them with partition "none"', () => {
    const records = [
      endpoint('x', { modelId: 'a/big', promptPerM: '3', completionPerM: '3' }),
      endpoint('y', { modelId: 'a/small', promptPerM: '0.1', completionPerM: '0.1' }),
    ];
    const request = (partition: 'model' | 'none') => ({ models: ['a/big', 'a/small'], provider: { sort: { by: 'price' as const, partition } } });
    expect(planAttempts(inputs(records, { request: request('model') })).attempts.map((a) => a.modelId)).toEqual(['a/big', 'a/small']);
    expect(planAttempts(inputs(records, { request: request('none') })).attempts.map((a) => a.modelId)).toEqual(['a/small', 'a/big']);
  });

  it('falls back across models in the requested order and reports unknown models', () => {
    const records = [endpoint('x', { modelId: 'a/one' }), endpoint('y', { modelId: 'b/two' })];
    const plan = planAttempts(inputs(records, { request: { models: ['nobody/none', 'b/two', 'a/one'] } }));
    expect(plan.attempts.map((a) => a.modelId)).toEqual(['b/two', 'a/one']);
    expect(plan.unknownModels).toEqual(['nobody/none']);
  });
});

describe('planAttempts: load balancing, preferences, BYOK and sticky', () => {
  it('draws one stable endpoint by 1/price² and puts the rest cheapest first, unstable last', () => {
    const health = healthOf({ 'meta/llama@cheap': { significantOutage: true, breaker: 'closed' } });
    const plan = planAttempts(inputs(market, { health, random: () => 0.999 }));
    expect(plan.mode).toBe('load-balanced');
    expect(plan.attempts[0]!.reason).toBe('weighted_pick');
    expect(providersOf(plan).at(-1)).toBe('cheap');
    expect(plan.attempts.at(-1)!.reason).toBe('unstable_fallback');
    const stableTail = plan.attempts.slice(1, -1);
    expect(stableTail.every((a) => a.reason === 'price_fallback')).toBe(true);
    const prices = stableTail.map((a) => a.endpoint.blendedPrice);
    expect(prices).toEqual([...prices].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it('tries fallback-only endpoints (uptime < 80 %) after every stable one', () => {
    const health = healthOf({ 'meta/llama@cheap': { significantOutage: false, breaker: 'closed', status: 'fallback_only' } });
    for (const seed of [1, 2, 3, 4, 5]) {
      const plan = planAttempts(inputs(market, { health, random: seededRandom(seed) }));
      expect(plan.attempts.at(-1)).toMatchObject({ reason: 'unstable_fallback', endpoint: { providerSlug: 'cheap' } });
    }
  });

  it('deprioritises endpoints below preferred throughput or above preferred latency, without excluding them', () => {
    const health = healthOf({
      'meta/llama@cheap': { significantOutage: false, breaker: 'closed', throughput: { p50: 10 } },
      'meta/llama@trainer': { significantOutage: false, breaker: 'closed', latencySeconds: { p50: 5 } },
    });
    const plan = planAttempts(
      inputs(market, { health, request: { provider: { sort: { by: 'price', partition: 'model' }, preferredMinThroughput: 50, preferredMaxLatency: { p50: 2 } } } }),
    );
    expect(providersOf(plan)).toEqual(['mid', 'pricey', 'cheap', 'trainer']);
    expect(plan.excluded).toEqual([]);
  });

  it('tries the account’s BYOK providers first', () => {
    const plan = planAttempts(inputs(market, { account: { byokProviders: new Set(['pricey']) } }));
    expect(plan.attempts[0]).toMatchObject({ reason: 'byok', endpoint: { providerSlug: 'pricey' } });
  });

  it('keeps a sticky conversation on its provider while it is healthy', () => {
    const sticky = { providerFor: () => 'pricey' };
    const plan = planAttempts(inputs(market, { sticky, request: { stickyKey: 'session:1' } }));
    expect(plan.attempts[0]).toMatchObject({ reason: 'sticky', endpoint: { providerSlug: 'pricey' } });
    const unhealthy = healthOf({ 'meta/llama@pricey': { significantOutage: true, breaker: 'closed' } });
    const moved = planAttempts(inputs(market, { sticky, health: unhealthy, request: { stickyKey: 'session:1' } }));
    expect(moved.attempts[0]!.endpoint.providerSlug).not.toBe('pricey');
  });
});

describe('explainNoRoute', () => {
  it('names every provider and the filter that excluded it', () => {
    const plan = planAttempts(inputs(market, { request: { models: ['meta/llama', 'ghost/model'], provider: { zdr: true, ignore: ['pricey'] } } }));
    expect(plan.attempts).toEqual([]);
    const { message, metadata } = explainNoRoute(plan);
    expect(message).toContain('unknown model(s) [ghost/model]');
    expect(message).toContain('pricey (meta/llama) excluded: provider is in provider.ignore');
    expect(message).toContain('cheap (meta/llama) excluded: provider does not offer zero data retention');
    expect(metadata.excluded.map((x) => x.provider).sort()).toEqual(['cheap', 'mid', 'pricey', 'trainer']);
  });
});

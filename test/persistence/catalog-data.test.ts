import { describe, it, expect } from 'vitest';
import { seedEndpoints, seedModels, seedProviders } from '../../src/persistence/seed/catalog-data.js';
import { importedPrice, type SeedEndpoint, type SeedPricing } from '../../src/persistence/seed/catalog-data.js';

const PRICE_RE = /^\d+(\.\d{1,12})?$/;
const PRICE_FIELDS: (keyof SeedPricing)[] = [
  'prompt',
  'completion',
  'request',
  'image',
  'webSearch',
  'internalReasoning',
  'inputCacheRead',
  'inputCacheWrite',
];
const KNOWN_PARAMS = new Set([
  'tools', 'tool_choice', 'max_tokens', 'temperature', 'top_p', 'top_k', 'stop', 'seed',
  'frequency_penalty', 'presence_penalty', 'repetition_penalty', 'min_p', 'logit_bias', 'logprobs',
  'top_logprobs', 'response_format', 'structured_outputs', 'reasoning', 'include_reasoning',
  'parallel_tool_calls', 'reasoning_effort', 'verbosity', 'web_search_options',
]);

const providerSlugs = new Set(seedProviders.map((p) => p.slug));
const modelById = new Map(seedModels.map((m) => [m.id, m]));

function endpointsByModel(): Map<string, SeedEndpoint[]> {
  const out = new Map<string, SeedEndpoint[]>();
  for (const e of seedEndpoints) {
    const list = out.get(e.model) ?? [];
    list.push(e);
    out.set(e.model, list);
  }
  return out;
}

describe('seed catalog data', () => {
  it('has enough providers, models and endpoints', () => {
    expect(seedProviders.length).toBeGreaterThanOrEqual(15);
    expect(seedModels.length).toBeGreaterThanOrEqual(180);
    expect(seedEndpoints.length).toBeGreaterThanOrEqual(240);
  });

  it("has today's models at their list price, on their author's provider", () => {
    const sonnet = seedEndpoints.find((e) => e.model === 'anthropic/claude-sonnet-4.5');
    expect(sonnet).toMatchObject({ provider: 'anthropic', providerModelId: 'claude-sonnet-4-5', contextLength: 1000000, maxCompletionTokens: 64000 });
    expect(sonnet!.pricing).toMatchObject({ prompt: '0.000003', completion: '0.000015', inputCacheRead: '0.0000003', inputCacheWrite: '0.00000375', webSearch: '0.01' });
    expect(modelById.get('anthropic/claude-sonnet-4.5')).toMatchObject({ name: 'Anthropic: Claude Sonnet 4.5', inputModalities: ['text', 'image', 'file'] });
    for (const [model, provider] of [['openai/gpt-5', 'openai'], ['google/gemini-3-pro-preview', 'google'], ['x-ai/grok-4', 'xai'], ['qwen/qwen3-max', 'alibaba'], ['minimax/minimax-m2', 'minimax'], ['deepseek/deepseek-v3.2', 'deepseek']]) {
      expect(seedEndpoints.some((e) => e.model === model && e.provider === provider), `${model}@${provider}`).toBe(true);
    }
    // Variants and OpenRouter's own routers are not models.
    expect(seedModels.some((m) => m.id.includes(':') || m.id.startsWith('openrouter/'))).toBe(false);
  });

  it('rounds prices printed with more than 12 decimals half up to the pico-dollar', () => {
    const at = (model: string, provider: string) => seedEndpoints.find((e) => e.model === model && e.provider === provider)!.pricing;
    // OpenRouter prints 0.00000008333333333333334 (1/12 of a micro-dollar) and 0.00000020000000000000002.
    expect(at('google/gemini-2.5-flash', 'google').inputCacheWrite).toBe('0.000000083333');
    expect(at('qwen/qwen-2.5-coder-32b-instruct', 'alibaba')).toMatchObject({ prompt: '0.0000002', completion: '0.0000002' });
    expect(importedPrice('0.0000000000005')).toBe('0.000000000001');
    expect(importedPrice('0.00000000000049')).toBe('0');
  });

  it('gives every provider a display name no other provider uses as a name or slug', () => {
    const names = seedProviders.map((p) => p.name.toLowerCase());
    expect(new Set(names).size).toBe(names.length);
    for (const p of seedProviders) {
      const other = seedProviders.find((q) => q !== p && q.slug === p.name.toLowerCase());
      expect(other, p.name).toBeUndefined();
    }
    expect(seedProviders.find((p) => p.slug === 'deepinfra')?.name).toBe('DeepInfra');
  });

  it('has unique provider slugs, model ids and (model, provider) pairs', () => {
    expect(providerSlugs.size).toBe(seedProviders.length);
    expect(modelById.size).toBe(seedModels.length);
    const pairs = new Set(seedEndpoints.map((e) => `${e.model}\u0000${e.provider}`));
    expect(pairs.size).toBe(seedEndpoints.length);
  });

  it('includes the core first-party providers with sane URLs', () => {
    for (const slug of ['openai', 'anthropic', 'google', 'together', 'fireworks', 'deepinfra', 'groq', 'mistral', 'deepseek']) {
      expect(providerSlugs.has(slug), slug).toBe(true);
    }
    expect(seedProviders.find((p) => p.slug === 'anthropic')?.family).toBe('anthropic');
    expect(seedProviders.find((p) => p.slug === 'google')?.family).toBe('gemini');
    for (const p of seedProviders) {
      expect(p.baseUrl, p.slug).toMatch(/^https:\/\//);
      expect(p.privacyPolicyUrl, p.slug).toMatch(/^https:\/\//);
      expect(p.termsOfServiceUrl, p.slug).toMatch(/^https:\/\//);
      if (p.statusPageUrl !== null) expect(p.statusPageUrl, p.slug).toMatch(/^https:\/\//);
      if (!p.dataPolicy.retainsPrompts) expect(p.dataPolicy.retentionDays, p.slug).toBeNull();
    }
  });

  it('endpoints reference existing models and providers', () => {
    for (const e of seedEndpoints) {
      expect(modelById.has(e.model), `unknown model ${e.model}`).toBe(true);
      expect(providerSlugs.has(e.provider), `unknown provider ${e.provider}`).toBe(true);
    }
  });

  it('every model has at least one endpoint', () => {
    const served = new Set(seedEndpoints.map((e) => e.model));
    for (const m of seedModels) expect(served.has(m.id), m.id).toBe(true);
  });

  it('endpoint context length never exceeds the model context length', () => {
    for (const e of seedEndpoints) {
      const model = modelById.get(e.model);
      expect(model).toBeDefined();
      expect(e.contextLength, `${e.model}@${e.provider}`).toBeGreaterThan(0);
      expect(e.contextLength, `${e.model}@${e.provider}`).toBeLessThanOrEqual(model?.contextLength ?? 0);
      if (e.maxCompletionTokens !== null) {
        expect(e.maxCompletionTokens, `${e.model}@${e.provider}`).toBeGreaterThan(0);
        expect(e.maxCompletionTokens, `${e.model}@${e.provider}`).toBeLessThanOrEqual(e.contextLength);
      }
    }
  });

  it('every price is an exact decimal string with at most 12 decimal places', () => {
    for (const e of seedEndpoints) {
      for (const field of PRICE_FIELDS) {
        expect(e.pricing[field], `${e.model}@${e.provider}.${field}`).toMatch(PRICE_RE);
      }
    }
  });

  it('is free only where the source lists a model free', () => {
    const free = seedEndpoints.filter((e) => e.pricing.prompt === '0' && e.pricing.completion === '0').map((e) => `${e.model}@${e.provider}`);
    expect(free.sort()).toEqual(['qwen/qwen3-vl-235b-a22b-thinking@alibaba', 'qwen/qwen3-vl-30b-a3b-thinking@alibaba']);
  });

  it('uses only known OpenRouter parameter names, without duplicates', () => {
    for (const e of seedEndpoints) {
      expect(new Set(e.supportedParameters).size, `${e.model}@${e.provider}`).toBe(e.supportedParameters.length);
      for (const p of e.supportedParameters) expect(KNOWN_PARAMS.has(p), `${e.model}@${e.provider}: ${p}`).toBe(true);
    }
  });

  it('serves first-party models on their own provider', () => {
    const has = (model: string, provider: string) =>
      seedEndpoints.some((e) => e.model === model && e.provider === provider);
    for (const m of seedModels) {
      const author = m.id.split('/')[0];
      // gpt-oss is OpenAI's open-weight release: hosted by others, not by OpenAI's API.
      if (author === 'openai' && !m.id.startsWith('openai/gpt-oss')) expect(has(m.id, 'openai'), m.id).toBe(true);
      if (author === 'anthropic') expect(has(m.id, 'anthropic'), m.id).toBe(true);
      if (author === 'google') expect(has(m.id, 'google'), m.id).toBe(true);
      if (author === 'x-ai') expect(has(m.id, 'xai'), m.id).toBe(true);
    }
  });

  it('has open-weight models with real routing choices (3+ providers, 2+ prices, 2+ quantizations)', () => {
    const candidates = [...endpointsByModel().entries()].filter(([, eps]) => {
      const prices = new Set(eps.map((e) => `${e.pricing.prompt}/${e.pricing.completion}`));
      const quants = new Set(eps.map((e) => e.quantization));
      return eps.length >= 3 && prices.size >= 2 && quants.size >= 2;
    });
    expect(candidates.map(([id]) => id)).toEqual(expect.arrayContaining(['meta-llama/llama-3.3-70b-instruct', 'meta-llama/llama-4-scout', 'deepseek/deepseek-r1-0528', 'qwen/qwen3-235b-a22b']));
    expect(endpointsByModel().get('openai/gpt-oss-120b')!.map((e) => e.provider).sort()).toEqual(['deepinfra', 'fireworks', 'groq', 'novita', 'together']);
    expect(candidates.length).toBeGreaterThanOrEqual(12);
  });
});

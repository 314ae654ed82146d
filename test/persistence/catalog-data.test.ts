import { describe, it, expect } from 'vitest';
import { seedEndpoints, seedModels, seedProviders } from '../../src/persistence/seed/catalog-data.js';
import type { SeedEndpoint, SeedPricing } from '../../src/persistence/seed/catalog-data.js';

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
  'parallel_tool_calls',
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
    expect(seedProviders.length).toBeGreaterThanOrEqual(8);
    expect(seedModels.length).toBeGreaterThanOrEqual(15);
    expect(seedEndpoints.length).toBeGreaterThanOrEqual(30);
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
      expect(Number(e.pricing.prompt) + Number(e.pricing.completion), `${e.model}@${e.provider}`).toBeGreaterThan(0);
    }
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
      if (author === 'openai') expect(has(m.id, 'openai'), m.id).toBe(true);
      if (author === 'anthropic') expect(has(m.id, 'anthropic'), m.id).toBe(true);
      if (author === 'google') expect(has(m.id, 'google'), m.id).toBe(true);
    }
  });

  it('has an open-weight model with real routing choices (3+ providers, 2+ prices, 2+ quantizations)', () => {
    const candidates = [...endpointsByModel().entries()].filter(([, eps]) => {
      const prices = new Set(eps.map((e) => `${e.pricing.prompt}/${e.pricing.completion}`));
      const quants = new Set(eps.map((e) => e.quantization));
      return eps.length >= 3 && prices.size >= 2 && quants.size >= 2;
    });
    expect(candidates.map(([id]) => id)).toContain('meta-llama/llama-3.3-70b-instruct');
  });
});

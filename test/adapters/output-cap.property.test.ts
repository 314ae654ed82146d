import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { adapterFor, type WireFamily } from '../../src/adapters/index.js';
import type { ReasoningConfig, ReasoningEffort } from '../../src/core/llm/request.js';
import { productionTarget } from './support.js';

/** Reads the output cap and the thinking budget each family put on the wire. */
const CASES: { family: WireFamily; slug: string; baseUrl: string; read(body: any): { cap: number | undefined; budget: number | undefined } }[] = [
  { family: 'openai', slug: 'openai', baseUrl: 'https://api.openai.com/v1', read: (b) => ({ cap: b.max_completion_tokens, budget: undefined }) },
  { family: 'openai', slug: 'openrouter', baseUrl: 'https://openrouter.ai/api/v1', read: (b) => ({ cap: b.max_tokens, budget: b.reasoning?.max_tokens }) },
  { family: 'anthropic', slug: 'anthropic', baseUrl: 'https://api.anthropic.com/v1', read: (b) => ({ cap: b.max_tokens, budget: b.thinking?.budget_tokens }) },
  {
    family: 'gemini',
    slug: 'google',
    baseUrl: 'https://generativelanguage.googleapis.com',
    read: (b) => ({ cap: b.generationConfig?.maxOutputTokens, budget: b.generationConfig?.thinkingConfig?.thinkingBudget }),
  },
];

const EFFORTS: ReasoningEffort[] = ['none', 'minimal', 'low', 'medium', 'high', 'xhigh', 'max'];
const reasoningArb: fc.Arbitrary<ReasoningConfig | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.constant({}),
  fc.constantFrom(...EFFORTS).map((effort) => ({ effort })),
  fc.integer({ min: 1, max: 300_000 }).map((maxTokens) => ({ maxTokens })),
);

describe('output cap: reasoning never raises what a request may generate', () => {
  it.each(CASES)('$family ($slug): the cap sent is the request cap, and a thinking budget stays inside it', ({ family, slug, baseUrl, read }) => {
    const target = productionTarget(family, slug, 'model', { baseUrl, apiKey: 'k' });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200_000 }), reasoningArb, fc.boolean(), (maxTokens, reasoning, stream) => {
        const built = adapterFor(family).buildRequest({ messages: [{ role: 'user', content: 'hi' }], maxTokens, ...(reasoning && { reasoning }) }, target, { stream });
        const { cap, budget } = read(JSON.parse(built.body));
        expect(cap).toBe(maxTokens);
        if (budget !== undefined) {
          expect(budget).toBeLessThanOrEqual(maxTokens);
          if (family === 'anthropic') expect(budget).toBeLessThan(maxTokens);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('effort is a share of the cap (OpenRouter ratios), on Anthropic and Gemini alike', () => {
    const budgets = (family: 'anthropic' | 'gemini', slug: string, baseUrl: string) =>
      (['minimal', 'low', 'medium', 'high', 'xhigh'] as const).map((effort) => {
        const body = JSON.parse(adapterFor(family).buildRequest({ messages: [{ role: 'user', content: 'hi' }], maxTokens: 20_000, reasoning: { effort } }, productionTarget(family, slug, 'm', { baseUrl }), { stream: false }).body);
        return family === 'anthropic' ? body.thinking.budget_tokens : body.generationConfig.thinkingConfig.thinkingBudget;
      });
    expect(budgets('anthropic', 'anthropic', 'https://api.anthropic.com')).toEqual([2_000, 4_000, 10_000, 16_000, 19_000]);
    expect(budgets('gemini', 'google', 'https://generativelanguage.googleapis.com')).toEqual([2_000, 4_000, 10_000, 16_000, 19_000]);
  });

  it('the issue case: a 300-token cap with effort high stays 300 on Anthropic and thinks at most 240 on Gemini', () => {
    const request = { messages: [{ role: 'user' as const, content: 'hi' }], maxTokens: 300, reasoning: { effort: 'high' as const } };
    const anthropic = JSON.parse(adapterFor('anthropic').buildRequest(request, productionTarget('anthropic', 'anthropic', 'm', { baseUrl: 'https://api.anthropic.com/v1' }), { stream: true }).body);
    const gemini = JSON.parse(adapterFor('gemini').buildRequest(request, productionTarget('gemini', 'google', 'm', { baseUrl: 'https://generativelanguage.googleapis.com' }), { stream: true }).body);
    expect(anthropic.max_tokens).toBe(300);
    expect(anthropic.thinking).toBeUndefined();
    expect(gemini.generationConfig).toMatchObject({ maxOutputTokens: 300, thinkingConfig: { thinkingBudget: 240 } });
  });

  it('OpenAI reasoning models get max_completion_tokens and the developer role; a token budget becomes the nearest effort', () => {
    const built = adapterFor('openai').buildRequest(
      { messages: [{ role: 'developer', content: 'Be terse.' }, { role: 'user', content: 'hi' }], maxTokens: 1000, reasoning: { maxTokens: 800 } },
      productionTarget('openai', 'openai', 'o3', { baseUrl: 'https://api.openai.com/v1', apiKey: 'sk' }),
      { stream: false },
    );
    const body = JSON.parse(built.body);
    expect(body).toMatchObject({ max_completion_tokens: 1000, reasoning_effort: 'high', messages: [{ role: 'developer' }, { role: 'user' }] });
    expect(body).not.toHaveProperty('max_tokens');
  });
});

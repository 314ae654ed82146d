/**
 * The built-in catalog: providers (providers.ts) and the models and endpoints of the JSON data files
 * (catalog-files.ts describes them; docs/catalog.md how they are made). Loaded and checked once, at import.
 *
 * Prices arrive as their sources print them; a price with more than 12 decimals (OpenRouter prints
 * float artefacts such as '0.00000020000000000000002') is rounded half up to the pico-dollar here,
 * once, so everything downstream holds exact 12-decimal strings.
 */

import { formatUsd, parseUsdRounded } from '../../core/billing/money.js';
import type { SeedEndpoint, SeedModel, SeedPricing } from './catalog-types.js';
import { authorFileSchema, hostedFileSchema, type FilePricing } from './catalog-files.js';
import { seedProviders } from './providers.js';
import anthropic from './data/anthropic.json' with { type: 'json' };
import deepseek from './data/deepseek.json' with { type: 'json' };
import google from './data/google.json' with { type: 'json' };
import metaLlama from './data/meta-llama.json' with { type: 'json' };
import minimax from './data/minimax.json' with { type: 'json' };
import mistralai from './data/mistralai.json' with { type: 'json' };
import openai from './data/openai.json' with { type: 'json' };
import qwen from './data/qwen.json' with { type: 'json' };
import xAi from './data/x-ai.json' with { type: 'json' };
import hostedDeepseek from './hosted/deepseek.json' with { type: 'json' };
import hostedMetaLlama from './hosted/meta-llama.json' with { type: 'json' };
import hostedMistralai from './hosted/mistralai.json' with { type: 'json' };
import hostedOpenai from './hosted/openai.json' with { type: 'json' };
import hostedQwen from './hosted/qwen.json' with { type: 'json' };

export * from './catalog-types.js';
export { seedProviders } from './providers.js';

/** The rounding rule for imported prices (see docs/catalog.md). */
export const importedPrice = (decimal: string): string => formatUsd(parseUsdRounded(decimal, 'half-up'));

const toPricing = (p: FilePricing): SeedPricing => ({
  prompt: importedPrice(p.prompt ?? '0'),
  completion: importedPrice(p.completion ?? '0'),
  request: importedPrice(p.request ?? '0'),
  image: importedPrice(p.image ?? '0'),
  webSearch: importedPrice(p.webSearch ?? '0'),
  internalReasoning: importedPrice(p.internalReasoning ?? '0'),
  inputCacheRead: importedPrice(p.inputCacheRead ?? '0'),
  inputCacheWrite: importedPrice(p.inputCacheWrite ?? '0'),
});

const authors = [anthropic, deepseek, google, metaLlama, minimax, mistralai, openai, qwen, xAi].map((f) => authorFileSchema.parse(f));
const hosted = [hostedDeepseek, hostedMetaLlama, hostedMistralai, hostedOpenai, hostedQwen].flatMap((f) => hostedFileSchema.parse(f).endpoints);

export const seedEndpoints: readonly SeedEndpoint[] = [
  ...authors.flatMap((file) =>
    file.models.flatMap((m) => (m.endpoint ? [{ ...m.endpoint, model: m.id, provider: file.provider, pricing: toPricing(m.endpoint.pricing) }] : [])),
  ),
  ...hosted.map((e) => ({ ...e, pricing: toPricing(e.pricing) })),
];

// A model's context length is the longest any of its endpoints serves (OpenRouter lists one provider's).
const longest = new Map<string, number>();
for (const e of seedEndpoints) longest.set(e.model, Math.max(longest.get(e.model) ?? 0, e.contextLength));

export const seedModels: readonly SeedModel[] = authors.flatMap((file) =>
  file.models.map(({ endpoint: _endpoint, ...m }) => ({ ...m, contextLength: Math.max(m.contextLength, longest.get(m.id) ?? 0) })),
);

// A data file naming a provider or model that does not exist is a build error, not a runtime surprise.
const providerSlugs = new Set(seedProviders.map((p) => p.slug));
const modelIds = new Set(seedModels.map((m) => m.id));
for (const e of seedEndpoints) {
  if (!providerSlugs.has(e.provider)) throw new Error(`catalog data: endpoint of ${e.model} names unknown provider ${e.provider}`);
  if (!modelIds.has(e.model)) throw new Error(`catalog data: endpoint on ${e.provider} names unknown model ${e.model}`);
}

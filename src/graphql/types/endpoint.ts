import { builder } from '../builder.js';
import { loadAll } from '../loaders.js';
import type { Endpoint, Pricing } from '../../persistence/entities/index.js';
import { CatalogOriginEnum, EndpointStatusEnum, QuantizationEnum } from './enums.js';
import { ProviderRef } from './provider.js';
import { ModelRef } from './model-ref.js';

const PricingRef = builder.objectRef<Pricing>('Pricing').implement({
  description: 'List price in USD per token (prompt, completion, cache, reasoning) or per unit (request, image, web search).',
  fields: (t) => ({
    prompt: t.field({ type: 'Money', resolve: (p) => p.prompt }),
    completion: t.field({ type: 'Money', resolve: (p) => p.completion }),
    request: t.field({ type: 'Money', resolve: (p) => p.request }),
    image: t.field({ type: 'Money', resolve: (p) => p.image }),
    webSearch: t.field({ type: 'Money', resolve: (p) => p.webSearch }),
    internalReasoning: t.field({ type: 'Money', resolve: (p) => p.internalReasoning }),
    inputCacheRead: t.field({ type: 'Money', resolve: (p) => p.inputCacheRead }),
    inputCacheWrite: t.field({ type: 'Money', resolve: (p) => p.inputCacheWrite }),
  }),
});

export const EndpointRef = builder.objectRef<Endpoint>('Endpoint');

builder.node(EndpointRef, {
  description: 'A model as served by one provider.',
  id: { resolve: (e) => e.id },
  loadMany: (ids, ctx) => loadAll(ctx.loaders.endpoint, ids),
  isTypeOf: (value) => typeof value === 'object' && value !== null && 'providerModelId' in value,
  fields: (t) => ({
    model: t.field({
      type: ModelRef,
      resolve: async (e, _args, ctx) => (await ctx.loaders.model.load(e.model.id))!,
    }),
    provider: t.field({
      type: ProviderRef,
      resolve: async (e, _args, ctx) => (await ctx.loaders.provider.load(e.provider.slug))!,
    }),
    providerModelId: t.exposeString('providerModelId', { description: "The model's id in the provider's own API." }),
    contextLength: t.exposeInt('contextLength'),
    maxCompletionTokens: t.exposeInt('maxCompletionTokens', { nullable: true }),
    quantization: t.field({ type: QuantizationEnum, resolve: (e) => e.quantization }),
    supportedParameters: t.exposeStringList('supportedParameters'),
    pricing: t.field({ type: PricingRef, resolve: (e) => e.pricing }),
    status: t.field({ type: EndpointStatusEnum, resolve: (e) => e.status }),
    origin: t.field({ type: CatalogOriginEnum, resolve: (e) => e.origin }),
  }),
});

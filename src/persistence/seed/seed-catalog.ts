import type { EntityManager } from '@mikro-orm/postgresql';
import { parseUsd } from '../../core/billing/money.js';
import { EndpointSchema, ModelSchema, ProviderSchema } from '../entities/index.js';
import { seedEndpoints, seedModels, seedProviders, type SeedPricing } from './catalog-data.js';

export interface SeedResult {
  providers: number;
  models: number;
  endpoints: number;
}

const toPricing = (p: SeedPricing) => ({
  prompt: parseUsd(p.prompt),
  completion: parseUsd(p.completion),
  request: parseUsd(p.request),
  image: parseUsd(p.image),
  webSearch: parseUsd(p.webSearch),
  internalReasoning: parseUsd(p.internalReasoning),
  inputCacheRead: parseUsd(p.inputCacheRead),
  inputCacheWrite: parseUsd(p.inputCacheWrite),
});

/**
 * Upserts the built-in catalog by natural key (provider slug, model id, model+provider), in one
 * transaction. Running it twice leaves the same rows; rows an operator added are left alone.
 */
export async function seedCatalog(em: EntityManager): Promise<SeedResult> {
  return em.transactional(async (tx) => {
    await tx.upsertMany(
      ProviderSchema,
      seedProviders.map((p) => ({
        slug: p.slug,
        name: p.name,
        family: p.family,
        baseUrl: p.baseUrl,
        privacyPolicyUrl: p.privacyPolicyUrl,
        termsOfServiceUrl: p.termsOfServiceUrl,
        statusPageUrl: p.statusPageUrl,
        trainsOnData: p.dataPolicy.trainsOnData,
        retainsPrompts: p.dataPolicy.retainsPrompts,
        retentionDays: p.dataPolicy.retentionDays,
        zdr: p.dataPolicy.zdr,
      })),
    );
    await tx.upsertMany(
      ModelSchema,
      seedModels.map((m) => ({
        id: m.id,
        author: m.id.split('/')[0]!,
        canonicalSlug: m.canonicalSlug,
        name: m.name,
        description: m.description,
        contextLength: m.contextLength,
        inputModalities: [...m.inputModalities],
        outputModalities: [...m.outputModalities],
        tokenizer: m.tokenizer,
        instructType: m.instructType,
        isModerated: m.isModerated,
        releasedAt: new Date(m.created * 1000),
      })),
    );
    const existing = await tx.find(EndpointSchema, {}, { fields: ['id', 'model', 'provider'] });
    const idOf = new Map(existing.map((e) => [`${e.model.id}|${e.provider.slug}`, e.id]));
    await tx.upsertMany(
      EndpointSchema,
      seedEndpoints.map((e) => ({
        id: idOf.get(`${e.model}|${e.provider}`) ?? crypto.randomUUID(),
        model: e.model,
        provider: e.provider,
        providerModelId: e.providerModelId,
        contextLength: e.contextLength,
        maxCompletionTokens: e.maxCompletionTokens,
        quantization: e.quantization,
        supportedParameters: [...e.supportedParameters],
        pricing: toPricing(e.pricing),
      })),
    );
    return { providers: seedProviders.length, models: seedModels.length, endpoints: seedEndpoints.length };
  });
}

/** True when the catalog has never been seeded (first start of an embedded database). */
export async function catalogIsEmpty(em: EntityManager): Promise<boolean> {
  return (await em.count(ProviderSchema, {})) === 0;
}

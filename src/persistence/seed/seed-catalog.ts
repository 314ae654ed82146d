import type { EntityManager } from '@mikro-orm/postgresql';
import { parseUsd } from '../../core/billing/money.js';
import { EndpointSchema, ModelSchema, ProviderSchema } from '../entities/index.js';
import type { EndpointRow, ModelRow, ProviderRow } from '../repositories/catalog-store.js';
import { seedEndpoints, seedModels, seedProviders, type SeedEndpoint, type SeedModel, type SeedProvider } from './catalog-data.js';

export interface SeedResult {
  providers: number;
  models: number;
  endpoints: number;
}

/** PROVIDER_OPENAI_API_KEY, PROVIDER_MY_GATEWAY_API_KEY: where a built-in provider's platform credential lives. */
export const defaultCredentialEnv = (slug: string) => `PROVIDER_${slug.toUpperCase().replace(/-/g, '_')}_API_KEY`;

export const builtinProviderRow = (p: SeedProvider): ProviderRow => ({
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
  credentialEnv: defaultCredentialEnv(p.slug),
  extraHeaders: null,
  dialect: p.dialect ?? null,
});

export const builtinModelRow = (m: SeedModel): ModelRow => ({
  id: m.id,
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
});

export const builtinEndpointRow = (e: SeedEndpoint): EndpointRow => ({
  model: e.model,
  provider: e.provider,
  providerModelId: e.providerModelId,
  contextLength: e.contextLength,
  maxCompletionTokens: e.maxCompletionTokens,
  quantization: e.quantization,
  supportedParameters: [...e.supportedParameters],
  pricing: Object.fromEntries(Object.entries(e.pricing).map(([field, usd]) => [field, parseUsd(usd)])) as EndpointRow['pricing'],
});

/** The built-in catalog as rows, by key: what the catalog file merges over. */
export const builtinCatalog = {
  providers: new Map(seedProviders.map((p) => [p.slug, builtinProviderRow(p)])),
  models: new Map(seedModels.map((m) => [m.id, builtinModelRow(m)])),
  endpoints: new Map(seedEndpoints.map((e) => [`${e.model}|${e.provider}`, builtinEndpointRow(e)])),
};
export type BuiltinCatalog = typeof builtinCatalog;

/**
 * Upserts the built-in catalog by natural key (provider slug, model id, model+provider), in one
 * transaction. Running it twice leaves the same rows; rows a catalog file or an operator added or
 * took over (origin `file` / `operator`) are left alone.
 */
export async function seedCatalog(em: EntityManager): Promise<SeedResult> {
  return em.transactional(async (tx) => {
    const overridden = <T extends { origin: string }>(rows: T[], keyOf: (row: T) => string) =>
      new Set(rows.filter((r) => r.origin !== 'builtin').map(keyOf));
    const providers = overridden(await tx.find(ProviderSchema, {}, { fields: ['slug', 'origin'] }), (p) => p.slug);
    const models = overridden(await tx.find(ModelSchema, {}, { fields: ['id', 'origin'] }), (m) => m.id);
    const existing = await tx.find(EndpointSchema, {}, { fields: ['id', 'model', 'provider', 'origin'] });
    const endpoints = overridden(existing, (e) => `${e.model.id}|${e.provider.slug}`);
    const idOf = new Map(existing.map((e) => [`${e.model.id}|${e.provider.slug}`, e.id]));

    const providerRows = [...builtinCatalog.providers.values()].filter((p) => !providers.has(p.slug));
    const modelRows = [...builtinCatalog.models.values()].filter((m) => !models.has(m.id));
    const endpointRows = [...builtinCatalog.endpoints].filter(([key]) => !endpoints.has(key));
    if (providerRows.length) await tx.upsertMany(ProviderSchema, providerRows.map((p) => ({ ...p, origin: 'builtin' as const })));
    if (modelRows.length) await tx.upsertMany(ModelSchema, modelRows.map((m) => ({ ...m, author: m.id.split('/')[0]!, origin: 'builtin' as const })));
    if (endpointRows.length) {
      await tx.upsertMany(EndpointSchema, endpointRows.map(([key, e]) => ({ ...e, id: idOf.get(key) ?? crypto.randomUUID(), origin: 'builtin' as const })));
    }
    return { providers: seedProviders.length, models: seedModels.length, endpoints: seedEndpoints.length };
  });
}

/** True when the catalog has never been seeded (first start of an embedded database). */
export async function catalogIsEmpty(em: EntityManager): Promise<boolean> {
  return (await em.count(ProviderSchema, {})) === 0;
}

import type { EntityManager } from '@mikro-orm/postgresql';
import { buildRoutingCatalog, providerNames, type EndpointRecord, type ProviderNames, type RoutingCatalog } from '../../core/routing/index.js';
import type { BillablePricing } from '../../core/billing/usage-cost.js';
import type { OpenAiDialect } from '../../adapters/adapter.js';
import { EndpointSchema, ProviderSchema, type Endpoint } from '../../persistence/entities/index.js';

/** What it takes to call and bill an endpoint once routing picked it. */
export interface DispatchInfo {
  providerSlug: string;
  family: 'openai' | 'anthropic' | 'gemini';
  baseUrl: string;
  providerModelId: string;
  pricing: BillablePricing;
  /** How an OpenAI-compatible provider's API differs from OpenAI's; undefined: the family's defaults. */
  dialect?: OpenAiDialect;
  /** Sent with every request to the provider (never credentials). */
  extraHeaders?: Readonly<Record<string, string>>;
  /** The environment variable holding the platform credential; undefined: PROVIDER_<SLUG>_API_KEY, or none needed. */
  credentialEnv?: string;
  /** Where the provider was declared: the operator's own (`file`, `operator`) are called, never simulated. */
  origin: 'builtin' | 'file' | 'operator';
}

export interface CatalogView extends RoutingCatalog {
  dispatch(endpointId: string): DispatchInfo | undefined;
  /** Every provider by slug and display name (clients may use either; responses show the name). */
  providers: ProviderNames;
}

export interface CatalogSnapshot {
  /** The routing view of the catalog; reloaded after `invalidate()` or when older than `maxAgeMs`. */
  get(): Promise<CatalogView>;
  /** Call after a catalog change on this instance (other instances catch up within maxAgeMs). */
  invalidate(): void;
}

const toRecord = (e: Endpoint): EndpointRecord => ({
  id: e.id,
  modelId: e.model.id,
  providerSlug: e.provider.slug,
  contextLength: e.contextLength,
  maxCompletionTokens: e.maxCompletionTokens ?? null,
  quantization: e.quantization,
  supportedParameters: e.supportedParameters,
  inputModalities: e.model.inputModalities,
  pricing: { prompt: e.pricing.prompt, completion: e.pricing.completion, request: e.pricing.request, image: e.pricing.image },
  // A disabled provider takes all its endpoints out of routing.
  status: e.provider.status === 'disabled' ? 'disabled' : e.status,
  dataPolicy: { trainsOnData: e.provider.trainsOnData, zdr: e.provider.zdr },
});

// ProviderDialect (persistence) must stay assignable to the adapters' OpenAiDialect: this is where that is checked.
const dialectOf = (e: Endpoint): OpenAiDialect | undefined => e.provider.dialect ?? undefined;

const toDispatchInfo = (e: Endpoint): DispatchInfo => ({
  providerSlug: e.provider.slug,
  family: e.provider.family,
  baseUrl: e.provider.baseUrl,
  providerModelId: e.providerModelId,
  ...(dialectOf(e) ? { dialect: dialectOf(e) } : {}),
  ...(e.provider.extraHeaders ? { extraHeaders: e.provider.extraHeaders } : {}),
  ...(e.provider.credentialEnv ? { credentialEnv: e.provider.credentialEnv } : {}),
  origin: e.provider.origin,
  pricing: {
    prompt: e.pricing.prompt,
    completion: e.pricing.completion,
    request: e.pricing.request,
    image: e.pricing.image,
    internalReasoning: e.pricing.internalReasoning,
    inputCacheRead: e.pricing.inputCacheRead,
    inputCacheWrite: e.pricing.inputCacheWrite,
  },
});

/**
 * The catalog is read on every request but changes rarely: keep one indexed snapshot in memory and
 * rebuild it (two SQL statements) only when it changed or aged out. Concurrent callers share one load.
 */
export function createCatalogSnapshot(em: EntityManager, { maxAgeMs = 30_000, now = () => Date.now() } = {}): CatalogSnapshot {
  let current: { catalog: CatalogView; loadedAt: number } | undefined;
  let loading: Promise<CatalogView> | undefined;
  let generation = 0;

  async function load(): Promise<CatalogView> {
    const startedFor = generation;
    // Providers separately: one without endpoints is still a name clients may use (e.g. in `ignore`).
    const providers = await em.fork().find(ProviderSchema, {}, { fields: ['slug', 'name'] });
    const endpoints = await em.fork().find(EndpointSchema, {}, { populate: ['model', 'provider'] });
    const dispatch = new Map(endpoints.map((e) => [e.id, toDispatchInfo(e)]));
    const catalog: CatalogView = {
      ...buildRoutingCatalog(endpoints.map(toRecord)),
      dispatch: (id) => dispatch.get(id),
      providers: providerNames(providers),
    };
    // An invalidation during the load means this snapshot may already be stale: don't keep it.
    if (startedFor === generation) current = { catalog, loadedAt: now() };
    return catalog;
  }

  return {
    get() {
      if (current && now() - current.loadedAt < maxAgeMs) return Promise.resolve(current.catalog);
      loading ??= load().finally(() => (loading = undefined));
      return loading;
    },
    invalidate() {
      generation++;
      current = undefined;
    },
  };
}

import type { EntityManager } from '@mikro-orm/postgresql';
import { buildRoutingCatalog, type EndpointRecord, type RoutingCatalog } from '../../core/routing/index.js';
import { EndpointSchema, type Endpoint } from '../../persistence/entities/index.js';

export interface CatalogSnapshot {
  /** The routing view of the catalog; reloaded after `invalidate()` or when older than `maxAgeMs`. */
  get(): Promise<RoutingCatalog>;
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

/**
 * The catalog is read on every request but changes rarely: keep one indexed snapshot in memory and
 * rebuild it (one SQL statement) only when it changed or aged out. Concurrent callers share one load.
 */
export function createCatalogSnapshot(em: EntityManager, { maxAgeMs = 30_000, now = () => Date.now() } = {}): CatalogSnapshot {
  let current: { catalog: RoutingCatalog; loadedAt: number } | undefined;
  let loading: Promise<RoutingCatalog> | undefined;
  let generation = 0;

  async function load(): Promise<RoutingCatalog> {
    const startedFor = generation;
    const endpoints = await em.fork().find(EndpointSchema, {}, { populate: ['model', 'provider'] });
    const catalog = buildRoutingCatalog(endpoints.map(toRecord));
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

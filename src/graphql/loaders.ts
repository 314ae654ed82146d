import DataLoader from 'dataloader';
import type { CatalogRepository } from '../persistence/queries/catalog-queries.js';
import type { Endpoint, Model, Provider } from '../persistence/entities/index.js';

export interface Loaders {
  model: DataLoader<string, Model | null>;
  endpoint: DataLoader<string, Endpoint | null>;
  endpointsOfModel: DataLoader<string, Endpoint[]>;
  provider: DataLoader<string, Provider | null>;
}

const byKey = <K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): (V | null)[] => {
  const index = new Map(rows.map((r) => [keyOf(r), r]));
  return keys.map((k) => index.get(k) ?? null);
};

/** One SQL statement per batch: a page of models with endpoints and providers is three queries. */
export function createLoaders(catalog: CatalogRepository): Loaders {
  return {
    model: new DataLoader(async (ids) => byKey(ids, await catalog.findModelsByIds(ids), (m) => m.id)),
    endpoint: new DataLoader(async (ids) => byKey(ids, await catalog.findEndpointsByIds(ids), (e) => e.id)),
    endpointsOfModel: new DataLoader(async (modelIds) => {
      const grouped = new Map<string, Endpoint[]>(modelIds.map((id) => [id, []]));
      for (const e of await catalog.findEndpointsOfModels(modelIds)) grouped.get(e.model.id)?.push(e);
      return modelIds.map((id) => grouped.get(id) ?? []);
    }),
    provider: new DataLoader(async (slugs) => byKey(slugs, await catalog.findProvidersBySlugs(slugs), (p) => p.slug)),
  };
}

/** DataLoader.loadMany returns errors in place; a resolver should fail instead of hiding them. */
export async function loadAll<K, V>(loader: DataLoader<K, V | null>, keys: readonly K[]): Promise<(V | null)[]> {
  const results = await loader.loadMany(keys);
  const failure = results.find((r): r is Error => r instanceof Error);
  if (failure) throw failure;
  return results as (V | null)[];
}

import { add, compare } from '../billing/money.js';
import type { RoutableEndpoint, RoutingCatalog } from './types.js';

export type EndpointRecord = Omit<RoutableEndpoint, 'blendedPrice' | 'supportedParameters' | 'inputModalities'> & {
  supportedParameters: readonly string[];
  inputModalities: readonly string[];
};

/**
 * Indexes a catalog version once (sets, blended prices, per-model lists sorted cheapest first) so that
 * planning a request allocates almost nothing.
 */
export function buildRoutingCatalog(records: readonly EndpointRecord[]): RoutingCatalog {
  const byModel = new Map<string, RoutableEndpoint[]>();
  for (const r of records) {
    const endpoint: RoutableEndpoint = {
      ...r,
      supportedParameters: new Set(r.supportedParameters),
      inputModalities: new Set(r.inputModalities),
      blendedPrice: add(r.pricing.prompt, r.pricing.completion),
    };
    const list = byModel.get(r.modelId) ?? [];
    list.push(endpoint);
    byModel.set(r.modelId, list);
  }
  for (const list of byModel.values()) list.sort(byPriceThenProvider);
  const all = [...byModel.values()].flat();
  return { endpointsOf: (modelId) => byModel.get(modelId), all: () => all };
}

export function byPriceThenProvider(a: RoutableEndpoint, b: RoutableEndpoint): number {
  return compare(a.blendedPrice, b.blendedPrice) || (a.providerSlug < b.providerSlug ? -1 : a.providerSlug > b.providerSlug ? 1 : 0);
}

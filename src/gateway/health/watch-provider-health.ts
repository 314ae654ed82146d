import type { EndpointHealthSnapshot, HealthStore } from '../../core/health/index.js';
import type { RoutableEndpoint } from '../../core/routing/index.js';
import type { CatalogSnapshot } from '../routing/catalog-snapshot.js';

export interface ProviderHealthChange {
  endpoint: RoutableEndpoint;
  health: EndpointHealthSnapshot;
  at: Date;
}

export interface WatchOptions {
  /** How often health is sampled: changes reach subscribers at most this late, never per request. */
  intervalMs: number;
  /** Every endpoint is re-sent at least this often, even unchanged, so a dashboard never goes stale. */
  refreshMs: number;
}

/** What a dashboard shows; a change in any of it (an operator disabling the endpoint too) is worth a push. */
const digest = (e: RoutableEndpoint, h: EndpointHealthSnapshot) =>
  [e.status, h.status, h.breaker, h.significantOutage, h.windows['30s'].uptime, h.windows['5m'].uptime, h.latencySeconds?.p50, h.throughput?.p50].join('|');

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });

/**
 * Live health of the endpoints of some providers (all when `providers` is empty): first every
 * endpoint, then only those whose health changed, sampled every `intervalMs`, plus a full refresh.
 */
export async function* watchProviderHealth(
  catalog: CatalogSnapshot,
  health: HealthStore,
  providers: readonly string[],
  options: WatchOptions,
  signal: AbortSignal,
): AsyncGenerator<ProviderHealthChange> {
  const last = new Map<string, string>();
  let lastRefresh = 0;
  while (!signal.aborted) {
    const now = Date.now();
    const endpoints = (await catalog.get()).all().filter((e) => providers.length === 0 || providers.includes(e.providerSlug));
    const snapshots = await health.snapshotMany(endpoints.map((e) => e.id), now);
    const refresh = now - lastRefresh >= options.refreshMs;
    if (refresh) lastRefresh = now;
    for (const endpoint of endpoints) {
      const snapshot = snapshots.get(endpoint.id)!;
      const d = digest(endpoint, snapshot);
      if (refresh || last.get(endpoint.id) !== d) {
        last.set(endpoint.id, d);
        yield { endpoint, health: snapshot, at: new Date(now) };
      }
    }
    await sleep(options.intervalMs, signal);
  }
}

import type { EndpointHealthView, Percentiles, ProviderPreferences } from './types.js';

const asPercentiles = (v: number | Percentiles): Percentiles => (typeof v === 'number' ? { p50: v } : v);

const allMet = (wanted: Percentiles, measured: Percentiles | undefined, ok: (measured: number, wanted: number) => boolean) =>
  (Object.keys(wanted) as (keyof Percentiles)[]).every((k) => {
    const m = measured?.[k];
    // Not measured yet: no evidence against the endpoint, so it is not pushed back.
    return m === undefined || ok(m, wanted[k]!);
  });

/** Whether an endpoint meets preferred_min_throughput and preferred_max_latency (a number means p50). */
export function meetsPerformancePreferences(prefs: ProviderPreferences, health: EndpointHealthView | undefined): boolean {
  if (prefs.preferredMinThroughput !== undefined) {
    if (!allMet(asPercentiles(prefs.preferredMinThroughput), health?.throughput, (m, w) => m >= w)) return false;
  }
  if (prefs.preferredMaxLatency !== undefined) {
    if (!allMet(asPercentiles(prefs.preferredMaxLatency), health?.latencySeconds, (m, w) => m <= w)) return false;
  }
  return true;
}

/** Stable partition: items passing the test keep their order and move ahead of the others. */
export function partitionFirst<T>(items: readonly T[], test: (item: T) => boolean): T[] {
  const first: T[] = [];
  const rest: T[] = [];
  for (const item of items) (test(item) ? first : rest).push(item);
  return first.length === 0 || rest.length === 0 ? [...items] : first.concat(rest);
}

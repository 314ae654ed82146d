import { compare } from '../billing/money.js';
import { drawIndex, pickProbabilities } from './weighted-pick.js';
import type { HealthView, PlannedAttempt, ProviderPreferences, RoutableEndpoint } from './types.js';

type Metric = NonNullable<ProviderPreferences['sort']>['by'];

/** Explicit `order`: listed providers first in the listed order, the rest (cheapest first) after them. */
export function orderByProviderList(modelId: string, eligible: readonly RoutableEndpoint[], order: readonly string[]) {
  const listed = eligible
    .filter((e) => order.includes(e.providerSlug))
    .sort((a, b) => order.indexOf(a.providerSlug) - order.indexOf(b.providerSlug));
  const rest = eligible.filter((e) => !order.includes(e.providerSlug));
  return {
    listed: listed.map((endpoint): PlannedAttempt => ({ modelId, endpoint, reason: 'order' })),
    rest: rest.map((endpoint): PlannedAttempt => ({ modelId, endpoint, reason: 'price_fallback' })),
  };
}

const metricOf = (metric: Metric, e: RoutableEndpoint, health: HealthView): number | undefined =>
  metric === 'throughput' ? health.of(e.id)?.throughput?.p50 : metric === 'latency' ? health.of(e.id)?.latencySeconds?.p50 : undefined;

/** `sort`: by price, or by measured p50 throughput/latency with unmeasured endpoints last. Stable. */
export function sortByMetric(attempts: readonly PlannedAttempt[], metric: Metric, health: HealthView): PlannedAttempt[] {
  if (metric === 'price') return [...attempts].sort((a, b) => compare(a.endpoint.blendedPrice, b.endpoint.blendedPrice));
  const better = metric === 'throughput' ? (a: number, b: number) => b - a : (a: number, b: number) => a - b;
  return [...attempts].sort((a, b) => {
    const ma = metricOf(metric, a.endpoint, health);
    const mb = metricOf(metric, b.endpoint, health);
    if (ma === undefined || mb === undefined) return ma === mb ? 0 : ma === undefined ? 1 : -1;
    return better(ma, mb);
  });
}

/**
 * Default load balancing: endpoints without a recent outage (nor < 80 % uptime) are stable; one is drawn with
 * weight 1/price², the other stable ones follow cheapest first, then the unstable ones cheapest first.
 */
export function loadBalance(
  modelId: string,
  eligible: readonly RoutableEndpoint[],
  health: HealthView,
  uniform: number,
): PlannedAttempt[] {
  const stable: RoutableEndpoint[] = [];
  const unstable: RoutableEndpoint[] = [];
  for (const e of eligible) {
    const h = health.of(e.id);
    (h?.significantOutage || h?.breaker === 'half-open' || h?.status === 'fallback_only' ? unstable : stable).push(e);
  }
  const attempts: PlannedAttempt[] = [];
  if (stable.length) {
    const probabilities = pickProbabilities(stable);
    const picked = drawIndex(probabilities, uniform);
    attempts.push({ modelId, endpoint: stable[picked]!, reason: 'weighted_pick', weight: probabilities[picked]! });
    stable.forEach((endpoint, i) => {
      if (i !== picked) attempts.push({ modelId, endpoint, reason: 'price_fallback', weight: probabilities[i]! });
    });
  }
  for (const endpoint of unstable) attempts.push({ modelId, endpoint, reason: 'unstable_fallback' });
  return attempts;
}

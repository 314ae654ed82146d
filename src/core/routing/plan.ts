import { exclusionReason } from './eligibility.js';
import { loadBalance, orderByProviderList, sortByMetric } from './order-candidates.js';
import { meetsPerformancePreferences, partitionFirst } from './preferences.js';
import type {
  AccountRouting,
  Exclusion,
  HealthView,
  Plan,
  PlanMode,
  PlannedAttempt,
  RoutableEndpoint,
  RoutingCatalog,
  RoutingRequest,
  StickyView,
} from './types.js';

export interface PlanInputs {
  request: RoutingRequest;
  catalog: RoutingCatalog;
  health: HealthView;
  account: AccountRouting;
  sticky: StickyView;
  /** Uniform random numbers in [0, 1): injected so plans are reproducible in tests. */
  random: () => number;
}

const exclude = (a: PlannedAttempt): Exclusion => ({
  modelId: a.modelId,
  endpointId: a.endpoint.id,
  providerSlug: a.endpoint.providerSlug,
  reason: { code: 'fallbacks_disabled' },
});

/**
 * Decides which endpoints to try for a request, in order, and why; and which were excluded, and why.
 * Pure: the same inputs (and random draws) always give the same plan.
 */
export function planAttempts({ request, catalog, health, account, sticky, random }: PlanInputs): Plan {
  const prefs = request.provider;
  const mode: PlanMode = prefs.order?.length ? 'ordered' : prefs.sort ? 'sorted' : 'load-balanced';
  const allowFallbacks = prefs.allowFallbacks ?? true;
  const excluded: Exclusion[] = [];
  const unknownModels: string[] = [];
  let attempts: PlannedAttempt[] = [];

  for (const modelId of request.models) {
    const endpoints = catalog.endpointsOf(modelId);
    if (!endpoints) {
      unknownModels.push(modelId);
      continue;
    }
    const eligible: RoutableEndpoint[] = [];
    for (const endpoint of endpoints) {
      const reason = exclusionReason(endpoint, request, prefs, health.of(endpoint.id));
      if (reason) excluded.push({ modelId, endpointId: endpoint.id, providerSlug: endpoint.providerSlug, reason });
      else eligible.push(endpoint);
    }

    let forModel: PlannedAttempt[];
    if (mode === 'ordered') {
      const { listed, rest } = orderByProviderList(modelId, eligible, prefs.order!);
      if (!allowFallbacks) excluded.push(...rest.map(exclude));
      forModel = allowFallbacks ? listed.concat(rest) : listed;
    } else {
      forModel =
        mode === 'sorted'
          ? sortByMetric(eligible.map((endpoint) => ({ modelId, endpoint, reason: 'sorted' as const })), prefs.sort!.by, health)
          : loadBalance(modelId, eligible, health, random());
      forModel = partitionFirst(forModel, (a) => meetsPerformancePreferences(prefs, health.of(a.endpoint.id)));
      if (mode === 'load-balanced' && request.stickyKey) forModel = keepSticky(forModel, sticky.providerFor(request.stickyKey, modelId), health);
    }
    forModel = byokFirst(forModel, account);
    if (!allowFallbacks && mode !== 'ordered' && forModel.length > 1) {
      excluded.push(...forModel.slice(1).map(exclude));
      forModel = forModel.slice(0, 1);
    }
    attempts = attempts.concat(forModel);
  }

  if (mode === 'sorted' && prefs.sort!.partition === 'none') {
    const sorted = sortByMetric(attempts, prefs.sort!.by, health);
    attempts = byokFirst(partitionFirst(sorted, (a) => meetsPerformancePreferences(prefs, health.of(a.endpoint.id))), account);
  }
  return { mode, attempts, excluded, unknownModels };
}

/** A conversation stays on the provider that holds its prompt cache, while that provider is healthy. */
function keepSticky(attempts: PlannedAttempt[], provider: string | undefined, health: HealthView): PlannedAttempt[] {
  if (!provider) return attempts;
  const index = attempts.findIndex((a) => a.endpoint.providerSlug === provider);
  if (index < 0) return attempts;
  const h = health.of(attempts[index]!.endpoint.id);
  if (h?.significantOutage || (h && h.breaker !== 'closed')) return attempts;
  const sticky: PlannedAttempt = { ...attempts[index]!, reason: 'sticky' };
  return [sticky, ...attempts.slice(0, index), ...attempts.slice(index + 1)];
}

function byokFirst(attempts: PlannedAttempt[], account: AccountRouting): PlannedAttempt[] {
  if (account.byokProviders.size === 0) return attempts;
  return partitionFirst(attempts, (a) => account.byokProviders.has(a.endpoint.providerSlug)).map((a) =>
    account.byokProviders.has(a.endpoint.providerSlug) ? { ...a, reason: 'byok' } : a,
  );
}

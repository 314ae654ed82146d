import { explainNoRoute, planAttempts, resolveProviderReferences, unknownProvidersMessage, type AccountRouting, type Plan, type RoutingRequest } from '../../core/routing/index.js';
import type { HealthStore } from '../../core/health/index.js';
import { InvalidInputError } from '../user-errors.js';
import type { CatalogSnapshot } from './catalog-snapshot.js';

/** A request as routing sees it; previews have no conversation, so no sticky key. */
export type RoutePreviewInput = Omit<RoutingRequest, 'stickyKey'>;

const NO_STICKY = { providerFor: () => undefined };
const NO_BYOK: AccountRouting = { byokProviders: new Set() };

/**
 * What routing would do for a request right now — the same planner the request path uses, with live
 * health and one draw of the load balancer — without calling anyone or reserving credits.
 */
export async function previewRoute(
  snapshot: CatalogSnapshot,
  healthStore: HealthStore,
  input: RoutePreviewInput,
  account: AccountRouting = NO_BYOK,
): Promise<{ plan: Plan; explanation: string | null }> {
  const models = [...new Set(input.models.map((m) => m.trim()).filter(Boolean))];
  if (models.length === 0) throw new InvalidInputError('give a model (or models)', 'model');
  if (models.length > 10) throw new InvalidInputError('at most 10 models', 'models');
  if (input.promptTokens < 0 || (input.maxTokens !== null && input.maxTokens < 1)) {
    throw new InvalidInputError('promptTokens must be ≥ 0 and maxTokens ≥ 1', 'maxTokens');
  }
  const catalog = await snapshot.get();
  const provider = resolveProviderReferences(input.provider, catalog.providers);
  if (!provider.ok) throw new InvalidInputError(unknownProvidersMessage(provider.unknown), `provider.${provider.unknown[0]!.field}`);
  const ids = models.flatMap((m) => catalog.endpointsOf(m)?.map((e) => e.id) ?? []);
  const snapshots = await healthStore.snapshotMany(ids, Date.now());
  const plan = planAttempts({
    request: { ...input, provider: provider.preferences, models, stickyKey: null },
    catalog,
    health: { of: (id) => snapshots.get(id) },
    account,
    sticky: NO_STICKY,
    random: Math.random,
  });
  return { plan, explanation: plan.attempts.length ? null : explainNoRoute(plan).message };
}

import { SwitchyardError } from '../../core/errors.js';
import { limitPeriodStart } from '../../core/billing/limit-period.js';
import { worstCaseCost } from '../../core/billing/usage-cost.js';
import { promptTokenBound } from '../../core/billing/prompt-bound.js';
import { ZERO, type Money } from '../../core/billing/money.js';
import type { ChatRequest } from '../../core/llm/request.js';
import { describeExclusion, explainNoRoute, planAttempts, resolveProviderReferences, stickyKeyFor, unknownProvidersMessage, withAccountDefaults, type Plan } from '../../core/routing/index.js';
import type { Principal } from '../auth/principal.js';
import type { CatalogView } from '../routing/catalog-snapshot.js';
import type { AdmitDeps } from './generation-deps.js';
import type { CompletionInput } from './completion-input.js';
import { byokProviders, dispatchTargets, type DispatchTarget } from './dispatch-targets.js';
import { estimatePromptTokens } from './estimate-prompt-tokens.js';
import type { ErrorInfo, GenerationEvent, PlanSummary, RefusalReason } from './generation-events.js';

/** A generation allowed to run: routed, its worst case held. Everything later steps need, as one value. */
export interface Admission {
  generationId: string;
  principal: Principal;
  input: CompletionInput;
  createdAt: Date;
  catalog: CatalogView;
  /** The plan's attempts with the key each is sent with, in order. */
  targets: DispatchTarget[];
  /** The prompt-size estimate: context checks and the output room (the output cap sent upstream). */
  promptTokens: number;
  /** The prompt-size bound the hold was computed with (never below what a provider counts). */
  promptBound: number;
  stickyKey: string | null;
  /** What was held against the balance and the key's limit; the charge never exceeds it. */
  held: Money;
  keyPeriodStart: Date;
}

export type AdmitResult =
  | { kind: 'admitted'; admission: Admission }
  | { kind: 'refused'; reason: RefusalReason; error: ErrorInfo };

const newGenerationId = () => `gen-${crypto.randomUUID().replaceAll('-', '')}`;

const refused = (reason: RefusalReason, error: SwitchyardError): AdmitResult => ({
  kind: 'refused',
  reason,
  error: { code: error.code, message: error.message, metadata: error.metadata },
});

const firstText = (chat: ChatRequest, role: 'system' | 'user') => {
  const m = chat.messages.find((x) => x.role === role);
  return m ? (typeof m.content === 'string' ? m.content : JSON.stringify(m.content)) : null;
};

export function summarizePlan(plan: Plan, models: string[]): PlanSummary {
  return {
    models,
    mode: plan.mode,
    candidates: plan.attempts.map((a) => ({ provider: a.endpoint.providerSlug, model: a.modelId, endpointId: a.endpoint.id, reason: a.reason, weight: a.weight ?? null })),
    excluded: plan.excluded.map((e) => ({ provider: e.providerSlug, model: e.modelId, endpointId: e.endpointId, reason: describeExclusion(e.reason) })),
    stickyHit: plan.attempts[0]?.reason === 'sticky',
  };
}

/**
 * Step one of a generation: may it run, and where? Refuses while draining, over the rate limit and for
 * providers it does not know, plans the attempts (no route → refused, saying which filter excluded each provider), and holds the
 * worst case over every planned endpoint against the balance and the key's limit (failover may land
 * on the dearest). Emits `planned` (and `admitted`); the caller reports refusals.
 */
export async function admit(deps: AdmitDeps, principal: Principal, input: CompletionInput, emit: (event: GenerationEvent) => void): Promise<AdmitResult> {
  if (!deps.inFlight.accepting) return refused('service_unavailable', new SwitchyardError('service_unavailable', 'This instance is shutting down; retry the request'));
  const limited = await deps.rateLimiter?.hit(principal.key.id, deps.clock.now());
  if (limited && !limited.allowed) return refused('rate_limited', new SwitchyardError('rate_limited', 'Rate limit exceeded for this API key', { retryAfterMs: limited.retryAfterMs }));

  const [catalog, byok] = await Promise.all([deps.catalog.get(), deps.byok.forAccount(principal.accountId)]);
  // Providers may be named by slug or display name; an unknown one is refused, never silently dropped.
  const provider = resolveProviderReferences(input.provider, catalog.providers);
  if (!provider.ok) {
    return refused('unknown_provider', new SwitchyardError('bad_request', unknownProvidersMessage(provider.unknown), { details: { unknown_providers: provider.unknown } }));
  }
  const promptTokens = estimatePromptTokens(input.chat);
  const ids = input.models.flatMap((m) => catalog.endpointsOf(m)?.map((e) => e.id) ?? []);
  const snapshots = await deps.health.snapshotMany(ids, deps.clock.now());
  const stickyKey = stickyKeyFor({ scope: principal.accountId, sessionId: input.sessionId, firstSystem: firstText(input.chat, 'system'), firstUser: firstText(input.chat, 'user') });
  const plan = planAttempts({
    request: { models: input.models, provider: withAccountDefaults(provider.preferences, principal.accountDefaults), usedParameters: input.usedParameters, inputModalities: input.inputModalities, promptTokens, maxTokens: input.chat.maxTokens ?? null, stickyKey },
    catalog,
    health: { of: (id) => snapshots.get(id) },
    account: { byokProviders: byokProviders(byok) },
    sticky: deps.sticky.at(deps.clock.now()),
    random: deps.random,
  });
  const generationId = plan.attempts.length ? newGenerationId() : null;
  emit({ type: 'planned', generationId, plan: summarizePlan(plan, input.models) });
  if (generationId === null) {
    const { message, metadata } = explainNoRoute(plan);
    return refused('no_route', new SwitchyardError('not_found', message, { details: metadata }));
  }

  const createdAt = new Date(deps.clock.now());
  const keyPeriodStart = limitPeriodStart(principal.key.limitReset, createdAt);
  const targets = dispatchTargets(plan.attempts, byok);
  if (targets.some((t) => t.credential.kind === 'byok')) await deps.byokAllowance.prepare(principal.accountId, createdAt.getTime());
  const candidates = targets.map(({ attempt, credential }) => ({
    ...catalog.dispatch(attempt.endpoint.id)!,
    contextLength: attempt.endpoint.contextLength,
    maxCompletionTokens: attempt.endpoint.maxCompletionTokens,
    // A BYOK attempt costs credits only the fee — unless the key counts BYOK usage in its limit: then hold list price + fee.
    ...(credential.kind === 'platform' ? {} : { chargedBasisPoints: principal.key.includeByokInLimit ? 10_000n + deps.byokFee.basisPoints : deps.byokFee.basisPoints }),
  }));
  const promptBound = promptTokenBound(input.chat);
  const held = worstCaseCost(candidates, { bound: promptBound, estimate: promptTokens }, input.chat.maxTokens ?? null);
  const reserved = await deps.reservations.reserve({
    generationId,
    keyLimit: principal.key.limit,
    accountId: principal.accountId,
    apiKeyId: principal.key.id,
    amount: held,
    keyPeriodStart,
    expiresAt: new Date(createdAt.getTime() + (deps.reservationTtlMs ?? 15 * 60_000)),
  });
  if (!reserved.ok) {
    const message = reserved.reason === 'key_limit' ? 'This key has reached its spending limit' : 'Insufficient credits for the worst-case cost of this request';
    return refused(reserved.reason, new SwitchyardError('insufficient_credits', message, { details: { reason: reserved.reason } }));
  }
  try {
    await deps.journal.append({
      t: 'admitted', id: generationId, accountId: principal.accountId, apiKeyId: principal.key.id, held, keyPeriodStart: keyPeriodStart.toISOString(),
      createdAt: createdAt.toISOString(), models: input.models, streamed: input.stream, stickyKey, promptTokens,
    });
  } catch {
    // Not journaled, not dispatched: a crash could not settle it, so it does not start.
    deps.reservations.settled({ generationId, accountId: principal.accountId, apiKeyId: principal.key.id, charged: ZERO, keyCharged: ZERO, keyPeriodStart });
    return refused('service_unavailable', new SwitchyardError('service_unavailable', 'Generations cannot be journaled right now; retry shortly'));
  }
  emit({ type: 'admitted', generationId, held });
  return { kind: 'admitted', admission: { generationId, principal, input, createdAt, catalog, targets, promptTokens, promptBound, stickyKey, held, keyPeriodStart } };
}

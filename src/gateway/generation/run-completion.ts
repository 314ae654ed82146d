import type { EntityManager } from '@mikro-orm/postgresql';
import { SwitchyardError } from '../../core/errors.js';
import { ZERO } from '../../core/billing/money.js';
import { limitPeriodStart } from '../../core/billing/limit-period.js';
import { worstCaseCost } from '../../core/billing/usage-cost.js';
import type { ByokFeeTerms } from '../../core/billing/byok-fee.js';
import type { ChatRequest, RequestParameter } from '../../core/llm/request.js';
import { explainNoRoute, planAttempts, stickyKeyFor, withAccountDefaults, type ProviderPreferences, type StickyMemory } from '../../core/routing/index.js';
import type { HealthStore } from '../../core/health/index.js';
import type { UpstreamHttpClient } from '../../adapters/http-client.js';
import type { Principal } from '../auth/principal.js';
import type { ByokCredentials } from '../byok/byok-credentials.js';
import type { CatalogSnapshot } from '../routing/catalog-snapshot.js';
import type { UpstreamDirectory } from '../upstreams.js';
import type { RateLimiter } from '../rate-limit/rate-limiter.js';
import type { InFlight } from './in-flight.js';
import type { Reservations } from '../billing/reservations.js';
import { finishedDecision, plannedDecision, type DecisionSink } from './routing-decisions.js';
import { attemptAndSettle } from './attempt-and-settle.js';
import { byokProviders, dispatchTargets } from './dispatch-targets.js';
import { estimatePromptTokens } from './estimate-prompt-tokens.js';
import type { CompletionOutcome, GenerationEvent } from './generation-events.js';

export type { CompletionOutcome, GenerationEvent, OutputPart } from './generation-events.js';

export interface CompletionDeps {
  em: EntityManager;
  catalog: CatalogSnapshot;
  health: HealthStore;
  upstreams: UpstreamDirectory;
  http: UpstreamHttpClient;
  sticky: StickyMemory;
  byok: ByokCredentials;
  byokFee: ByokFeeTerms;
  /** Where worst-case costs are held until settlement (in memory for one instance, the database for several). */
  reservations: Reservations;
  /** This instance's running generations (cancel by id, drain on shutdown). */
  inFlight: InFlight;
  /** Where routing decisions go as they happen (the routingDecisions subscription); none to skip. */
  decisions?: DecisionSink;
  /** Requests per key on inference paths; none when the limit is off. */
  rateLimiter?: RateLimiter;
  /** How long a reservation may live before the sweeper assumes this process died. */
  reservationTtlMs?: number;
}

export interface CompletionInput {
  chat: ChatRequest;
  models: string[];
  provider: ProviderPreferences;
  usedParameters: RequestParameter[];
  inputModalities: string[];
  sessionId: string | null;
  /** Whether the client receives the output as it is generated (recorded on the generation). */
  stream?: boolean;
}

const newGenerationId = () => `gen-${crypto.randomUUID().replaceAll('-', '')}`;

const firstText = (chat: ChatRequest, role: 'system' | 'user') => {
  const m = chat.messages.find((x) => x.role === role);
  return m ? (typeof m.content === 'string' ? m.content : JSON.stringify(m.content)) : null;
};

/** A request refused before it started: reported as a routing decision, answered as the only (final) event. */
function refusal(deps: CompletionDeps, principal: Principal, plannedId: string | null, reason: string, error: SwitchyardError): GenerationEvent {
  deps.decisions?.(finishedDecision(plannedId, principal.accountId, 'refused', { reason }));
  return { type: 'final', outcome: { kind: 'failed', generationId: null, error, attempts: [] } };
}

/** The non-streamed view: the final outcome of `runGeneration` (upstream is streamed either way). */
export async function runCompletion(deps: CompletionDeps, principal: Principal, input: CompletionInput, signal?: AbortSignal): Promise<CompletionOutcome> {
  for await (const event of runGeneration(deps, principal, input, signal)) if (event.type === 'final') return event.outcome;
  throw new Error('generation ended without an outcome');
}

/**
 * One generation: plan → reserve the worst case → try attempts in plan order → settle the exact cost,
 * the generation row and its attempts, once. Upstream is always streamed, so streamed and non-streamed
 * requests cost the same. **Commit point**: until the first output part, a retryable failure moves to
 * the next attempt; after it, a failure ends the generation (never a silent retry). An error or zero
 * completion tokens costs nothing. An attempt sent with the account's own key (BYOK) costs the BYOK fee.
 */
export async function* runGeneration(deps: CompletionDeps, principal: Principal, input: CompletionInput, signal?: AbortSignal): AsyncGenerator<GenerationEvent> {
  if (!deps.inFlight.accepting) {
    yield refusal(deps, principal, null, 'service_unavailable', new SwitchyardError('service_unavailable', 'This instance is shutting down; retry the request'));
    return;
  }
  const limited = await deps.rateLimiter?.hit(principal.key.id, Date.now());
  if (limited && !limited.allowed) {
    yield refusal(deps, principal, null, 'rate_limited', new SwitchyardError('rate_limited', 'Rate limit exceeded for this API key', { retryAfterMs: limited.retryAfterMs }));
    return;
  }
  const [catalog, byok] = await Promise.all([deps.catalog.get(), deps.byok.forAccount(principal.accountId)]);
  const promptTokens = estimatePromptTokens(input.chat);
  const ids = input.models.flatMap((m) => catalog.endpointsOf(m)?.map((e) => e.id) ?? []);
  const snapshots = await deps.health.snapshotMany(ids, Date.now());
  const stickyKey = stickyKeyFor({ sessionId: input.sessionId, firstSystem: firstText(input.chat, 'system'), firstUser: firstText(input.chat, 'user') });
  const plan = planAttempts({
    request: { models: input.models, provider: withAccountDefaults(input.provider, principal.accountDefaults), usedParameters: input.usedParameters, inputModalities: input.inputModalities, promptTokens, maxTokens: input.chat.maxTokens ?? null, stickyKey },
    catalog,
    health: { of: (id) => snapshots.get(id) },
    account: { byokProviders: byokProviders(byok) },
    sticky: deps.sticky.at(Date.now()),
    random: Math.random,
  });
  const generationId = plan.attempts.length ? newGenerationId() : null;
  deps.decisions?.(plannedDecision(plan, generationId, principal.accountId, input.models));
  if (generationId === null) {
    const { message, metadata } = explainNoRoute(plan);
    yield refusal(deps, principal, null, 'no_route', new SwitchyardError('not_found', message, { details: metadata }));
    return;
  }

  const createdAt = new Date();
  const keyPeriodStart = limitPeriodStart(principal.key.limitReset, createdAt);
  const targets = dispatchTargets(plan.attempts, byok);
  const candidates = targets.map(({ attempt, credential }) => ({
    ...catalog.dispatch(attempt.endpoint.id)!,
    contextLength: attempt.endpoint.contextLength,
    maxCompletionTokens: attempt.endpoint.maxCompletionTokens,
    // A BYOK attempt costs credits only the fee — unless the key counts BYOK usage in its limit: then hold list price + fee.
    ...(credential.kind === 'platform' ? {} : { chargedBasisPoints: principal.key.includeByokInLimit ? 10_000n + deps.byokFee.basisPoints : deps.byokFee.basisPoints }),
  }));
  const reserved = await deps.reservations.reserve({
    generationId,
    keyLimit: principal.key.limit,
    accountId: principal.accountId,
    apiKeyId: principal.key.id,
    amount: worstCaseCost(candidates, promptTokens, input.chat.maxTokens ?? null),
    keyPeriodStart,
    expiresAt: new Date(createdAt.getTime() + (deps.reservationTtlMs ?? 15 * 60_000)),
  });
  if (!reserved.ok) {
    const message = reserved.reason === 'key_limit' ? 'This key has reached its spending limit' : 'Insufficient credits for the worst-case cost of this request';
    yield refusal(deps, principal, generationId, reserved.reason, new SwitchyardError('insufficient_credits', message, { details: { reason: reserved.reason } }));
    return;
  }
  // From here on the generation is settled exactly once, whoever aborts it: the caller, cancelGeneration or a shutdown.
  const abort = new AbortController();
  const unregister = deps.inFlight.add(generationId, abort);
  const forwardAbort = () => abort.abort();
  signal?.addEventListener('abort', forwardAbort, { once: true });
  if (signal?.aborted) abort.abort();
  try {
    yield { type: 'started', generationId };
    yield* attemptAndSettle(deps, principal, input, { generationId, createdAt, keyPeriodStart, promptTokens, stickyKey, catalog, targets }, abort.signal);
  } finally {
    signal?.removeEventListener('abort', forwardAbort);
    unregister();
    // Normally released by the settlement already (then a no-op); after an unexpected error, never left held.
    deps.reservations.settled({ generationId, charged: ZERO, keyCharged: ZERO, keyPeriodStart });
  }
}

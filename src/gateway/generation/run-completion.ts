import type { EntityManager } from '@mikro-orm/postgresql';
import { SwitchyardError, ERROR_POLICIES } from '../../core/errors.js';
import { ZERO, type Money } from '../../core/billing/money.js';
import { limitPeriodStart } from '../../core/billing/limit-period.js';
import { usageCost, worstCaseCost } from '../../core/billing/usage-cost.js';
import { foldParts, type GenerationResult } from '../../core/llm/fold.js';
import type { ChatRequest, RequestParameter } from '../../core/llm/request.js';
import { explainNoRoute, planAttempts, stickyKeyFor, type ProviderPreferences, type StickyMemory } from '../../core/routing/index.js';
import type { HealthStore } from '../../core/health/index.js';
import { adapterFor } from '../../adapters/index.js';
import type { UpstreamHttpClient } from '../../adapters/http-client.js';
import { completeOnce } from '../../adapters/invoke.js';
import { CreditLedger } from '../../persistence/repositories/credit-ledger.js';
import { recordGeneration, type AttemptRecord } from '../../persistence/repositories/generation-recorder.js';
import type { Principal } from '../auth/principal.js';
import type { CatalogSnapshot } from '../routing/catalog-snapshot.js';
import type { UpstreamDirectory } from '../upstreams.js';
import { healthOutcomeOf } from './attempt-outcome.js';
import { estimatePromptTokens } from './estimate-prompt-tokens.js';

export interface CompletionDeps {
  em: EntityManager;
  catalog: CatalogSnapshot;
  health: HealthStore;
  upstreams: UpstreamDirectory;
  http: UpstreamHttpClient;
  sticky: StickyMemory;
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
}

export type CompletionOutcome =
  | { kind: 'completed'; generationId: string; model: string; provider: string; result: GenerationResult; cost: Money; attempts: AttemptRecord[] }
  | { kind: 'failed'; generationId: string | null; error: SwitchyardError; attempts: AttemptRecord[] };

const newGenerationId = () => `gen-${crypto.randomUUID().replaceAll('-', '')}`;

const firstText = (chat: ChatRequest, role: 'system' | 'user') => {
  const m = chat.messages.find((x) => x.role === role);
  return m ? (typeof m.content === 'string' ? m.content : JSON.stringify(m.content)) : null;
};

/**
 * One non-streamed completion: plan → reserve the worst case → try attempts in plan order (every
 * retryable failure moves on; nothing was sent to the client yet) → settle the exact cost, the
 * generation row and its attempts, once. An error or zero completion tokens costs nothing.
 */
export async function runCompletion(deps: CompletionDeps, principal: Principal, input: CompletionInput): Promise<CompletionOutcome> {
  const catalog = await deps.catalog.get();
  const promptTokens = estimatePromptTokens(input.chat);
  const ids = input.models.flatMap((m) => catalog.endpointsOf(m)?.map((e) => e.id) ?? []);
  const snapshots = await deps.health.snapshotMany(ids, Date.now());
  const stickyKey = stickyKeyFor({ sessionId: input.sessionId, firstSystem: firstText(input.chat, 'system'), firstUser: firstText(input.chat, 'user') });
  const plan = planAttempts({
    request: { models: input.models, provider: input.provider, usedParameters: input.usedParameters, inputModalities: input.inputModalities, promptTokens, maxTokens: input.chat.maxTokens ?? null, stickyKey },
    catalog,
    health: { of: (id) => snapshots.get(id) },
    account: { byokProviders: new Set() },
    sticky: deps.sticky.at(Date.now()),
    random: Math.random,
  });
  if (plan.attempts.length === 0) {
    const { message, metadata } = explainNoRoute(plan);
    return { kind: 'failed', generationId: null, error: new SwitchyardError('not_found', message, { details: metadata }), attempts: [] };
  }

  const generationId = newGenerationId();
  const createdAt = new Date();
  const keyPeriodStart = limitPeriodStart(principal.key.limitReset, createdAt);
  const candidates = plan.attempts.map((a) => ({ ...catalog.dispatch(a.endpoint.id)!, contextLength: a.endpoint.contextLength, maxCompletionTokens: a.endpoint.maxCompletionTokens }));
  const reserved = await new CreditLedger(deps.em.fork()).reserve({
    generationId,
    accountId: principal.accountId,
    apiKeyId: principal.key.id,
    amount: worstCaseCost(candidates, promptTokens, input.chat.maxTokens ?? null),
    keyPeriodStart,
    expiresAt: new Date(createdAt.getTime() + (deps.reservationTtlMs ?? 15 * 60_000)),
  });
  if (!reserved.ok) {
    const message = reserved.reason === 'key_limit' ? 'This key has reached its spending limit' : 'Insufficient credits for the worst-case cost of this request';
    return { kind: 'failed', generationId: null, error: new SwitchyardError('insufficient_credits', message, { details: { reason: reserved.reason } }), attempts: [] };
  }

  const attempts: AttemptRecord[] = [];
  let served: { model: string; provider: string; result: GenerationResult; cost: Money; latencyMs: number } | undefined;
  let lastError: SwitchyardError | undefined;
  for (const attempt of plan.attempts) {
    const info = catalog.dispatch(attempt.endpoint.id)!;
    const upstream = deps.upstreams.resolve({ slug: info.providerSlug, baseUrl: info.baseUrl });
    const started = performance.now();
    const record = (status: AttemptRecord['status'], error: SwitchyardError | null) =>
      attempts.push({ provider: info.providerSlug, endpointId: attempt.endpoint.id, status, errorClass: error?.code ?? null, httpStatus: error?.metadata.providerStatus ?? null, latencyMs: Math.round(performance.now() - started) });
    if (upstream.mode === 'unavailable') {
      lastError = new SwitchyardError('upstream_unavailable', upstream.reason);
      record('failed', lastError);
      continue;
    }
    if ((await deps.health.admit(attempt.endpoint.id, Date.now())).kind === 'rejected') continue;
    const parts = await completeOnce(adapterFor(info.family), deps.http, input.chat, { baseUrl: upstream.baseUrl, apiKey: upstream.apiKey, providerModelId: info.providerModelId, supportedParameters: [...attempt.endpoint.supportedParameters] as RequestParameter[] });
    const result = foldParts(parts);
    const latencyMs = Math.round(performance.now() - started);
    if (result.error) {
      lastError = result.error;
      record('failed', result.error);
      const outcome = healthOutcomeOf(result.error);
      if (outcome) await deps.health.record(attempt.endpoint.id, outcome, Date.now());
      if (!ERROR_POLICIES[result.error.code].retryable) break;
      continue;
    }
    record('succeeded', null);
    await deps.health.record(attempt.endpoint.id, { kind: 'success', ttftMs: latencyMs }, Date.now());
    const usage = result.usage;
    // Zero-completion insurance: nothing generated, nothing charged.
    const cost = usage && usage.output.total > 0
      ? usageCost(info.pricing, { inputUncached: usage.input.uncached, inputCacheRead: usage.input.cacheRead, inputCacheWrite: usage.input.cacheWrite, outputText: usage.output.text, outputReasoning: usage.output.reasoning }).total
      : ZERO;
    served = { model: attempt.modelId, provider: info.providerSlug, result, cost, latencyMs };
    if (stickyKey) deps.sticky.remember(stickyKey, attempt.modelId, info.providerSlug, Date.now());
    break;
  }

  const usage = served?.result.usage;
  await recordGeneration(deps.em.fork(), {
    id: generationId,
    accountId: principal.accountId,
    apiKeyId: principal.key.id,
    requestedModels: input.models,
    model: served?.model ?? null,
    provider: served?.provider ?? null,
    status: served ? 'succeeded' : 'failed',
    streamed: false,
    tokens: { prompt: usage?.input.total ?? 0, completion: usage?.output.total ?? 0, reasoning: usage?.output.reasoning ?? 0, cached: usage?.input.cacheRead ?? 0 },
    cost: served?.cost ?? ZERO,
    latencyMs: served?.latencyMs ?? null,
    generationTimeMs: served?.latencyMs ?? null,
    finishReason: served?.result.finish?.reason ?? 'error',
    nativeFinishReason: served?.result.finish?.nativeReason ?? null,
    stickyKey,
    createdAt,
    attempts,
  }, keyPeriodStart);

  if (!served) {
    const error = lastError ?? new SwitchyardError('upstream_unavailable', 'Every provider for this request is temporarily unavailable');
    return { kind: 'failed', generationId, error, attempts };
  }
  return { kind: 'completed', generationId, ...served, attempts };
}

import type { EntityManager } from '@mikro-orm/postgresql';
import { SwitchyardError, ERROR_POLICIES } from '../../core/errors.js';
import { ZERO, type Money } from '../../core/billing/money.js';
import { limitPeriodStart } from '../../core/billing/limit-period.js';
import { usageCost, worstCaseCost, type BillablePricing } from '../../core/billing/usage-cost.js';
import { byokFee, type ByokFeeTerms } from '../../core/billing/byok-fee.js';
import { GenerationFolder, type GenerationResult } from '../../core/llm/fold.js';
import type { ChatRequest, RequestParameter } from '../../core/llm/request.js';
import { explainNoRoute, planAttempts, stickyKeyFor, type ProviderPreferences, type StickyMemory } from '../../core/routing/index.js';
import type { HealthStore } from '../../core/health/index.js';
import { adapterFor } from '../../adapters/index.js';
import type { UpstreamHttpClient } from '../../adapters/http-client.js';
import { streamCompletion } from '../../adapters/invoke.js';
import { CreditLedger } from '../../persistence/repositories/credit-ledger.js';
import { countByokGenerationsSince, recordGeneration, type AttemptRecord, type GenerationRecord } from '../../persistence/repositories/generation-recorder.js';
import type { Principal } from '../auth/principal.js';
import type { ByokCredentials } from '../byok/byok-credentials.js';
import type { CatalogSnapshot, CatalogView } from '../routing/catalog-snapshot.js';
import type { UpstreamDirectory } from '../upstreams.js';
import type { RateLimiter } from '../rate-limit/rate-limiter.js';
import type { InFlight } from './in-flight.js';
import { attemptDecision, finishedDecision, plannedDecision, type DecisionSink } from './routing-decisions.js';
import { healthOutcomeOf } from './attempt-outcome.js';
import { byokProviders, dispatchTargets, type AttemptCredential, type DispatchTarget } from './dispatch-targets.js';
import { estimatePromptTokens } from './estimate-prompt-tokens.js';
import { isOutput, type CompletionOutcome, type GenerationEvent } from './generation-events.js';

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

/** Output tokens of a stream cut short (no usage reported): ≈ 4 characters per token, rounded up. */
const estimateOutputTokens = (r: GenerationResult): number =>
  Math.ceil((r.text.length + r.reasoning.length + r.toolCalls.reduce((n, c) => n + c.name.length + c.arguments.length, 0)) / 4);

const newGenerationId = () => `gen-${crypto.randomUUID().replaceAll('-', '')}`;

const firstText = (chat: ChatRequest, role: 'system' | 'user') => {
  const m = chat.messages.find((x) => x.role === role);
  return m ? (typeof m.content === 'string' ? m.content : JSON.stringify(m.content)) : null;
};

/** The provider refused the key itself (revoked, unpaid): says nothing about the endpoint's health when it is a user's key. */
const refusedKey = (error: SwitchyardError) => [401, 402, 403].includes(error.metadata.providerStatus ?? 0);

/** The non-streamed view: the final outcome of `runGeneration` (upstream is streamed either way). */
export async function runCompletion(deps: CompletionDeps, principal: Principal, input: CompletionInput, signal?: AbortSignal): Promise<CompletionOutcome> {
  for await (const event of runGeneration(deps, principal, input, signal)) if (event.type === 'final') return event.outcome;
  throw new Error('generation ended without an outcome');
}

interface Charged {
  model: string;
  provider: string;
  result: GenerationResult;
  /** On credits: list price, or the BYOK fee. */
  cost: Money;
  byok: GenerationRecord['byok'];
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
    const error = new SwitchyardError('service_unavailable', 'This instance is shutting down; retry the request');
    yield { type: 'final', outcome: { kind: 'failed', generationId: null, error, attempts: [] } };
    return;
  }
  const limited = await deps.rateLimiter?.hit(principal.key.id, Date.now());
  if (limited && !limited.allowed) {
    const error = new SwitchyardError('rate_limited', 'Rate limit exceeded for this API key', { retryAfterMs: limited.retryAfterMs });
    yield { type: 'final', outcome: { kind: 'failed', generationId: null, error, attempts: [] } };
    return;
  }
  const [catalog, byok] = await Promise.all([deps.catalog.get(), deps.byok.forAccount(principal.accountId)]);
  const promptTokens = estimatePromptTokens(input.chat);
  const ids = input.models.flatMap((m) => catalog.endpointsOf(m)?.map((e) => e.id) ?? []);
  const snapshots = await deps.health.snapshotMany(ids, Date.now());
  const stickyKey = stickyKeyFor({ sessionId: input.sessionId, firstSystem: firstText(input.chat, 'system'), firstUser: firstText(input.chat, 'user') });
  const plan = planAttempts({
    request: { models: input.models, provider: input.provider, usedParameters: input.usedParameters, inputModalities: input.inputModalities, promptTokens, maxTokens: input.chat.maxTokens ?? null, stickyKey },
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
    deps.decisions?.(finishedDecision(null, principal.accountId, 'refused', ZERO, message));
    yield { type: 'final', outcome: { kind: 'failed', generationId: null, error: new SwitchyardError('not_found', message, { details: metadata }), attempts: [] } };
    return;
  }

  const createdAt = new Date();
  const keyPeriodStart = limitPeriodStart(principal.key.limitReset, createdAt);
  const targets = dispatchTargets(plan.attempts, byok);
  const candidates = targets.map(({ attempt, credential }) => ({
    ...catalog.dispatch(attempt.endpoint.id)!,
    contextLength: attempt.endpoint.contextLength,
    maxCompletionTokens: attempt.endpoint.maxCompletionTokens,
    ...(credential.kind === 'platform' ? {} : { chargedBasisPoints: deps.byokFee.basisPoints }),
  }));
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
    deps.decisions?.(finishedDecision(generationId, principal.accountId, 'refused', ZERO, reserved.reason));
    yield { type: 'final', outcome: { kind: 'failed', generationId: null, error: new SwitchyardError('insufficient_credits', message, { details: { reason: reserved.reason } }), attempts: [] } };
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
  }
}

interface Prepared {
  generationId: string;
  createdAt: Date;
  keyPeriodStart: Date;
  promptTokens: number;
  stickyKey: string | null;
  catalog: CatalogView;
  targets: DispatchTarget[];
}

/** The attempts in order, then the settlement: usage charged, reservation released, rows written. */
async function* attemptAndSettle(deps: CompletionDeps, principal: Principal, input: CompletionInput, prepared: Prepared, signal: AbortSignal): AsyncGenerator<GenerationEvent> {
  const { generationId, createdAt, keyPeriodStart, promptTokens, stickyKey, catalog, targets } = prepared;

  /** What credits pay for `listCost` of usage sent with `credential`. */
  const charge = async (listCost: Money, credential: AttemptCredential): Promise<Pick<Charged, 'cost' | 'byok'>> => {
    if (credential.kind === 'platform') return { cost: listCost, byok: null };
    const earlier = await countByokGenerationsSince(deps.em.fork(), principal.accountId, limitPeriodStart('monthly', createdAt));
    return { cost: byokFee(listCost, earlier, deps.byokFee), byok: { usage: listCost, countedInKeyLimit: principal.key.includeByokInLimit } };
  };

  const attempts: AttemptRecord[] = [];
  let served: (Charged & { latencyMs: number }) | undefined;
  // A client that cancels after output started still pays for what was generated (estimated: no usage arrives).
  let cancelledAfterOutput: (Charged & { outputTokens: number }) | undefined;
  let lastError: SwitchyardError | undefined;
  for (const { attempt, credential } of targets) {
    const info = catalog.dispatch(attempt.endpoint.id)!;
    const provider = { slug: info.providerSlug, baseUrl: info.baseUrl };
    const upstream = credential.kind === 'byok' ? deps.upstreams.resolveByok(provider, credential.apiKey) : deps.upstreams.resolve(provider);
    const started = performance.now();
    const record = (status: AttemptRecord['status'], error: SwitchyardError | null) => {
      const done: AttemptRecord = { provider: info.providerSlug, endpointId: attempt.endpoint.id, status, errorClass: error?.code ?? null, httpStatus: error?.metadata.providerStatus ?? null, latencyMs: Math.round(performance.now() - started) };
      attempts.push(done);
      deps.decisions?.(attemptDecision(generationId, principal.accountId, attempt.modelId, done));
    };
    if (credential.kind === 'byok-unreadable' || upstream.mode === 'unavailable') {
      lastError = credential.kind === 'byok-unreadable'
        ? new SwitchyardError('upstream_unavailable', `Your ${info.providerSlug} key cannot be decrypted on this server; set it again`)
        : new SwitchyardError('upstream_unavailable', upstream.mode === 'unavailable' ? upstream.reason : '');
      record('failed', lastError);
      continue;
    }
    if ((await deps.health.admit(attempt.endpoint.id, Date.now())).kind === 'rejected') continue;
    yield { type: 'attempt-started', provider: info.providerSlug, model: attempt.modelId, byok: credential.kind === 'byok' };
    const folder = new GenerationFolder();
    let firstOutputMs: number | null = null;
    const target = {
      baseUrl: upstream.baseUrl,
      apiKey: upstream.apiKey,
      providerModelId: info.providerModelId,
      supportedParameters: [...attempt.endpoint.supportedParameters] as RequestParameter[],
      ...(upstream.headers ? { extraHeaders: upstream.headers } : {}),
    };
    for await (const part of streamCompletion(adapterFor(info.family), deps.http, input.chat, target, { signal })) {
      folder.add(part);
      if (isOutput(part)) {
        firstOutputMs ??= performance.now() - started;
        yield { type: 'output', part };
      }
    }
    const result = folder.result();
    const latencyMs = Math.round(firstOutputMs ?? performance.now() - started);
    if (result.error) {
      lastError = result.error;
      record(result.error.code === 'cancelled' ? 'cancelled' : 'failed', result.error);
      const outcome = credential.kind === 'byok' && refusedKey(result.error) ? null : healthOutcomeOf(result.error);
      if (outcome) await deps.health.record(attempt.endpoint.id, outcome, Date.now());
      const committed = firstOutputMs !== null;
      if (committed && result.error.code === 'cancelled') {
        const outputTokens = estimateOutputTokens(result);
        const listCost = usageCost(info.pricing, { inputUncached: promptTokens, inputCacheRead: 0, inputCacheWrite: 0, outputText: outputTokens, outputReasoning: 0 }).total;
        cancelledAfterOutput = { model: attempt.modelId, provider: info.providerSlug, result, outputTokens, ...(await charge(listCost, credential)) };
      }
      if (committed || !ERROR_POLICIES[result.error.code].retryable) break;
      yield { type: 'attempt-failed', provider: info.providerSlug, error: result.error };
      continue;
    }
    record('succeeded', null);
    const seconds = (performance.now() - started) / 1000;
    const tokens = result.usage?.output.total ?? 0;
    await deps.health.record(attempt.endpoint.id, { kind: 'success', ttftMs: latencyMs, ...(tokens > 1 && seconds > 0 ? { tokensPerSecond: tokens / seconds } : {}) }, Date.now());
    served = { model: attempt.modelId, provider: info.providerSlug, result, latencyMs, ...(await charge(listCostOf(info.pricing, result), credential)) };
    if (stickyKey) deps.sticky.remember(stickyKey, attempt.modelId, info.providerSlug, Date.now());
    break;
  }

  const usage = served?.result.usage;
  const cancelled = cancelledAfterOutput;
  const status = served ? 'succeeded' : lastError?.code === 'cancelled' ? 'cancelled' : 'failed';
  const cost = served?.cost ?? cancelled?.cost ?? ZERO;
  await recordGeneration(deps.em.fork(), {
    id: generationId,
    accountId: principal.accountId,
    apiKeyId: principal.key.id,
    requestedModels: input.models,
    model: served?.model ?? cancelled?.model ?? null,
    provider: served?.provider ?? cancelled?.provider ?? null,
    status,
    streamed: input.stream ?? false,
    tokens: cancelled
      ? { prompt: promptTokens, completion: cancelled.outputTokens, reasoning: 0, cached: 0 }
      : { prompt: usage?.input.total ?? 0, completion: usage?.output.total ?? 0, reasoning: usage?.output.reasoning ?? 0, cached: usage?.input.cacheRead ?? 0 },
    cost,
    byok: served?.byok ?? cancelled?.byok ?? null,
    latencyMs: served?.latencyMs ?? null,
    generationTimeMs: served?.latencyMs ?? null,
    finishReason: served?.result.finish?.reason ?? 'error',
    nativeFinishReason: served?.result.finish?.nativeReason ?? null,
    stickyKey,
    createdAt,
    attempts,
  }, keyPeriodStart);
  deps.decisions?.(finishedDecision(generationId, principal.accountId, status, cost, served ? null : lastError?.code ?? null));

  if (!served) {
    const error = lastError ?? new SwitchyardError('upstream_unavailable', 'Every provider for this request is temporarily unavailable');
    yield { type: 'final', outcome: { kind: 'failed', generationId, error, attempts } };
    return;
  }
  const { byok: byokUsage, latencyMs: _latency, ...rest } = served;
  yield { type: 'final', outcome: { kind: 'completed', generationId, ...rest, byokUsage: byokUsage?.usage ?? null, attempts } };
}

/** List price of a completed attempt. Zero-completion insurance: nothing generated, nothing charged. */
function listCostOf(pricing: BillablePricing, result: GenerationResult): Money {
  const usage = result.usage;
  if (!usage || usage.output.total === 0) return ZERO;
  return usageCost(pricing, { inputUncached: usage.input.uncached, inputCacheRead: usage.input.cacheRead, inputCacheWrite: usage.input.cacheWrite, outputText: usage.output.text, outputReasoning: usage.output.reasoning }).total;
}

import type { EntityManager } from '@mikro-orm/postgresql';
import { SwitchyardError, ERROR_POLICIES } from '../../core/errors.js';
import { ZERO, type Money } from '../../core/billing/money.js';
import { limitPeriodStart } from '../../core/billing/limit-period.js';
import { usageCost, worstCaseCost } from '../../core/billing/usage-cost.js';
import { GenerationFolder, type GenerationResult } from '../../core/llm/fold.js';
import type { StreamPart } from '../../core/llm/stream-part.js';
import type { ChatRequest, RequestParameter } from '../../core/llm/request.js';
import { explainNoRoute, planAttempts, stickyKeyFor, type ProviderPreferences, type StickyMemory } from '../../core/routing/index.js';
import type { HealthStore } from '../../core/health/index.js';
import { adapterFor } from '../../adapters/index.js';
import type { UpstreamHttpClient } from '../../adapters/http-client.js';
import { streamCompletion } from '../../adapters/invoke.js';
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
  /** Whether the client receives the output as it is generated (recorded on the generation). */
  stream?: boolean;
}

export type CompletionOutcome =
  | { kind: 'completed'; generationId: string; model: string; provider: string; result: GenerationResult; cost: Money; attempts: AttemptRecord[] }
  | { kind: 'failed'; generationId: string | null; error: SwitchyardError; attempts: AttemptRecord[] };

/** Output parts a client sees as they arrive (usage, finish and errors come in the final event). */
export type OutputPart = Extract<StreamPart, { type: 'text-delta' | 'reasoning-delta' | 'tool-call-start' | 'tool-call-delta' | 'tool-call-end' }>;

/** What a generation emits, in order: output parts (possibly none), then exactly one final outcome. */
export type GenerationEvent =
  | { type: 'started'; generationId: string }
  | { type: 'attempt-started'; provider: string; model: string }
  | { type: 'attempt-failed'; provider: string; error: SwitchyardError }
  | { type: 'output'; part: OutputPart }
  | { type: 'final'; outcome: CompletionOutcome };

const isOutput = (p: StreamPart): p is OutputPart =>
  p.type === 'text-delta' || p.type === 'reasoning-delta' || p.type.startsWith('tool-call');

/** Output tokens of a stream cut short (no usage reported): ≈ 4 characters per token, rounded up. */
const estimateOutputTokens = (r: GenerationResult): number =>
  Math.ceil((r.text.length + r.reasoning.length + r.toolCalls.reduce((n, c) => n + c.name.length + c.arguments.length, 0)) / 4);

const newGenerationId = () => `gen-${crypto.randomUUID().replaceAll('-', '')}`;

const firstText = (chat: ChatRequest, role: 'system' | 'user') => {
  const m = chat.messages.find((x) => x.role === role);
  return m ? (typeof m.content === 'string' ? m.content : JSON.stringify(m.content)) : null;
};

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
 * completion tokens costs nothing.
 */
export async function* runGeneration(deps: CompletionDeps, principal: Principal, input: CompletionInput, signal?: AbortSignal): AsyncGenerator<GenerationEvent> {
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
    yield { type: 'final', outcome: { kind: 'failed', generationId: null, error: new SwitchyardError('not_found', message, { details: metadata }), attempts: [] } };
    return;
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
    yield { type: 'final', outcome: { kind: 'failed', generationId: null, error: new SwitchyardError('insufficient_credits', message, { details: { reason: reserved.reason } }), attempts: [] } };
    return;
  }
  yield { type: 'started', generationId };

  const attempts: AttemptRecord[] = [];
  let served: { model: string; provider: string; result: GenerationResult; cost: Money; latencyMs: number } | undefined;
  // A client that cancels after output started still pays for what was generated (estimated: no usage arrives).
  let cancelledAfterOutput: { model: string; provider: string; result: GenerationResult; cost: Money; outputTokens: number } | undefined;
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
    yield { type: 'attempt-started', provider: info.providerSlug, model: attempt.modelId };
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
      const outcome = healthOutcomeOf(result.error);
      if (outcome) await deps.health.record(attempt.endpoint.id, outcome, Date.now());
      const committed = firstOutputMs !== null;
      if (committed && result.error.code === 'cancelled') {
        const outputTokens = estimateOutputTokens(result);
        const cost = usageCost(info.pricing, { inputUncached: promptTokens, inputCacheRead: 0, inputCacheWrite: 0, outputText: outputTokens, outputReasoning: 0 }).total;
        cancelledAfterOutput = { model: attempt.modelId, provider: info.providerSlug, result, cost, outputTokens };
      }
      if (committed || !ERROR_POLICIES[result.error.code].retryable) break;
      yield { type: 'attempt-failed', provider: info.providerSlug, error: result.error };
      continue;
    }
    record('succeeded', null);
    const seconds = (performance.now() - started) / 1000;
    const tokens = result.usage?.output.total ?? 0;
    await deps.health.record(attempt.endpoint.id, { kind: 'success', ttftMs: latencyMs, ...(tokens > 1 && seconds > 0 ? { tokensPerSecond: tokens / seconds } : {}) }, Date.now());
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
  const cancelled = cancelledAfterOutput;
  await recordGeneration(deps.em.fork(), {
    id: generationId,
    accountId: principal.accountId,
    apiKeyId: principal.key.id,
    requestedModels: input.models,
    model: served?.model ?? cancelled?.model ?? null,
    provider: served?.provider ?? cancelled?.provider ?? null,
    status: served ? 'succeeded' : lastError?.code === 'cancelled' ? 'cancelled' : 'failed',
    streamed: input.stream ?? false,
    tokens: cancelled
      ? { prompt: promptTokens, completion: cancelled.outputTokens, reasoning: 0, cached: 0 }
      : { prompt: usage?.input.total ?? 0, completion: usage?.output.total ?? 0, reasoning: usage?.output.reasoning ?? 0, cached: usage?.input.cacheRead ?? 0 },
    cost: served?.cost ?? cancelled?.cost ?? ZERO,
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
    yield { type: 'final', outcome: { kind: 'failed', generationId, error, attempts } };
    return;
  }
  yield { type: 'final', outcome: { kind: 'completed', generationId, ...served, attempts } };
}

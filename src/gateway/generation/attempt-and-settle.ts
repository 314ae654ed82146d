import { SwitchyardError, ERROR_POLICIES } from '../../core/errors.js';
import { add, ZERO, type Money } from '../../core/billing/money.js';
import { limitPeriodStart } from '../../core/billing/limit-period.js';
import { usageCost, type BillablePricing } from '../../core/billing/usage-cost.js';
import { byokFee } from '../../core/billing/byok-fee.js';
import { GenerationFolder, type GenerationResult } from '../../core/llm/fold.js';
import type { RequestParameter } from '../../core/llm/request.js';
import { adapterFor } from '../../adapters/index.js';
import { streamCompletion } from '../../adapters/invoke.js';
import { countByokGenerationsSince, recordGeneration, type AttemptRecord, type GenerationRecord } from '../../persistence/repositories/generation-recorder.js';
import type { Principal } from '../auth/principal.js';
import type { CatalogView } from '../routing/catalog-snapshot.js';
import { healthOutcomeOf } from './attempt-outcome.js';
import type { AttemptCredential, DispatchTarget } from './dispatch-targets.js';
import { isOutput, type GenerationEvent } from './generation-events.js';
import { attemptDecision, finishedDecision } from './routing-decisions.js';
import type { CompletionDeps, CompletionInput } from './run-completion.js';

/** Output tokens of a stream cut short (no usage reported): ≈ 4 characters per token, rounded up. */
const estimateOutputTokens = (r: GenerationResult): number =>
  Math.ceil((r.text.length + r.reasoning.length + r.toolCalls.reduce((n, c) => n + c.name.length + c.arguments.length, 0)) / 4);


/** The provider refused the key itself (revoked, unpaid): says nothing about the endpoint's health when it is a user's key. */
const refusedKey = (error: SwitchyardError) => [401, 402, 403].includes(error.metadata.providerStatus ?? 0);

interface Charged {
  model: string;
  provider: string;
  result: GenerationResult;
  /** On credits: list price, or the BYOK fee. */
  cost: Money;
  byok: GenerationRecord['byok'];
}


export interface Prepared {
  generationId: string;
  createdAt: Date;
  keyPeriodStart: Date;
  promptTokens: number;
  stickyKey: string | null;
  catalog: CatalogView;
  targets: DispatchTarget[];
}

/** The attempts in order, then the settlement: usage charged, reservation released, rows written. */
export async function* attemptAndSettle(deps: CompletionDeps, principal: Principal, input: CompletionInput, prepared: Prepared, signal: AbortSignal): AsyncGenerator<GenerationEvent> {
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
  // An unexpected failure (a bug, the health store) still ends in a settlement: the hold is released once.
  try {
    for (const { attempt, credential } of targets) {
      const info = catalog.dispatch(attempt.endpoint.id)!;
      const provider = { slug: info.providerSlug, baseUrl: info.baseUrl, credentialEnv: info.credentialEnv, extraHeaders: info.extraHeaders, origin: info.origin };
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
  } catch (error) {
    lastError = new SwitchyardError('internal', `generation failed: ${(error as Error).message}`);
  }

  const usage = served?.result.usage;
  const cancelled = cancelledAfterOutput;
  const status = served ? 'succeeded' : lastError?.code === 'cancelled' ? 'cancelled' : 'failed';
  const cost = served?.cost ?? cancelled?.cost ?? ZERO;
  const byokRecord = served?.byok ?? cancelled?.byok ?? null;
  let charged = false;
  try {
    ({ recorded: charged } = await recordGeneration(deps.em.fork(), {
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
      byok: byokRecord,
      latencyMs: served?.latencyMs ?? null,
      generationTimeMs: served?.latencyMs ?? null,
      finishReason: served?.result.finish?.reason ?? 'error',
      nativeFinishReason: served?.result.finish?.nativeReason ?? null,
      stickyKey,
      createdAt,
      attempts,
    }, keyPeriodStart));
  } catch (error) {
    // Unknown whether it committed: the account's balance is re-read before it is relied on again.
    deps.reservations.invalidate(principal.accountId);
    throw error;
  } finally {
    const keyCharged = byokRecord?.countedInKeyLimit ? add(cost, byokRecord.usage) : cost;
    deps.reservations.settled({ generationId, charged: charged ? cost : ZERO, keyCharged: charged ? keyCharged : ZERO, keyPeriodStart });
  }
  deps.decisions?.(finishedDecision(generationId, principal.accountId, status, {
    reason: served ? null : lastError?.code ?? null,
    provider: served?.provider ?? cancelled?.provider ?? null,
    cost,
    promptTokens: usage?.input.total ?? (cancelled ? promptTokens : 0),
    completionTokens: usage?.output.total ?? cancelled?.outputTokens ?? 0,
    ttftMs: served?.latencyMs ?? null,
  }));

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


import { SwitchyardError } from '../../core/errors.js';
import { compare, min, sub, ZERO, type Money } from '../../core/billing/money.js';
import { keyChargeOf } from '../billing/key-charge.js';
import { usageCost, type BillablePricing } from '../../core/billing/usage-cost.js';
import { byokFee } from '../../core/billing/byok-fee.js';
import type { GenerationResult } from '../../core/llm/fold.js';
import type { GenerationRecord, GenerationTokens } from '../../core/generation/record.js';
import { fitRecord } from '../../core/generation/fit-record.js';
import type { Admission } from './admit.js';
import type { AttemptsResult, AttemptWithOutput } from './attempts.js';
import type { SettleDeps } from './generation-deps.js';
import type { GenerationOutcome } from './generation-events.js';

/** What one settlement decided: the record to write, the outcome to answer with, and any usage above the hold. */
export interface Settlement {
  record: GenerationRecord;
  outcome: GenerationOutcome;
  /** Reported usage the hold did not cover, left uncharged (the charge never exceeds the hold). */
  overHold: Money;
}

/** Output tokens of a stream cut short (no usage reported): ≈ 4 characters per token, rounded up. */
const estimateOutputTokens = (r: GenerationResult): number =>
  Math.ceil((r.text.length + r.reasoning.length + r.toolCalls.reduce((n, c) => n + c.name.length + c.arguments.length, 0)) / 4);

const NO_TOKENS: GenerationTokens = { prompt: 0, completion: 0, reasoning: 0, cached: 0, cacheWrite: 0 };

/** List price of a completed attempt. Zero-completion insurance: nothing generated, nothing charged. */
function listCostOf(pricing: BillablePricing, result: GenerationResult): Money {
  const usage = result.usage;
  if (!usage || usage.output.total === 0) return ZERO;
  return usageCost(pricing, { inputUncached: usage.input.uncached, inputCacheRead: usage.input.cacheRead, inputCacheWrite: usage.input.cacheWrite, outputText: usage.output.text, outputReasoning: usage.output.reasoning }).total;
}

/** What was billed for, and at what list price: the served answer, or output a cancelled stream delivered. */
function billable(admission: Admission, result: AttemptsResult): { output: AttemptWithOutput; tokens: GenerationTokens; listCost: Money } | null {
  if (result.kind === 'served') {
    const { served } = result;
    const u = served.result.usage;
    const tokens = u ? { prompt: u.input.total, completion: u.output.total, reasoning: u.output.reasoning, cached: u.input.cacheRead, cacheWrite: u.input.cacheWrite } : NO_TOKENS;
    return { output: served, tokens, listCost: listCostOf(served.info.pricing, served.result) };
  }
  // A client that cancels after output started pays for what was generated (estimated: no usage arrives).
  if (result.kind === 'cut-short' && result.error.code === 'cancelled') {
    const completion = estimateOutputTokens(result.partial.result);
    const listCost = usageCost(result.partial.info.pricing, { inputUncached: admission.promptTokens, inputCacheRead: 0, inputCacheWrite: 0, outputText: completion, outputReasoning: 0 }).total;
    return { output: result.partial, tokens: { ...NO_TOKENS, prompt: admission.promptTokens, completion }, listCost };
  }
  return null;
}

/**
 * The pure part of settling: the charge (list price, or the BYOK fee after the free allowance, never
 * above the hold), the generation record, and the outcome. `byokEarlier` counts this month's earlier
 * BYOK requests and is asked only when a BYOK attempt is billed.
 */
export function settlementOf(admission: Admission, result: AttemptsResult, feeTerms: SettleDeps['byokFee'], byokEarlier: () => number, finishedAt: Date): Settlement {
  const { principal, input, generationId, held } = admission;
  const billed = billable(admission, result);
  const byokBilled = billed !== null && billed.output.target.credential.kind === 'byok';
  const wanted = !billed ? ZERO : byokBilled ? byokFee(billed.listCost, byokEarlier(), feeTerms) : billed.listCost;
  const cost = min(wanted, held);
  const byokUsage = byokBilled ? billed.listCost : null;
  const countedInKeyLimit = principal.key.includeByokInLimit;
  const error = result.kind === 'served' ? null : result.error;
  const status = result.kind === 'served' ? 'succeeded' : error?.code === 'cancelled' ? 'cancelled' : 'failed';
  const served = result.kind === 'served' ? result.served : null;
  const record = fitRecord({
    id: generationId,
    accountId: principal.accountId,
    apiKeyId: principal.key.id,
    requestedModels: input.models,
    model: billed ? billed.output.target.attempt.modelId : null,
    provider: billed ? billed.output.info.providerSlug : null,
    status,
    streamed: input.stream,
    tokens: billed?.tokens ?? NO_TOKENS,
    cost,
    held,
    byok: byokUsage === null ? null : { usage: byokUsage, countedInKeyLimit },
    keyPeriodStart: admission.keyPeriodStart,
    ttftMs: served?.ttftMs ?? null,
    generationTimeMs: served?.durationMs ?? null,
    finishReason: served?.result.finish?.reason ?? 'error',
    nativeFinishReason: served?.result.finish?.nativeReason ?? null,
    stickyKey: admission.stickyKey,
    createdAt: admission.createdAt,
    finishedAt,
    attempts: result.attempts,
  });
  const overHold = compare(wanted, held) > 0 ? sub(wanted, held) : ZERO;
  const outcome: GenerationOutcome = served
    ? { kind: 'completed', generationId, model: record.model!, provider: record.provider!, result: served.result, cost, byokUsage, attempts: result.attempts }
    : { kind: 'failed', generationId, error: errorInfo(error!), cost, tokens: record.tokens, provider: record.provider, attempts: result.attempts };
  return { record, outcome, overHold };
}

const errorInfo = (e: SwitchyardError) => ({ code: e.code, message: e.message, metadata: e.metadata });


/**
 * Step three, the only place that charges, records and releases: the settlement is handed to the
 * writer (once — the pipeline calls this exactly once per admitted generation; the writer commits it
 * within milliseconds and is idempotent by id) and the hold is released for the settled charge.
 */
export function settle(deps: SettleDeps, admission: Admission, result: AttemptsResult): Settlement {
  const now = deps.clock.now();
  const settlement = settlementOf(admission, result, deps.byokFee, () => deps.byokAllowance.take(admission.principal.accountId, now), new Date(now));
  const { record } = settlement;
  deps.settlements.record(record);
  deps.reservations.settled({ generationId: record.id, accountId: record.accountId, apiKeyId: record.apiKeyId, charged: record.cost, keyCharged: keyChargeOf(record), keyPeriodStart: record.keyPeriodStart });
  return settlement;
}

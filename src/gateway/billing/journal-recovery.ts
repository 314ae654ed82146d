import { min, ZERO } from '../../core/billing/money.js';
import { usageCost } from '../../core/billing/usage-cost.js';
import type { GenerationRecord } from '../../core/generation/record.js';
import type { AdmittedEntry, JournalEntry, ProgressEntry } from './journal.js';

/** Output tokens of output the journal saw (no usage arrived): ≈ 4 characters per token, rounded up. */
const estimateTokens = (chars: number) => Math.ceil(chars / 4);

/** What an interrupted generation is settled as: what the journal knew it delivered, never above its hold. */
function interrupted(admitted: AdmittedEntry, progress: ProgressEntry | undefined, finishedAt: Date): GenerationRecord {
  const completion = progress ? estimateTokens(progress.outputChars) : 0;
  const listCost = progress && completion > 0
    ? usageCost(progress.pricing, { inputUncached: admitted.promptTokens, inputCacheRead: 0, inputCacheWrite: 0, outputText: completion, outputReasoning: 0 }).total
    : ZERO;
  // BYOK output was paid to the provider with the user's key: credits owe at most the fee, which the allowance may waive — charge nothing.
  const cost = progress?.byok ? ZERO : min(listCost, admitted.held);
  return {
    id: admitted.id,
    accountId: admitted.accountId,
    apiKeyId: admitted.apiKeyId,
    requestedModels: admitted.models,
    model: progress?.model ?? null,
    provider: progress?.provider ?? null,
    status: progress ? 'cancelled' : 'failed',
    streamed: admitted.streamed,
    tokens: { prompt: progress ? admitted.promptTokens : 0, completion, reasoning: 0, cached: 0, cacheWrite: 0 },
    cost,
    held: admitted.held,
    byok: null,
    keyPeriodStart: new Date(admitted.keyPeriodStart),
    ttftMs: null,
    generationTimeMs: null,
    finishReason: 'error',
    nativeFinishReason: null,
    stickyKey: admitted.stickyKey,
    createdAt: new Date(admitted.createdAt),
    finishedAt,
    attempts: progress
      ? [{ provider: progress.provider, model: progress.model, endpointId: progress.endpointId, byok: progress.byok, status: 'cancelled', errorCode: 'internal', errorMessage: 'interrupted: the instance stopped before the generation settled', httpStatus: null, durationMs: null, ttftMs: null }]
      : [],
  };
}

/**
 * The settlements a journal still owes, in order: each generation admitted but never committed —
 * its settled record when the journal has it, else what was delivered as far as the journal knows
 * (billed at the serving endpoint's price, capped at the hold; nothing when no output was seen).
 */
export function owedSettlements(entries: Iterable<JournalEntry>, finishedAt: Date): GenerationRecord[] {
  const admitted = new Map<string, AdmittedEntry>();
  const progress = new Map<string, ProgressEntry>();
  const settled = new Map<string, GenerationRecord>();
  const committed = new Set<string>();
  for (const e of entries) {
    if (e.t === 'admitted') admitted.set(e.id, e);
    else if (e.t === 'progress') progress.set(e.id, e);
    else if (e.t === 'settled') settled.set(e.record.id, e.record);
    else for (const id of e.ids) committed.add(id);
  }
  const owed: GenerationRecord[] = [];
  for (const [id, record] of settled) if (!committed.has(id)) owed.push(record);
  for (const [id, entry] of admitted) if (!committed.has(id) && !settled.has(id)) owed.push(interrupted(entry, progress.get(id), finishedAt));
  return owed;
}

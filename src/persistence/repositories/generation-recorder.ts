import type { EntityManager } from '@mikro-orm/postgresql';
import { ZERO, type Money } from '../../core/billing/money.js';
import { AttemptSchema, GenerationSchema } from '../entities/index.js';
import { CreditLedger } from './credit-ledger.js';

export interface AttemptRecord {
  provider: string;
  endpointId: string;
  status: 'succeeded' | 'failed' | 'cancelled';
  errorClass: string | null;
  httpStatus: number | null;
  latencyMs: number | null;
}

export interface GenerationRecord {
  id: string;
  accountId: string;
  apiKeyId: string | null;
  requestedModels: string[];
  model: string | null;
  provider: string | null;
  status: 'succeeded' | 'failed' | 'cancelled';
  streamed: boolean;
  tokens: { prompt: number; completion: number; reasoning: number; cached: number };
  /** Charged on credits (for a BYOK request: the BYOK fee). */
  cost: Money;
  /** Set when the provider was paid with the account's own key: that usage at list price. */
  byok: { usage: Money; countedInKeyLimit: boolean } | null;
  latencyMs: number | null;
  generationTimeMs: number | null;
  finishReason: string | null;
  nativeFinishReason: string | null;
  stickyKey: string | null;
  createdAt: Date;
  attempts: AttemptRecord[];
}

/** BYOK requests the account made since `since` (for the free monthly allowance of the BYOK fee). */
export async function countByokGenerationsSince(em: EntityManager, accountId: string, since: Date): Promise<number> {
  return em.count(GenerationSchema, { account: accountId, isByok: true, createdAt: { $gte: since } });
}

/**
 * Settles a generation in one transaction: the usage charge and reservation release, the generation
 * row and its attempts. Idempotent by generation id — a second call changes nothing.
 */
export async function recordGeneration(em: EntityManager, g: GenerationRecord, keyPeriodStart: Date): Promise<{ recorded: boolean }> {
  return em.transactional(async (tx) => {
    if (await tx.findOne(GenerationSchema, { id: g.id }, { fields: ['id'] })) return { recorded: false };
    await new CreditLedger(tx).settle({
      generationId: g.id,
      accountId: g.accountId,
      apiKeyId: g.apiKeyId,
      cost: g.cost,
      kind: g.byok ? 'byok_fee' : 'usage',
      extraKeyUsage: g.byok?.countedInKeyLimit ? g.byok.usage : ZERO,
      keyPeriodStart,
      description: g.model ? `${g.model} via ${g.provider}` : undefined,
    });
    const generation = tx.create(GenerationSchema, {
      id: g.id,
      account: g.accountId,
      apiKey: g.apiKeyId,
      requestedModels: g.requestedModels,
      model: g.model,
      provider: g.provider,
      status: g.status,
      streamed: g.streamed,
      cancelled: g.status === 'cancelled',
      tokensPrompt: g.tokens.prompt,
      tokensCompletion: g.tokens.completion,
      tokensReasoning: g.tokens.reasoning,
      tokensCached: g.tokens.cached,
      cost: g.cost,
      isByok: g.byok !== null,
      byokUsage: g.byok?.usage ?? ZERO,
      latencyMs: g.latencyMs,
      generationTimeMs: g.generationTimeMs,
      finishReason: g.finishReason,
      nativeFinishReason: g.nativeFinishReason,
      stickyKey: g.stickyKey,
      createdAt: g.createdAt,
      finishedAt: new Date(),
    });
    g.attempts.forEach((a, ordinal) => tx.create(AttemptSchema, { ...a, generation, ordinal }));
    await tx.flush();
    return { recorded: true };
  });
}

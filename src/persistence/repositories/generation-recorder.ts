import type { EntityManager } from '@mikro-orm/postgresql';
import { sub, ZERO } from '../../core/billing/money.js';
import type { GenerationRecord } from '../../core/generation/record.js';
import { AttemptSchema, GenerationSchema } from '../entities/index.js';
import { CreditLedger } from './credit-ledger.js';

/** BYOK requests the account made since `since` (for the free monthly allowance of the BYOK fee). */
export async function countByokGenerationsSince(em: EntityManager, accountId: string, since: Date): Promise<number> {
  return em.count(GenerationSchema, { account: accountId, isByok: true, createdAt: { $gte: since } });
}

/**
 * Writes a settlement in one transaction: the usage charge and reservation release, the generation
 * row and its attempts. Idempotent by generation id — a second call changes nothing. `keyCharge` is
 * what the key's limit counts (the cost, plus BYOK usage when the key includes it).
 */
export async function recordGeneration(em: EntityManager, g: GenerationRecord, keyCharge: GenerationRecord['cost']): Promise<{ recorded: boolean }> {
  return em.transactional(async (tx) => {
    if (await tx.findOne(GenerationSchema, { id: g.id }, { fields: ['id'] })) return { recorded: false };
    await new CreditLedger(tx).settle({
      generationId: g.id,
      accountId: g.accountId,
      apiKeyId: g.apiKeyId,
      cost: g.cost,
      kind: g.byok ? 'byok_fee' : 'usage',
      extraKeyUsage: sub(keyCharge, g.cost),
      keyPeriodStart: g.keyPeriodStart,
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
      tokensCacheWrite: g.tokens.cacheWrite,
      cost: g.cost,
      isByok: g.byok !== null,
      byokUsage: g.byok?.usage ?? ZERO,
      ttftMs: g.ttftMs,
      generationTimeMs: g.generationTimeMs,
      finishReason: g.finishReason,
      nativeFinishReason: g.nativeFinishReason,
      stickyKey: g.stickyKey,
      createdAt: g.createdAt,
      finishedAt: g.finishedAt,
    });
    g.attempts.forEach((a, ordinal) => tx.create(AttemptSchema, { ...a, generation, ordinal }));
    await tx.flush();
    return { recorded: true };
  });
}

import type { EntityManager } from '@mikro-orm/postgresql';
import { add, sub, ZERO, type Money } from '../../core/billing/money.js';
import type { GenerationRecord } from '../../core/generation/record.js';
import { committedBalance, committedKeyUsage } from '../../persistence/queries/credit-state.js';
import { keyChargeOf } from './key-charge.js';

/** What a credit gate loads when it first sees an account or a key: the ledger's view plus what is settled but not yet committed. */
export interface CreditState {
  balance(accountId: string): Promise<Money | null>;
  keyUsage(apiKeyId: string, accountId: string): Promise<{ periodUsage: Money; periodStart: Date } | null>;
}

const sum = (values: readonly Money[]) => values.reduce((a, b) => add(a, b), ZERO);

/**
 * The committed state minus the settlements this instance accepted but has not committed yet. Every
 * one pending before or after the read is counted (one that committed in between is counted twice —
 * an under-estimate of what is available, never an over-estimate).
 */
export function creditState(em: EntityManager, uncommitted: (accountId: string) => readonly GenerationRecord[]): CreditState {
  const pendingOf = async <T>(accountId: string, read: () => Promise<T>) => {
    const before = uncommitted(accountId);
    const value = await read();
    return { value, pending: [...new Map([...before, ...uncommitted(accountId)].map((r) => [r.id, r])).values()] };
  };
  return {
    async balance(accountId) {
      const { value, pending } = await pendingOf(accountId, () => committedBalance(em.fork(), accountId));
      return value === null ? null : sub(value, sum(pending.map((r) => r.cost)));
    },
    async keyUsage(apiKeyId, accountId) {
      const { value, pending } = await pendingOf(accountId, () => committedKeyUsage(em.fork(), apiKeyId));
      if (value === null) return null;
      const ofKey = pending.filter((r) => r.apiKeyId === apiKeyId && r.keyPeriodStart >= value.periodStart);
      return { periodStart: value.periodStart, periodUsage: add(value.periodUsage, sum(ofKey.map(keyChargeOf))) };
    },
  };
}

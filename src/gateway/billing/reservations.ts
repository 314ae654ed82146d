import type { Money } from '../../core/billing/money.js';

export interface ReserveInput {
  generationId: string;
  accountId: string;
  apiKeyId: string | null;
  amount: Money;
  /** Start of the key's current limit period: usage before it no longer counts. */
  keyPeriodStart: Date;
  /** The key's spending limit in that period; null when it has none. */
  keyLimit: Money | null;
}

export type ReserveResult = { ok: true } | { ok: false; reason: 'insufficient_credits' | 'key_limit' };

export interface SettledHold {
  generationId: string;
  accountId: string;
  apiKeyId: string | null;
  /** What the settlement charged on credits, and what it counted against the key's limit. */
  charged: Money;
  keyCharged: Money;
  keyPeriodStart: Date;
}

/**
 * The credit gate: where a request's worst-case cost is held from admission to settlement, checked
 * against the account's balance and the key's limit in one atomic step, with no database round trip
 * once an account is known. Two implementations share one contract test: in memory (one instance)
 * and in Redis (several). The ledger stays the source of truth; the gate is loaded from it.
 */
export interface Reservations {
  reserve(input: ReserveInput): Promise<ReserveResult>;
  /** The generation settled for `charged` (possibly nothing): release its hold and move the balance. */
  settled(hold: SettledHold): void;
  /** Credits were added outside a settlement (purchase, grant, refund) and committed. */
  credited(accountId: string, amount: Money): Promise<void>;
  /** The balance may differ from what is tracked (changed outside this gate): re-read it. */
  invalidate(accountId: string): Promise<void>;
  /** What generations in flight hold of an account's balance and of a key's limit, right now. */
  held(accountId: string, apiKeyId?: string): Promise<{ account: Money; key: Money }>;
}

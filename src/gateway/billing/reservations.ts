import type { EntityManager } from '@mikro-orm/postgresql';
import { CreditLedger, type ReserveInput, type ReserveResult } from '../../persistence/repositories/credit-ledger.js';
import type { Money } from '../../core/billing/money.js';

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
 * Where a request's worst-case cost is held until it settles. The settlement itself is always the
 * durable ledger transaction (recordGeneration); `settled` tells the holder it happened.
 */
export interface Reservations {
  reserve(input: ReserveInput & { keyLimit: Money | null }): Promise<ReserveResult>;
  /** Call after the settlement committed (or the generation ended without one). */
  settled(hold: SettledHold): void;
  /** Credits were added outside a settlement (purchase, grant, refund) and committed. */
  credited(accountId: string, amount: Money): void;
  /** The balance may differ from what is tracked (a settlement whose outcome is unknown): re-read it. */
  invalidate(accountId: string): void;
}

/** Holds as rows in the database (reservation + account/key counters): correct across instances. */
export function databaseReservations(em: EntityManager): Reservations {
  return {
    reserve: (input) => new CreditLedger(em.fork()).reserve(input),
    settled: () => {},
    credited: () => {},
    invalidate: () => {},
  };
}

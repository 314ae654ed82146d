import type { EntityManager } from '@mikro-orm/postgresql';
import { negate, type Money } from '../../core/billing/money.js';
import { CreditLedger } from '../../persistence/repositories/credit-ledger.js';
import type { Principal } from '../auth/principal.js';
import { ForbiddenError, InvalidInputError } from '../user-errors.js';
import type { PaymentProvider } from './payment-provider.js';
import { quoteCreditPurchase, type PurchaseTerms } from './purchase-quote.js';

export type { PurchaseTerms } from './purchase-quote.js';
import type { Reservations } from './reservations.js';

export class PaymentDeclinedError extends Error {
  readonly code = 'PAYMENT_DECLINED' as const;
  readonly status = 402 as const;
}

export interface CreditPurchase {
  /** Credits added to the account. */
  amount: Money;
  fee: Money;
  /** What the card was charged: amount + fee. */
  charged: Money;
  applied: boolean;
}

/**
 * Charges amount + fee (5.5 %, at least $0.80 by default), then records the purchase and its fee in
 * one ledger posting. Both steps are idempotent by the client's key, so retrying after a failure
 * between them completes the purchase without charging twice.
 */
export async function purchaseCredits(
  em: EntityManager,
  payments: PaymentProvider,
  terms: PurchaseTerms,
  principal: Principal,
  input: { amount: Money; idempotencyKey: string },
  /** Told of the committed credit, so what new requests may hold grows at once (on every instance with Redis). */
  reservations: Pick<Reservations, 'credited'>,
): Promise<CreditPurchase> {
  if (principal.key.kind !== 'management') throw new ForbiddenError('Buying credits needs a management key');
  const { fee, charged } = quoteCreditPurchase(terms, input.amount);
  const key = input.idempotencyKey.trim();
  if (key.length < 8 || key.length > 100) throw new InvalidInputError('idempotencyKey must be 8 to 100 characters', 'idempotencyKey');

  const scope = `${principal.accountId}:${key}`;
  const payment = await payments.charge({ accountId: principal.accountId, amount: charged, idempotencyKey: `purchase:${scope}` });
  if (!payment.ok) throw new PaymentDeclinedError(payment.reason);
  const applied = await new CreditLedger(em).post(principal.accountId, [
    { kind: 'purchase', amount: charged, idempotencyKey: `purchase:${scope}`, description: `Payment ${payment.paymentId}` },
    { kind: 'fee', amount: negate(fee), idempotencyKey: `purchase-fee:${scope}`, description: 'Credit purchase fee' },
  ]);
  if (applied) await reservations.credited(principal.accountId, input.amount);
  return { amount: input.amount, fee, charged, applied };
}

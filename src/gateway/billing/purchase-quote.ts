import { add, feeWithMinimum, parseUsd, type Money } from '../../core/billing/money.js';
import { InvalidInputError } from '../user-errors.js';

export interface PurchaseTerms {
  purchaseFeeBasisPoints: bigint;
  purchaseFeeMinimum: Money;
}

export interface PurchaseQuote {
  /** Credits added to the account. */
  amount: Money;
  fee: Money;
  /** What the card is charged: amount + fee. */
  charged: Money;
}

const MIN_PURCHASE = parseUsd('1');
const MAX_PURCHASE = parseUsd('10000');

/** What buying `amount` of credits costs under these terms: the one fee rule, shown before and applied at purchase. */
export function quoteCreditPurchase(terms: PurchaseTerms, amount: Money): PurchaseQuote {
  if (amount < MIN_PURCHASE || amount > MAX_PURCHASE) throw new InvalidInputError('amount must be between 1 and 10000 USD', 'amount');
  const fee = feeWithMinimum(amount, terms.purchaseFeeBasisPoints, terms.purchaseFeeMinimum);
  return { amount, fee, charged: add(amount, fee) };
}

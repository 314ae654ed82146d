import type { Money } from '../../core/billing/money.js';

export type PaymentResult = { ok: true; paymentId: string } | { ok: false; reason: string };

/** Where credit purchases are charged. Charges are idempotent by key, so a retried purchase pays once. */
export interface PaymentProvider {
  charge(input: { accountId: string; amount: Money; idempotencyKey: string }): Promise<PaymentResult>;
}

/**
 * The built-in provider for development and tests: approves every charge (or those `approve` allows)
 * and remembers idempotency keys like a real processor would.
 */
export function createTestPaymentProvider(approve: (amount: Money) => boolean = () => true): PaymentProvider {
  const seen = new Map<string, PaymentResult>();
  return {
    async charge({ amount, idempotencyKey }) {
      const previous = seen.get(idempotencyKey);
      if (previous) return previous;
      const result: PaymentResult = approve(amount)
        ? { ok: true, paymentId: `test_pay_${seen.size + 1}` }
        : { ok: false, reason: 'The card was declined' };
      seen.set(idempotencyKey, result);
      return result;
    },
  };
}

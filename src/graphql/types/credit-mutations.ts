import { builder } from '../builder.js';
import { purchaseCredits, PaymentDeclinedError, type CreditPurchase } from '../../gateway/billing/purchase-credits.js';
import { requirePrincipal } from '../require-principal.js';
import { USER_ERRORS, UserErrorInterface } from './user-errors.js';

builder.objectType(PaymentDeclinedError, {
  name: 'PaymentDeclinedError',
  description: 'The payment provider refused the charge; no credits were added.',
  interfaces: [UserErrorInterface],
  fields: () => ({}),
});

const CreditPurchaseRef = builder.objectRef<CreditPurchase>('CreditPurchase').implement({
  fields: (t) => ({
    amount: t.field({ type: 'Money', description: 'Credits added.', resolve: (p) => p.amount }),
    fee: t.field({ type: 'Money', description: 'The purchase fee.', resolve: (p) => p.fee }),
    charged: t.field({ type: 'Money', description: 'Charged to the payment method: amount + fee.', resolve: (p) => p.charged }),
    applied: t.exposeBoolean('applied', { description: 'false when this idempotency key was already used (nothing charged again).' }),
  }),
});

const PurchaseCreditsInput = builder.inputType('PurchaseCreditsInput', {
  fields: (t) => ({
    amount: t.field({ type: 'Money', required: true, description: 'Credits to add, in USD (1 to 10000).' }),
    idempotencyKey: t.string({ required: true, description: 'Unique per purchase; a retry with the same key never charges twice.' }),
  }),
});

builder.mutationField('purchaseCredits', (t) =>
  t.field({
    type: CreditPurchaseRef,
    errors: { types: [...USER_ERRORS, PaymentDeclinedError] },
    args: { input: t.arg({ type: PurchaseCreditsInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const principal = requirePrincipal(ctx);
      return purchaseCredits(ctx.em, ctx.payments, ctx.purchaseTerms, principal, input, ctx.reservations);
    },
  }),
);

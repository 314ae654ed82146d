import { builder } from '../builder.js';
import { quoteCreditPurchase, type PurchaseQuote } from '../../gateway/billing/purchase-quote.js';
import { InvalidInputError } from '../../gateway/user-errors.js';

const CreditPurchaseQuoteRef = builder.objectRef<PurchaseQuote>('CreditPurchaseQuote').implement({
  description: 'What `purchaseCredits` with this amount would charge, under the server’s current fee terms.',
  fields: (t) => ({
    amount: t.field({ type: 'Money', description: 'Credits added.', resolve: (q) => q.amount }),
    fee: t.field({ type: 'Money', description: 'The purchase fee.', resolve: (q) => q.fee }),
    charged: t.field({ type: 'Money', description: 'Charged to the payment method: amount + fee.', resolve: (q) => q.charged }),
  }),
});

builder.queryField('creditPurchaseQuote', (t) =>
  t.field({
    type: CreditPurchaseQuoteRef,
    description: 'The fee and total for buying `amount` of credits (USD, 1 to 10000), to show before confirming a purchase.',
    errors: { types: [InvalidInputError] },
    args: { amount: t.arg({ type: 'Money', required: true }) },
    resolve: (_root, { amount }, ctx) => quoteCreditPurchase(ctx.purchaseTerms, amount),
  }),
);

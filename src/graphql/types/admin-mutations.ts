import { builder } from '../builder.js';
import { grantCredits } from '../../gateway/admin/grant-credits.js';
import { setEndpointStatus, updateEndpointPricing } from '../../gateway/catalog/catalog-admin.js';
import type { Account } from '../../persistence/entities/index.js';
import { requirePrincipal } from '../require-principal.js';
import { EndpointRef } from './endpoint.js';
import { EndpointStatusEnum } from './enums.js';
import { AccountRef } from './viewer.js';
import { USER_ERRORS } from './user-errors.js';

const GrantCreditsInput = builder.inputType('GrantCreditsInput', {
  fields: (t) => ({
    accountId: t.globalID({ required: true, for: [AccountRef] }),
    amount: t.field({ type: 'Money', required: true }),
    reason: t.string({ required: true }),
    idempotencyKey: t.string({ required: true }),
    refund: t.boolean({ defaultValue: false, description: 'Record as a refund instead of a grant.' }),
  }),
});

const CreditGrantRef = builder.objectRef<{ account: Account; applied: boolean }>('CreditGrant').implement({
  fields: (t) => ({
    account: t.field({ type: AccountRef, resolve: (g) => g.account }),
    applied: t.exposeBoolean('applied', { description: 'false when this idempotency key was already used.' }),
  }),
});

builder.mutationField('grantCredits', (t) =>
  t.field({
    type: CreditGrantRef,
    description: 'Operator: add credits to an account.',
    errors: { types: USER_ERRORS },
    args: { input: t.arg({ type: GrantCreditsInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      return grantCredits(ctx.em, requirePrincipal(ctx), {
        accountId: input.accountId.id,
        amount: input.amount,
        reason: input.reason,
        idempotencyKey: input.idempotencyKey,
        kind: input.refund ? 'refund' : 'grant',
      }, ctx.reservations);
    },
  }),
);

builder.mutationField('setEndpointStatus', (t) =>
  t.field({
    type: EndpointRef,
    description: 'Operator: DISABLED takes an endpoint out of routing; ACTIVE brings it back.',
    errors: { types: USER_ERRORS },
    args: {
      id: t.arg.globalID({ required: true, for: [EndpointRef] }),
      status: t.arg({ type: EndpointStatusEnum, required: true }),
    },
    resolve: (_root, { id, status }, ctx) => setEndpointStatus(ctx.catalogAdmin, requirePrincipal(ctx), id.id, status),
  }),
);

export const PricingInput = builder.inputType('EndpointPricingInput', {
  description: 'USD per token (or per unit for request/image/webSearch); omitted fields keep their price.',
  fields: (t) => ({
    prompt: t.field({ type: 'Money' }),
    completion: t.field({ type: 'Money' }),
    request: t.field({ type: 'Money' }),
    image: t.field({ type: 'Money' }),
    webSearch: t.field({ type: 'Money' }),
    internalReasoning: t.field({ type: 'Money' }),
    inputCacheRead: t.field({ type: 'Money' }),
    inputCacheWrite: t.field({ type: 'Money' }),
  }),
});

builder.mutationField('updateEndpointPricing', (t) =>
  t.field({
    type: EndpointRef,
    description: 'Operator: change an endpoint’s list prices.',
    errors: { types: USER_ERRORS },
    args: { id: t.arg.globalID({ required: true, for: [EndpointRef] }), pricing: t.arg({ type: PricingInput, required: true }) },
    resolve: (_root, { id, pricing }, ctx) =>
      updateEndpointPricing(ctx.catalogAdmin, requirePrincipal(ctx), id.id, Object.fromEntries(Object.entries(pricing).filter(([, v]) => v != null))),
  }),
);

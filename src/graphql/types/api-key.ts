import { builder } from '../builder.js';
import { limitRemaining } from '../../core/billing/limit-period.js';
import type { ApiKey } from '../../persistence/entities/index.js';
import { accountQueries } from '../../persistence/queries/account-queries.js';

export const ApiKeyKindEnum = builder.enumType('ApiKeyKind', {
  values: { INFERENCE: { value: 'inference' }, MANAGEMENT: { value: 'management' } } as const,
});
export const LimitResetEnum = builder.enumType('LimitReset', {
  values: { NONE: { value: 'none' }, DAILY: { value: 'daily' }, WEEKLY: { value: 'weekly' }, MONTHLY: { value: 'monthly' } } as const,
});


export const ApiKeyRef = builder.objectRef<ApiKey>('ApiKey');

builder.node(ApiKeyRef, {
  description: 'An API key. Its secret is shown only once, when created.',
  id: { resolve: (k) => k.id },
  // Scoped to the caller's account: another account's key id resolves to null, like a missing one.
  loadMany: async (ids, ctx) => {
    if (!ctx.principal) return ids.map(() => null);
    const keys = await accountQueries(ctx.em).keys(ctx.principal.accountId, ids);
    return ids.map((id) => keys.find((k) => k.id === id) ?? null);
  },
  isTypeOf: (value) => typeof value === 'object' && value !== null && 'limitReset' in value && 'hash' in value,
  fields: (t) => ({
    name: t.exposeString('name'),
    prefix: t.exposeString('prefix', { description: 'The first characters, to recognise the key.' }),
    kind: t.field({ type: ApiKeyKindEnum, resolve: (k) => k.kind }),
    limit: t.field({ type: 'Money', nullable: true, resolve: (k) => k.limit ?? null }),
    limitReset: t.field({ type: LimitResetEnum, resolve: (k) => k.limitReset }),
    limitRemaining: t.field({
      type: 'Money',
      nullable: true,
      description: 'limit − usage this period − what generations in flight hold; null without a limit.',
      resolve: async (k, _args, ctx) => limitRemaining({ ...k, held: (await ctx.reservations.held(k.account.id, k.id)).key }, new Date()),
    }),
    usage: t.field({ type: 'Money', description: 'Spent over the key’s lifetime.', resolve: (k) => k.usage }),
    includeByokInLimit: t.exposeBoolean('includeByokInLimit'),
    expiresAt: t.field({ type: 'DateTime', nullable: true, resolve: (k) => k.expiresAt ?? null }),
    disabled: t.exposeBoolean('disabled'),
    createdAt: t.field({ type: 'DateTime', resolve: (k) => k.createdAt }),
  }),
});

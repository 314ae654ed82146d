import { resolveOffsetConnection } from '@pothos/plugin-relay';
import { builder } from '../builder.js';
import { sub } from '../../core/billing/money.js';
import type { Account, LedgerEntry } from '../../persistence/entities/index.js';
import { accountQueries } from '../../persistence/queries/account-queries.js';
import { ByokKeyRef, byokKeys } from './byok-key.js';
import { GenerationRef, generationsConnection } from './generation.js';
import { UsageBucketRef, UsageGroupByEnum, UsageRangeInput, usageOf } from './usage.js';
import { InvalidInputError } from '../../gateway/user-errors.js';
import { KeyManagement } from '../../gateway/accounts/manage-keys.js';
import { requirePrincipal } from '../require-principal.js';
import { ApiKeyRef } from './api-key.js';

export const AccountRef = builder.objectRef<Account>('Account');

builder.node(AccountRef, {
  description: 'A tenant: its credits and keys.',
  id: { resolve: (a) => a.id },
  // Callers see their own account; operators see any.
  loadMany: async (ids, ctx) => {
    const p = ctx.principal;
    if (!p) return ids.map(() => null);
    const accounts = await accountQueries(ctx.em).accounts(ids.filter((id) => p.isOperator || id === p.accountId));
    return ids.map((id) => accounts.find((a) => a.id === id) ?? null);
  },
  isTypeOf: (value) => typeof value === 'object' && value !== null && 'isOperator' in value && 'balance' in value,
  fields: (t) => ({
    name: t.exposeString('name'),
    balance: t.field({ type: 'Money', description: 'Credits: the sum of the ledger.', resolve: (a) => a.balance }),
    reserved: t.field({ type: 'Money', description: 'Held by generations in flight.', resolve: async (a, _args, ctx) => (await ctx.reservations.held(a.id)).account }),
    available: t.field({ type: 'Money', description: 'What new requests can spend: balance − reserved.', resolve: async (a, _args, ctx) => sub(a.balance, (await ctx.reservations.held(a.id)).account) }),
    isOperator: t.exposeBoolean('isOperator'),
  }),
});

const LedgerKindEnum = builder.enumType('LedgerEntryKind', {
  values: { PURCHASE: { value: 'purchase' }, FEE: { value: 'fee' }, USAGE: { value: 'usage' }, BYOK_FEE: { value: 'byok_fee' }, REFUND: { value: 'refund' }, GRANT: { value: 'grant' } } as const,
});

const LedgerEntryRef = builder.objectRef<LedgerEntry>('LedgerEntry').implement({
  description: 'One movement of credits. Credits are positive, charges negative; the balance is their sum.',
  fields: (t) => ({
    kind: t.field({ type: LedgerKindEnum, resolve: (e) => e.kind }),
    amount: t.field({ type: 'Money', resolve: (e) => e.amount }),
    description: t.exposeString('description', { nullable: true }),
    generationId: t.exposeString('generationId', { nullable: true }),
    createdAt: t.field({ type: 'DateTime', resolve: (e) => e.createdAt }),
  }),
});

interface ViewerShape {
  accountId: string;
  keyId: string;
}

const ViewerRef = builder.objectRef<ViewerShape>('Viewer').implement({
  description: 'The caller, as identified by its API key.',
  fields: (t) => ({
    account: t.field({ type: AccountRef, resolve: async (v, _a, ctx) => (await accountQueries(ctx.em).account(v.accountId))! }),
    key: t.field({ type: ApiKeyRef, description: 'The key making this request.', resolve: async (v, _a, ctx) => (await accountQueries(ctx.em).key(v.accountId, v.keyId))! }),
    ledger: t.connection({
      type: LedgerEntryRef,
      description: 'The account’s credit movements, newest first (at most 100 per page).',
      resolve: (v, args, ctx) =>
        resolveOffsetConnection({ args, defaultSize: 20, maxSize: 100 }, ({ offset, limit }) =>
          accountQueries(ctx.em).ledger(v.accountId, offset, limit),
        ),
    }),
    usage: t.field({
      type: [UsageBucketRef],
      description: 'Requests, tokens, cost, BYOK usage, errors and median latency, per day, hour, model, provider or key.',
      errors: { types: [InvalidInputError] },
      args: { range: t.arg({ type: UsageRangeInput, required: true }), groupBy: t.arg({ type: UsageGroupByEnum, required: true }) },
      resolve: (v, { range, groupBy }, ctx) => usageOf(ctx.em, v.accountId, range, groupBy),
    }),
    generations: t.connection({
      type: GenerationRef,
      description: 'The account’s settled generations, newest first (at most 100 per page), optionally filtered.',
      args: {
        model: t.arg.string(),
        provider: t.arg.string(),
        status: t.arg.string({ description: 'succeeded, failed or cancelled.' }),
        apiKey: t.arg.globalID({ for: [ApiKeyRef], description: 'Only generations made with this key.' }),
      },
      resolve: (v, args, ctx) =>
        generationsConnection(ctx, v.accountId, args, {
          ...(args.model ? { model: args.model } : {}),
          ...(args.provider ? { provider: args.provider } : {}),
          ...(args.status ? { status: args.status } : {}),
          ...(args.apiKey ? { apiKeyId: args.apiKey.id } : {}),
        }),
    }),
    byokKeys: t.field({
      type: [ByokKeyRef],
      description: 'The account’s own provider keys, masked (needs a management key).',
      resolve: (_v, _a, ctx) => byokKeys(ctx).list(requirePrincipal(ctx)),
    }),
    keys: t.field({
      type: [ApiKeyRef],
      description: 'Every key of the account (needs a management key).',
      resolve: (_v, _a, ctx) => new KeyManagement(ctx.em, ctx.auth).list(requirePrincipal(ctx)),
    }),
  }),
});

builder.queryField('viewer', (t) =>
  t.field({
    type: ViewerRef,
    description: 'The calling key and its account. Requires `Authorization: Bearer <key>`.',
    resolve: (_root, _args, ctx) => {
      const principal = requirePrincipal(ctx);
      return { accountId: principal.accountId, keyId: principal.key.id };
    },
  }),
);

import { builder } from '../builder.js';
import type { Account } from '../../persistence/entities/index.js';
import { accountStatusOf, routingDefaultsOf } from '../../gateway/accounts/manage-accounts.js';
import { requirePrincipal } from '../require-principal.js';
import { AccountRef } from './viewer.js';
import { USER_ERRORS } from './user-errors.js';

const AccountStatusEnum = builder.enumType('AccountStatus', { values: { ACTIVE: { value: 'active' }, SUSPENDED: { value: 'suspended' } } as const });
const DataCollectionEnum = builder.enumType('DataCollectionPolicy', {
  description: '`DENY`: only providers that do not train on prompts.',
  values: { ALLOW: { value: 'allow' }, DENY: { value: 'deny' } } as const,
});

const AccountRoutingDefaultsRef = builder.objectRef<ReturnType<typeof routingDefaultsOf>>('AccountRoutingDefaults').implement({
  description: "Provider preferences applied to every request of the account, on top of the request's own (they only narrow it).",
  fields: (t) => ({
    ignoredProviders: t.exposeStringList('ignoredProviders', { description: 'Provider slugs never used.' }),
    dataCollection: t.field({ type: DataCollectionEnum, resolve: (d) => d.dataCollection }),
    zdrOnly: t.exposeBoolean('zdrOnly', { description: 'Only zero-data-retention endpoints.' }),
  }),
});

builder.objectFields(AccountRef, (t) => ({
  status: t.field({ type: AccountStatusEnum, resolve: (a) => accountStatusOf(a) }),
  suspendedAt: t.field({ type: 'DateTime', nullable: true, resolve: (a) => a.suspendedAt ?? null }),
  routingDefaults: t.field({ type: AccountRoutingDefaultsRef, resolve: (a) => routingDefaultsOf(a) }),
}));

const AccountRoutingDefaultsInput = builder.inputType('AccountRoutingDefaultsInput', {
  fields: (t) => ({
    ignoredProviders: t.stringList(),
    dataCollection: t.field({ type: DataCollectionEnum }),
    zdrOnly: t.boolean(),
  }),
});

const defaultsFrom = (input: { ignoredProviders?: string[] | null; dataCollection?: 'allow' | 'deny' | null; zdrOnly?: boolean | null } | null | undefined) => ({
  ...(input?.ignoredProviders ? { ignoredProviders: input.ignoredProviders } : {}),
  ...(input?.dataCollection ? { dataCollection: input.dataCollection } : {}),
  ...(input?.zdrOnly != null ? { zdrOnly: input.zdrOnly } : {}),
});

const CreateAccountInput = builder.inputType('CreateAccountInput', {
  fields: (t) => ({
    name: t.string({ required: true }),
    keyName: t.string({ description: 'Name of its first management key.' }),
    routingDefaults: t.field({ type: AccountRoutingDefaultsInput }),
  }),
});

const CreatedAccountRef = builder.objectRef<{ account: Account; managementKey: string }>('CreatedAccount').implement({
  fields: (t) => ({
    account: t.field({ type: AccountRef, resolve: (r) => r.account }),
    managementKey: t.exposeString('managementKey', { description: 'Its first management key. Shown this once: it is stored only as a hash.' }),
  }),
});

builder.mutationField('createAccount', (t) =>
  t.field({
    type: CreatedAccountRef,
    description: 'Operator: a new tenant with its first management key.',
    errors: { types: USER_ERRORS },
    args: { input: t.arg({ type: CreateAccountInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      ctx.accounts.create(requirePrincipal(ctx), { name: input.name, ...(input.keyName ? { keyName: input.keyName } : {}), routingDefaults: defaultsFrom(input.routingDefaults) }),
  }),
);

builder.mutationField('renameAccount', (t) =>
  t.field({
    type: AccountRef,
    description: 'Operator: rename an account.',
    errors: { types: USER_ERRORS },
    args: { accountId: t.arg.globalID({ required: true, for: [AccountRef] }), name: t.arg.string({ required: true }) },
    resolve: (_root, args, ctx) => ctx.accounts.rename(requirePrincipal(ctx), args.accountId.id, args.name),
  }),
);

builder.mutationField('suspendAccount', (t) =>
  t.field({
    type: AccountRef,
    description: 'Operator: suspend an account — its keys get 403 at once, on every instance.',
    errors: { types: USER_ERRORS },
    args: { accountId: t.arg.globalID({ required: true, for: [AccountRef] }) },
    resolve: (_root, args, ctx) => ctx.accounts.suspend(requirePrincipal(ctx), args.accountId.id),
  }),
);

builder.mutationField('resumeAccount', (t) =>
  t.field({
    type: AccountRef,
    description: 'Operator: lift a suspension.',
    errors: { types: USER_ERRORS },
    args: { accountId: t.arg.globalID({ required: true, for: [AccountRef] }) },
    resolve: (_root, args, ctx) => ctx.accounts.resume(requirePrincipal(ctx), args.accountId.id),
  }),
);

builder.mutationField('setAccountRoutingDefaults', (t) =>
  t.field({
    type: AccountRef,
    description: 'Provider preferences for every request of an account (the operator for any account, a management key for its own).',
    errors: { types: USER_ERRORS },
    args: { accountId: t.arg.globalID({ required: true, for: [AccountRef] }), routingDefaults: t.arg({ type: AccountRoutingDefaultsInput, required: true }) },
    resolve: (_root, args, ctx) => ctx.accounts.setRoutingDefaults(requirePrincipal(ctx), args.accountId.id, defaultsFrom(args.routingDefaults)),
  }),
);

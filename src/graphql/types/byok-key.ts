import { encodeGlobalID } from '@pothos/plugin-relay';
import { builder } from '../builder.js';
import type { ByokKey } from '../../persistence/entities/index.js';
import { accountQueries } from '../../persistence/queries/account-queries.js';
import { ByokKeys } from '../../gateway/byok/byok-keys.js';
import { UnavailableError } from '../../gateway/user-errors.js';
import { requirePrincipal } from '../require-principal.js';
import type { GraphQLContext } from '../context.js';
import { ProviderRef } from './provider.js';
import { USER_ERRORS } from './user-errors.js';

export const byokKeys = (ctx: GraphQLContext) => new ByokKeys(ctx.em, ctx.keyring, ctx.byok);

export const ByokKeyRef = builder.objectRef<ByokKey>('ByokKey');

builder.node(ByokKeyRef, {
  description: 'The account’s own key for a provider (BYOK). Stored encrypted; only a masked form is ever shown.',
  id: { resolve: (k) => k.id },
  // Scoped to the caller's account: another account's id resolves to null, like a missing one.
  loadMany: async (ids, ctx) => {
    if (!ctx.principal) return ids.map(() => null);
    const keys = await accountQueries(ctx.em).byokKeys(ctx.principal.accountId, ids);
    return ids.map((id) => keys.find((k) => k.id === id) ?? null);
  },
  isTypeOf: (value) => typeof value === 'object' && value !== null && 'sealedSecret' in value,
  fields: (t) => ({
    provider: t.field({ type: ProviderRef, resolve: (k, _a, ctx) => ctx.loaders.provider.load(k.provider.slug).then((p) => p!) }),
    mask: t.exposeString('mask', { description: 'e.g. `sk-…abcd`: enough to recognise the key, not to use it.' }),
    alwaysUse: t.exposeBoolean('alwaysUse', { description: 'Only this key is used for the provider: no fallback to platform credits.' }),
    createdAt: t.field({ type: 'DateTime', resolve: (k) => k.createdAt }),
    updatedAt: t.field({ type: 'DateTime', resolve: (k) => k.updatedAt }),
  }),
});

const SetByokKeyInput = builder.inputType('SetByokKeyInput', {
  fields: (t) => ({
    provider: t.string({ required: true, description: 'Provider slug, e.g. `openai`.' }),
    secret: t.string({ required: true, description: 'The provider API key. Write-only: it is never returned.' }),
    alwaysUse: t.boolean({ defaultValue: false }),
  }),
});

const BYOK_ERRORS = [...USER_ERRORS, UnavailableError];

builder.mutationField('setByokKey', (t) =>
  t.field({
    type: ByokKeyRef,
    description: 'Stores (or replaces) the account’s key for a provider. Needs a management key.',
    errors: { types: BYOK_ERRORS },
    args: { input: t.arg({ type: SetByokKeyInput, required: true }) },
    resolve: (_root, { input }, ctx) => byokKeys(ctx).set(requirePrincipal(ctx), { provider: input.provider, secret: input.secret, alwaysUse: input.alwaysUse ?? false }),
  }),
);

const DeletedByokKeyRef = builder.objectRef<{ deletedId: string }>('DeletedByokKey').implement({
  fields: (t) => ({ deletedByokKeyId: t.id({ resolve: (r) => encodeGlobalID('ByokKey', r.deletedId) }) }),
});

builder.mutationField('deleteByokKey', (t) =>
  t.field({
    type: DeletedByokKeyRef,
    errors: { types: BYOK_ERRORS },
    args: { id: t.arg.globalID({ required: true, for: [ByokKeyRef] }) },
    resolve: async (_root, { id }, ctx) => ({ deletedId: await byokKeys(ctx).delete(requirePrincipal(ctx), id.id) }),
  }),
);

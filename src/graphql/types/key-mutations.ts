import { encodeGlobalID } from '@pothos/plugin-relay';
import { builder } from '../builder.js';
import type { ApiKey } from '../../persistence/entities/index.js';
import { KeyManagement } from '../../gateway/accounts/manage-keys.js';
import { requirePrincipal } from '../require-principal.js';
import { ApiKeyKindEnum, ApiKeyRef, LimitResetEnum } from './api-key.js';
import { USER_ERRORS } from './user-errors.js';

const keys = (ctx: Parameters<typeof requirePrincipal>[0]) => new KeyManagement(ctx.em, ctx.auth);

const CreateKeyInput = builder.inputType('CreateKeyInput', {
  fields: (t) => ({
    name: t.string({ required: true }),
    kind: t.field({ type: ApiKeyKindEnum, defaultValue: 'inference' }),
    limit: t.field({ type: 'Money', description: 'Spending cap in USD per limit period; none when omitted.' }),
    limitReset: t.field({ type: LimitResetEnum, defaultValue: 'none' }),
    includeByokInLimit: t.boolean({ defaultValue: false }),
    expiresAt: t.field({ type: 'DateTime' }),
  }),
});

const CreatedKeyRef = builder.objectRef<{ key: ApiKey; secret: string }>('CreatedKey').implement({
  fields: (t) => ({
    key: t.field({ type: ApiKeyRef, resolve: (r) => r.key }),
    secret: t.exposeString('secret', { description: 'The key itself. Shown this once: it is stored only as a hash.' }),
  }),
});

builder.mutationField('createKey', (t) =>
  t.field({
    type: CreatedKeyRef,
    errors: { types: USER_ERRORS },
    args: { input: t.arg({ type: CreateKeyInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      keys(ctx).create(requirePrincipal(ctx), {
        name: input.name,
        kind: input.kind ?? 'inference',
        limit: input.limit ?? null,
        limitReset: input.limitReset ?? 'none',
        includeByokInLimit: input.includeByokInLimit ?? false,
        expiresAt: input.expiresAt ?? null,
      }),
  }),
);

const UpdateKeyInput = builder.inputType('UpdateKeyInput', {
  description: 'Only the fields given change; `limit: null` removes the limit.',
  fields: (t) => ({
    id: t.globalID({ required: true, for: [ApiKeyRef] }),
    name: t.string(),
    disabled: t.boolean(),
    limit: t.field({ type: 'Money' }),
    limitReset: t.field({ type: LimitResetEnum }),
    includeByokInLimit: t.boolean(),
  }),
});

builder.mutationField('updateKey', (t) =>
  t.field({
    type: ApiKeyRef,
    errors: { types: USER_ERRORS },
    args: { input: t.arg({ type: UpdateKeyInput, required: true }) },
    resolve: (_root, { input }, ctx) => {
      const { id, ...rest } = input;
      const changes = Object.fromEntries(Object.entries(rest).filter(([k, v]) => v !== undefined && (v !== null || k === 'limit')));
      return keys(ctx).update(requirePrincipal(ctx), id.id, changes);
    },
  }),
);

const DeletedKeyRef = builder.objectRef<{ deletedKeyId: string }>('DeletedKey').implement({
  fields: (t) => ({ deletedKeyId: t.id({ description: 'Node id of the deleted key.', resolve: (r) => encodeGlobalID('ApiKey', r.deletedKeyId) }) }),
});

builder.mutationField('deleteKey', (t) =>
  t.field({
    type: DeletedKeyRef,
    errors: { types: USER_ERRORS },
    args: { id: t.arg.globalID({ required: true, for: [ApiKeyRef] }) },
    resolve: async (_root, { id }, ctx) => ({ deletedKeyId: await keys(ctx).delete(requirePrincipal(ctx), id.id) }),
  }),
);

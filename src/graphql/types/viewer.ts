import { builder } from '../builder.js';
import { sub } from '../../core/billing/money.js';
import { AccountSchema, ApiKeySchema, type Account } from '../../persistence/entities/index.js';
import { KeyManagement } from '../../gateway/accounts/manage-keys.js';
import { requirePrincipal } from '../require-principal.js';
import { ApiKeyRef } from './api-key.js';

const AccountRef = builder.objectRef<Account>('Account').implement({
  description: 'The account the calling key belongs to.',
  fields: (t) => ({
    name: t.exposeString('name'),
    balance: t.field({ type: 'Money', description: 'Credits: the sum of the ledger.', resolve: (a) => a.balance }),
    reserved: t.field({ type: 'Money', description: 'Held by generations in flight.', resolve: (a) => a.reserved }),
    available: t.field({ type: 'Money', description: 'What new requests can spend: balance − reserved.', resolve: (a) => sub(a.balance, a.reserved) }),
  }),
});

interface ViewerShape {
  accountId: string;
  keyId: string;
}

const ViewerRef = builder.objectRef<ViewerShape>('Viewer').implement({
  description: 'The caller, as identified by its API key.',
  fields: (t) => ({
    account: t.field({ type: AccountRef, resolve: (v, _a, ctx) => ctx.em.findOneOrFail(AccountSchema, { id: v.accountId }) }),
    key: t.field({ type: ApiKeyRef, description: 'The key making this request.', resolve: (v, _a, ctx) => ctx.em.findOneOrFail(ApiKeySchema, { id: v.keyId }) }),
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

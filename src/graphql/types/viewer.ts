import { GraphQLError } from 'graphql';
import { builder } from '../builder.js';
import { sub, max, ZERO, type Money } from '../../core/billing/money.js';
import { limitPeriodStart } from '../../core/billing/limit-period.js';
import { AccountSchema, ApiKeySchema, type Account, type ApiKey } from '../../persistence/entities/index.js';

const AccountRef = builder.objectRef<Account>('Account').implement({
  description: 'The account the calling key belongs to.',
  fields: (t) => ({
    name: t.exposeString('name'),
    balance: t.field({ type: 'Money', description: 'Credits: the sum of the ledger.', resolve: (a) => a.balance }),
    reserved: t.field({ type: 'Money', description: 'Held by generations in flight.', resolve: (a) => a.reserved }),
    available: t.field({ type: 'Money', description: 'What new requests can spend: balance − reserved.', resolve: (a) => sub(a.balance, a.reserved) }),
  }),
});

const ApiKeyKindEnum = builder.enumType('ApiKeyKind', { values: { INFERENCE: { value: 'inference' }, MANAGEMENT: { value: 'management' } } as const });
const LimitResetEnum = builder.enumType('LimitReset', {
  values: { NONE: { value: 'none' }, DAILY: { value: 'daily' }, WEEKLY: { value: 'weekly' }, MONTHLY: { value: 'monthly' } } as const,
});

/** Usage counted against the limit in the current period (the stored counter lags a period roll-over). */
const periodUsage = (k: ApiKey, now: Date): Money => (k.periodStartedAt < limitPeriodStart(k.limitReset, now) ? ZERO : k.periodUsage);

const ApiKeyRef = builder.objectRef<ApiKey>('ApiKey').implement({
  description: 'An API key. Its secret is shown only once, when created.',
  fields: (t) => ({
    name: t.exposeString('name'),
    prefix: t.exposeString('prefix', { description: 'The first characters, to recognise the key.' }),
    kind: t.field({ type: ApiKeyKindEnum, resolve: (k) => k.kind }),
    limit: t.field({ type: 'Money', nullable: true, resolve: (k) => k.limit ?? null }),
    limitReset: t.field({ type: LimitResetEnum, resolve: (k) => k.limitReset }),
    limitRemaining: t.field({
      type: 'Money',
      nullable: true,
      description: 'limit − usage this period − reserved; null without a limit.',
      resolve: (k) => (k.limit == null ? null : max(ZERO, sub(sub(k.limit, periodUsage(k, new Date())), k.reserved))),
    }),
    usage: t.field({ type: 'Money', description: 'Spent over the key’s lifetime.', resolve: (k) => k.usage }),
    includeByokInLimit: t.exposeBoolean('includeByokInLimit'),
    expiresAt: t.field({ type: 'DateTime', nullable: true, resolve: (k) => k.expiresAt ?? null }),
    disabled: t.exposeBoolean('disabled'),
    createdAt: t.field({ type: 'DateTime', resolve: (k) => k.createdAt }),
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
    key: t.field({ type: ApiKeyRef, resolve: (v, _a, ctx) => ctx.em.findOneOrFail(ApiKeySchema, { id: v.keyId }) }),
  }),
});

builder.queryField('viewer', (t) =>
  t.field({
    type: ViewerRef,
    description: 'The calling key and its account. Requires `Authorization: Bearer <key>`.',
    resolve: (_root, _args, ctx) => {
      if (!ctx.principal) {
        throw new GraphQLError('This field needs an API key: send `Authorization: Bearer <key>`', {
          extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
        });
      }
      return { accountId: ctx.principal.accountId, keyId: ctx.principal.key.id };
    },
  }),
);

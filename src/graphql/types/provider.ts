import { builder } from '../builder.js';
import { loadAll } from '../loaders.js';
import type { Provider } from '../../persistence/entities/index.js';
import { CatalogOriginEnum, ProviderStatusEnum, WireFamilyEnum } from './enums.js';
import type { GraphQLContext } from '../context.js';

export const ProviderRef = builder.objectRef<Provider>('Provider');

const UpstreamModeEnum = builder.enumType('UpstreamMode', {
  values: { LIVE: { value: 'live' }, SIMULATED: { value: 'simulated' }, UNAVAILABLE: { value: 'unavailable' } } as const,
});

const DataPolicyRef = builder.objectRef<Provider>('DataPolicy').implement({
  description: 'What the provider does with prompts and completions.',
  fields: (t) => ({
    trainsOnData: t.exposeBoolean('trainsOnData'),
    retainsPrompts: t.exposeBoolean('retainsPrompts'),
    retentionDays: t.exposeInt('retentionDays', { nullable: true }),
    zeroDataRetention: t.exposeBoolean('zdr'),
  }),
});

const HeaderRef = builder.objectRef<{ name: string; value: string }>('Header').implement({
  fields: (t) => ({ name: t.exposeString('name'), value: t.exposeString('value') }),
});

const OpenAiDialectRef = builder.objectRef<NonNullable<Provider['dialect']>>('OpenAiDialect').implement({
  fields: (t) => ({
    maxTokensField: t.string({ nullable: true, resolve: (d) => d.maxTokensField ?? null }),
    developerRole: t.boolean({ nullable: true, resolve: (d) => d.developerRole ?? null }),
    cacheControl: t.boolean({ nullable: true, resolve: (d) => d.cacheControl ?? null }),
    reasoningField: t.string({ nullable: true, resolve: (d) => d.reasoningField ?? null }),
  }),
});

// How a provider is reached is the operator's business: null for everyone else.
const forOperator = <T>(ctx: GraphQLContext, value: T): T | null => (ctx.principal?.isOperator ? value : null);

builder.node(ProviderRef, {
  id: { resolve: (p) => p.slug },
  loadMany: (slugs, ctx) => loadAll(ctx.loaders.provider, slugs),
  isTypeOf: (value) => typeof value === 'object' && value !== null && 'family' in value && 'slug' in value,
  fields: (t) => ({
    slug: t.exposeString('slug'),
    name: t.exposeString('name'),
    family: t.field({ type: WireFamilyEnum, resolve: (p) => p.family }),
    baseUrl: t.exposeString('baseUrl'),
    privacyPolicyUrl: t.exposeString('privacyPolicyUrl', { nullable: true }),
    termsOfServiceUrl: t.exposeString('termsOfServiceUrl', { nullable: true }),
    statusPageUrl: t.exposeString('statusPageUrl', { nullable: true }),
    dataPolicy: t.field({ type: DataPolicyRef, resolve: (p) => p }),
    status: t.field({ type: ProviderStatusEnum, resolve: (p) => p.status }),
    origin: t.field({ type: CatalogOriginEnum, resolve: (p) => p.origin }),
    credentialEnv: t.string({
      nullable: true,
      description: 'Operator only: the environment variable holding the platform credential (never the credential).',
      resolve: (p, _args, ctx) => forOperator(ctx, p.credentialEnv ?? null),
    }),
    extraHeaders: t.field({
      type: [HeaderRef],
      nullable: true,
      description: 'Operator only: headers sent with every request.',
      resolve: (p, _args, ctx) => forOperator(ctx, p.extraHeaders ? Object.entries(p.extraHeaders).map(([name, value]) => ({ name, value })) : null),
    }),
    dialect: t.field({
      type: OpenAiDialectRef,
      nullable: true,
      description: 'Operator only: how its OpenAI-compatible API differs from OpenAI’s.',
      resolve: (p, _args, ctx) => forOperator(ctx, p.dialect ?? null),
    }),
    upstream: t.field({
      type: UpstreamModeEnum,
      description: 'LIVE: called with a platform credential. SIMULATED: answered by the built-in simulator. UNAVAILABLE: neither.',
      resolve: (p, _args, ctx) => ctx.upstreams.resolve(p).mode,
    }),
  }),
});

builder.queryField('providers', (t) =>
  t.field({
    type: [ProviderRef],
    description: 'Every provider in the catalog, by name.',
    resolve: (_root, _args, ctx) => ctx.catalog.findProviders(),
  }),
);

builder.queryField('provider', (t) =>
  t.field({
    type: ProviderRef,
    nullable: true,
    args: { slug: t.arg.string({ required: true }) },
    resolve: (_root, { slug }, ctx) => ctx.loaders.provider.load(slug),
  }),
);

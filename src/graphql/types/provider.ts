import { builder } from '../builder.js';
import { loadAll } from '../loaders.js';
import type { Provider } from '../../persistence/entities/index.js';
import { ProviderStatusEnum, WireFamilyEnum } from './enums.js';

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

import { builder } from '../builder.js';
import { watchProviderHealth, type ProviderHealthChange } from '../../gateway/health/watch-provider-health.js';
import { EndpointRef } from './endpoint.js';
import { EndpointHealthRef } from './endpoint-health.js';
import { EndpointStatusEnum } from './enums.js';

const ProviderHealthEventRef = builder.objectRef<ProviderHealthChange>('ProviderHealthEvent').implement({
  description: 'An endpoint’s health, sent when it changes (sampled, not per request) and periodically.',
  fields: (t) => ({
    providerSlug: t.string({ resolve: (e) => e.endpoint.providerSlug }),
    modelSlug: t.string({ resolve: (e) => e.endpoint.modelId }),
    endpoint: t.field({ type: EndpointRef, resolve: async (e, _args, ctx) => (await ctx.loaders.endpoint.load(e.endpoint.id))! }),
    endpointStatus: t.field({
      type: EndpointStatusEnum,
      description: 'ACTIVE, DEGRADED or DISABLED as routing sees it at `at` (a disabled provider disables its endpoints); a change is pushed at once.',
      resolve: (e) => e.endpoint.status,
    }),
    health: t.field({ type: EndpointHealthRef, resolve: (e) => e.health }),
    at: t.field({ type: 'DateTime', resolve: (e) => e.at }),
  }),
});

builder.subscriptionField('providerHealth', (t) =>
  t.field({
    type: ProviderHealthEventRef,
    description: 'Live endpoint health: every endpoint of the given providers (all when omitted) first, then changes.',
    args: { providers: t.arg.stringList({ description: 'Provider slugs, e.g. ["groq", "together"].' }) },
    subscribe: async function* (_root, { providers }, ctx) {
      const controller = new AbortController();
      try {
        yield* watchProviderHealth(ctx.catalogSnapshot, ctx.health, providers ?? [], ctx.healthFeed, controller.signal);
      } finally {
        controller.abort();
      }
    },
    resolve: (event) => event,
  }),
);

import { builder } from '../builder.js';
import { describeExclusion, withAccountDefaults, type Exclusion, type Plan, type PlannedAttempt, type ProviderPreferences } from '../../core/routing/index.js';
import { previewRoute } from '../../gateway/routing/preview-route.js';
import { EndpointRef } from './endpoint.js';
import { ModalityEnum, QuantizationEnum } from './enums.js';
import { USER_ERRORS } from './user-errors.js';

const enumOf = <T extends string>(name: string, values: readonly T[], description?: string) =>
  builder.enumType(name, {
    ...(description ? { description } : {}),
    values: Object.fromEntries(values.map((v) => [v.toUpperCase().replace(/-/g, '_'), { value: v }])) as Record<string, { value: T }>,
  });

const RoutingModeEnum = enumOf('RoutingMode', ['load-balanced', 'ordered', 'sorted'] as const);
const AttemptReasonEnum = enumOf('AttemptReason', ['byok', 'sticky', 'order', 'sorted', 'weighted_pick', 'price_fallback', 'unstable_fallback'] as const);
const ExclusionCodeEnum = enumOf('ExclusionCode', [
  'endpoint_disabled', 'not_in_only', 'ignored', 'quantization', 'data_collection', 'zdr', 'missing_parameters',
  'input_modality', 'context_length', 'max_completion_tokens', 'max_price', 'circuit_open', 'fallbacks_disabled',
] as const);
const SortByEnum = enumOf('ProviderSortBy', ['price', 'throughput', 'latency'] as const);
const SortPartitionEnum = enumOf('ProviderSortPartition', ['model', 'none'] as const);
const DataCollectionEnum = enumOf('DataCollection', ['allow', 'deny'] as const);

const PlannedAttemptRef = builder.objectRef<PlannedAttempt & { position: number }>('PlannedAttempt').implement({
  fields: (t) => ({
    position: t.exposeInt('position', { description: '1 = tried first.' }),
    modelSlug: t.exposeString('modelId'),
    providerSlug: t.string({ resolve: (a) => a.endpoint.providerSlug }),
    endpoint: t.field({ type: EndpointRef, resolve: async (a, _args, ctx) => (await ctx.loaders.endpoint.load(a.endpoint.id))! }),
    reason: t.field({ type: AttemptReasonEnum, resolve: (a) => a.reason }),
    probability: t.float({ nullable: true, description: 'Chance of being the load-balanced pick (1/price² weighting).', resolve: (a) => a.weight ?? null }),
  }),
});

const ExcludedEndpointRef = builder.objectRef<Exclusion>('ExcludedEndpoint').implement({
  fields: (t) => ({
    modelSlug: t.exposeString('modelId'),
    providerSlug: t.exposeString('providerSlug'),
    endpoint: t.field({ type: EndpointRef, resolve: async (x, _args, ctx) => (await ctx.loaders.endpoint.load(x.endpointId))! }),
    code: t.field({ type: ExclusionCodeEnum, resolve: (x) => x.reason.code }),
    message: t.string({ resolve: (x) => describeExclusion(x.reason) }),
  }),
});

const RoutePlanRef = builder.objectRef<{ plan: Plan; explanation: string | null }>('RoutePlan').implement({
  description: 'Which endpoints a request would try, in order, and why the others would not serve it.',
  fields: (t) => ({
    mode: t.field({ type: RoutingModeEnum, resolve: (r) => r.plan.mode }),
    attempts: t.field({ type: [PlannedAttemptRef], resolve: (r) => r.plan.attempts.map((a, i) => ({ ...a, position: i + 1 })) }),
    excluded: t.field({ type: [ExcludedEndpointRef], resolve: (r) => r.plan.excluded }),
    unknownModels: t.stringList({ resolve: (r) => r.plan.unknownModels }),
    explanation: t.string({ nullable: true, description: 'Why nothing can serve the request; null when something can.', resolve: (r) => r.explanation }),
  }),
});

const SortInput = builder.inputType('ProviderSortInput', {
  fields: (t) => ({ by: t.field({ type: SortByEnum, required: true }), partition: t.field({ type: SortPartitionEnum, defaultValue: 'model' }) }),
});
const MaxPriceInput = builder.inputType('MaxPriceInput', {
  description: 'prompt/completion in USD per million tokens; request and image in USD per unit.',
  fields: (t) => ({
    prompt: t.field({ type: 'Money' }),
    completion: t.field({ type: 'Money' }),
    request: t.field({ type: 'Money' }),
    image: t.field({ type: 'Money' }),
  }),
});
export const ProviderPreferencesInput = builder.inputType('ProviderPreferencesInput', {
  description: 'OpenRouter’s `provider` routing preferences (see docs/routing.md).',
  fields: (t) => ({
    order: t.stringList({ description: 'Providers to try first, by slug or display name (any case); an unknown one is an error.' }),
    allowFallbacks: t.boolean(),
    only: t.stringList({ description: 'Only these providers (slugs or display names).' }),
    ignore: t.stringList({ description: 'Never these providers (slugs or display names).' }),
    requireParameters: t.boolean(),
    dataCollection: t.field({ type: DataCollectionEnum }),
    zdr: t.boolean(),
    quantizations: t.field({ type: [QuantizationEnum] }),
    sort: t.field({ type: SortInput }),
    maxPrice: t.field({ type: MaxPriceInput }),
    preferredMinThroughput: t.float({ description: 'Tokens per second at p50.' }),
    preferredMaxLatency: t.float({ description: 'Seconds to first token at p50.' }),
  }),
});

const RoutePlanInput = builder.inputType('RoutePlanInput', {
  fields: (t) => ({
    model: t.string(),
    models: t.stringList({ description: 'Fallback models, tried in order after `model`.' }),
    provider: t.field({ type: ProviderPreferencesInput }),
    promptTokens: t.int({ defaultValue: 0 }),
    maxTokens: t.int(),
    parameters: t.stringList({ description: 'Request parameters used, e.g. ["tools", "response_format"].' }),
    inputModalities: t.field({ type: [ModalityEnum] }),
  }),
});

const withoutNulls = <T extends object>(o: T) => Object.fromEntries(Object.entries(o).filter(([, v]) => v != null));

/** The GraphQL input as the routing core's preferences (unset fields left out). */
export function providerPreferencesFrom(input: typeof ProviderPreferencesInput.$inferInput | null | undefined): ProviderPreferences {
  if (!input) return {};
  return {
    ...withoutNulls(input),
    ...(input.sort ? { sort: { by: input.sort.by, partition: input.sort.partition ?? 'model' } } : {}),
    ...(input.maxPrice ? { maxPrice: withoutNulls(input.maxPrice) } : {}),
  } as ProviderPreferences;
}

builder.queryField('routePlan', (t) =>
  t.field({
    type: RoutePlanRef,
    description: 'Preview routing: which providers would serve this request now, and why — without sending it.',
    errors: { types: USER_ERRORS },
    args: { input: t.arg({ type: RoutePlanInput, required: true }) },
    resolve: (_root, { input }, ctx) => {
      return previewRoute(ctx.catalogSnapshot, ctx.health, {
        models: [...(input.model ? [input.model] : []), ...(input.models ?? [])],
        // A caller with a key sees its account's defaults applied, as its requests would be.
        provider: ctx.principal ? withAccountDefaults(providerPreferencesFrom(input.provider), ctx.principal.accountDefaults) : providerPreferencesFrom(input.provider),
        usedParameters: input.parameters ?? [],
        inputModalities: (input.inputModalities ?? []).filter((m) => m !== 'text'),
        promptTokens: input.promptTokens ?? 0,
        maxTokens: input.maxTokens ?? null,
      });
    },
  }),
);

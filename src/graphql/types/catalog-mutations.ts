import { builder } from '../builder.js';
import {
  catalogChanges,
  removeEndpoint,
  removeModel,
  removeProvider,
  upsertEndpoint,
  upsertModel,
  upsertProvider,
  type Removed,
} from '../../gateway/catalog/catalog-admin.js';
import { catalogActions, catalogActors, catalogSubjects } from '../../core/catalog/vocabulary.js';
import type { CatalogChange } from '../../persistence/entities/index.js';
import { requirePrincipal } from '../require-principal.js';
import { EndpointRef } from './endpoint.js';
import { ModalityEnum, QuantizationEnum, WireFamilyEnum } from './enums.js';
import { ModelRef } from './model-ref.js';
import { ProviderRef } from './provider.js';
import { PricingInput } from './admin-mutations.js';
import { USER_ERRORS } from './user-errors.js';

const upper = <T extends string>(values: readonly T[]) =>
  Object.fromEntries(values.map((v) => [v.toUpperCase(), { value: v }])) as Record<Uppercase<T>, { value: T }>;

const MaxTokensFieldEnum = builder.enumType('MaxTokensField', { values: upper(['max_tokens', 'max_completion_tokens'] as const) });
const ReasoningFieldEnum = builder.enumType('ReasoningField', { values: upper(['reasoning_effort', 'reasoning', 'none'] as const) });

export const OpenAiDialectInput = builder.inputType('OpenAiDialectInput', {
  description: 'How an OpenAI-compatible API differs from OpenAI’s (omitted: the family’s defaults).',
  fields: (t) => ({
    maxTokensField: t.field({ type: MaxTokensFieldEnum }),
    developerRole: t.boolean({ description: 'Knows the `developer` role (else it is sent as `system`).' }),
    cacheControl: t.boolean({ description: 'Keeps `cache_control` on content parts.' }),
    reasoningField: t.field({ type: ReasoningFieldEnum }),
  }),
});

const HeaderInput = builder.inputType('HeaderInput', {
  fields: (t) => ({ name: t.string({ required: true }), value: t.string({ required: true }) }),
});

const DataPolicyInput = builder.inputType('DataPolicyInput', {
  fields: (t) => ({
    trainsOnData: t.boolean(),
    retainsPrompts: t.boolean(),
    retentionDays: t.int(),
    zeroDataRetention: t.boolean(),
  }),
});

const ProviderInput = builder.inputType('ProviderInput', {
  description: 'Fields left out keep their value; a new provider needs name, family and baseUrl (see docs/catalog.md).',
  fields: (t) => ({
    slug: t.string({ required: true }),
    name: t.string({ description: 'Display name: what `provider.only` may say and what REST responses report.' }),
    family: t.field({ type: WireFamilyEnum }),
    baseUrl: t.string(),
    credentialEnv: t.string({ description: 'The environment variable holding the API key; null: the server needs none.' }),
    extraHeaders: t.field({ type: [HeaderInput], description: 'Sent on every request (never credentials); null: none.' }),
    dialect: t.field({ type: OpenAiDialectInput }),
    dataPolicy: t.field({ type: DataPolicyInput }),
    privacyPolicyUrl: t.string(),
    termsOfServiceUrl: t.string(),
    statusPageUrl: t.string(),
  }),
});

const ModelInput = builder.inputType('ModelInput', {
  description: 'Fields left out keep their value; a new model needs name and contextLength.',
  fields: (t) => ({
    id: t.string({ required: true, description: 'author/slug' }),
    name: t.string(),
    description: t.string(),
    canonicalSlug: t.string(),
    contextLength: t.int(),
    inputModalities: t.field({ type: [ModalityEnum] }),
    outputModalities: t.field({ type: [ModalityEnum] }),
    tokenizer: t.string(),
    instructType: t.string(),
    isModerated: t.boolean(),
    created: t.int({ description: 'Release time, unix seconds.' }),
  }),
});

const EndpointInput = builder.inputType('EndpointInput', {
  description: 'Keyed by model and provider. Fields left out keep their value; a new endpoint needs providerModelId and prompt and completion prices.',
  fields: (t) => ({
    model: t.string({ required: true }),
    provider: t.string({ required: true, description: 'Provider slug.' }),
    providerModelId: t.string(),
    contextLength: t.int(),
    maxCompletionTokens: t.int(),
    quantization: t.field({ type: QuantizationEnum }),
    supportedParameters: t.stringList(),
    pricing: t.field({ type: PricingInput }),
  }),
});

/** GraphQL's input as a catalog entry: renamed where GraphQL names differ, extraHeaders as a record. */
function providerEntry(input: typeof ProviderInput.$inferInput) {
  const { extraHeaders, dataPolicy, ...rest } = input;
  const { zeroDataRetention, ...policy } = dataPolicy ?? {};
  return {
    ...rest,
    ...(extraHeaders !== undefined ? { extraHeaders: extraHeaders && Object.fromEntries(extraHeaders.map((h) => [h.name, h.value])) } : {}),
    ...(dataPolicy ? { dataPolicy: { ...policy, ...(zeroDataRetention !== undefined ? { zdr: zeroDataRetention } : {}) } } : {}),
  };
}

const CatalogSubjectEnum = builder.enumType('CatalogSubject', { values: upper(catalogSubjects) });
const CatalogActorEnum = builder.enumType('CatalogActor', { values: upper(catalogActors) });
const CatalogActionEnum = builder.enumType('CatalogAction', { values: upper(catalogActions) });

const CatalogRemovalRef = builder.objectRef<Removed>('CatalogRemoval').implement({
  fields: (t) => ({
    subject: t.field({ type: CatalogSubjectEnum, resolve: (r) => r.subject }),
    key: t.exposeString('key', { description: 'Provider slug, model id, or `model|provider` for an endpoint.' }),
  }),
});

const CatalogChangeRef = builder.objectRef<CatalogChange>('CatalogChange').implement({
  description: 'One audited change of the catalog: who, when, what.',
  fields: (t) => ({
    id: t.exposeString('id'),
    actorKind: t.field({ type: CatalogActorEnum, resolve: (c) => c.actorKind }),
    actor: t.exposeString('actor', { description: 'The operator’s API key id, or the catalog file’s path.' }),
    action: t.field({ type: CatalogActionEnum, resolve: (c) => c.action }),
    subject: t.field({ type: CatalogSubjectEnum, resolve: (c) => c.subject }),
    subjectKey: t.exposeString('subjectKey'),
    details: t.field({ type: 'JSON', nullable: true, description: 'The row as written (prices as USD decimals); null for a removal.', resolve: (c) => c.details ?? null }),
    createdAt: t.field({ type: 'DateTime', resolve: (c) => c.createdAt }),
  }),
});

builder.mutationField('upsertProvider', (t) =>
  t.field({
    type: ProviderRef,
    description: 'Operator: add a provider (e.g. your own vLLM server) or change one.',
    errors: { types: USER_ERRORS },
    args: { input: t.arg({ type: ProviderInput, required: true }) },
    resolve: (_root, { input }, ctx) => upsertProvider(ctx.catalogAdmin, requirePrincipal(ctx), providerEntry(input)),
  }),
);

builder.mutationField('upsertModel', (t) =>
  t.field({
    type: ModelRef,
    description: 'Operator: add a model or change one.',
    errors: { types: USER_ERRORS },
    args: { input: t.arg({ type: ModelInput, required: true }) },
    resolve: (_root, { input }, ctx) => upsertModel(ctx.catalogAdmin, requirePrincipal(ctx), input),
  }),
);

builder.mutationField('upsertEndpoint', (t) =>
  t.field({
    type: EndpointRef,
    description: 'Operator: serve a model from a provider, or change how.',
    errors: { types: USER_ERRORS },
    args: { input: t.arg({ type: EndpointInput, required: true }) },
    resolve: (_root, { input }, ctx) => upsertEndpoint(ctx.catalogAdmin, requirePrincipal(ctx), input),
  }),
);

builder.mutationField('removeProvider', (t) =>
  t.field({
    type: CatalogRemovalRef,
    description: 'Operator: remove a provider with its endpoints (and BYOK keys stored for it).',
    errors: { types: USER_ERRORS },
    args: { slug: t.arg.string({ required: true }) },
    resolve: (_root, { slug }, ctx) => removeProvider(ctx.catalogAdmin, requirePrincipal(ctx), slug),
  }),
);

builder.mutationField('removeModel', (t) =>
  t.field({
    type: CatalogRemovalRef,
    description: 'Operator: remove a model with its endpoints (generations keep their records).',
    errors: { types: USER_ERRORS },
    args: { id: t.arg.string({ required: true }) },
    resolve: (_root, { id }, ctx) => removeModel(ctx.catalogAdmin, requirePrincipal(ctx), id),
  }),
);

builder.mutationField('removeEndpoint', (t) =>
  t.field({
    type: CatalogRemovalRef,
    description: 'Operator: stop serving a model from a provider.',
    errors: { types: USER_ERRORS },
    args: { model: t.arg.string({ required: true }), provider: t.arg.string({ required: true }) },
    resolve: (_root, { model, provider }, ctx) => removeEndpoint(ctx.catalogAdmin, requirePrincipal(ctx), model, provider),
  }),
);

builder.queryField('catalogChanges', (t) =>
  t.field({
    type: [CatalogChangeRef],
    description: 'Operator: the catalog’s audit trail (operators and CATALOG_FILE), newest first.',
    errors: { types: USER_ERRORS },
    args: { first: t.arg.int({ defaultValue: 50 }) },
    resolve: (_root, { first }, ctx) => catalogChanges(ctx.catalogAdmin, requirePrincipal(ctx), first ?? 50),
  }),
);

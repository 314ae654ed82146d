import { resolveOffsetConnection } from '@pothos/plugin-relay';
import { GraphQLError } from 'graphql';
import { builder } from '../builder.js';
import { loadAll } from '../loaders.js';
import type { ModelFilter } from '../../persistence/queries/catalog-queries.js';
import { CatalogOriginEnum, ModalityEnum, ModelSortEnum } from './enums.js';
import { EndpointRef } from './endpoint.js';
import { ModelRef } from './model-ref.js';

type Modality = 'text' | 'image' | 'file' | 'audio' | 'video';
const MAX_PAGE = 100;
const MAX_SEARCH = 200;

builder.node(ModelRef, {
  id: { resolve: (m) => m.id },
  loadMany: (ids, ctx) => loadAll(ctx.loaders.model, ids),
  isTypeOf: (value) => typeof value === 'object' && value !== null && 'canonicalSlug' in value,
  fields: (t) => ({
    slug: t.exposeString('id', { description: 'The OpenRouter-style model id, e.g. "openai/gpt-4o".' }),
    canonicalSlug: t.exposeString('canonicalSlug'),
    author: t.exposeString('author'),
    name: t.exposeString('name'),
    description: t.exposeString('description'),
    contextLength: t.exposeInt('contextLength'),
    inputModalities: t.field({ type: [ModalityEnum], resolve: (m) => m.inputModalities as Modality[] }),
    outputModalities: t.field({ type: [ModalityEnum], resolve: (m) => m.outputModalities as Modality[] }),
    tokenizer: t.exposeString('tokenizer'),
    instructType: t.exposeString('instructType', { nullable: true }),
    isModerated: t.exposeBoolean('isModerated'),
    releasedAt: t.field({ type: 'DateTime', resolve: (m) => m.releasedAt }),
    origin: t.field({ type: CatalogOriginEnum, resolve: (m) => m.origin }),
    endpoints: t.field({
      type: [EndpointRef],
      description: 'Providers serving this model (not disabled), cheapest first.',
      resolve: (m, _args, ctx) => ctx.loaders.endpointsOfModel.load(m.id),
    }),
  }),
});

const ModelFilterInput = builder.inputType('ModelFilter', {
  description: 'All given conditions must hold. Endpoint conditions must hold for one and the same endpoint.',
  fields: (t) => ({
    author: t.string({ description: 'e.g. "meta-llama"' }),
    provider: t.string({ description: 'Served by this provider slug, e.g. "groq".' }),
    inputModality: t.field({ type: ModalityEnum }),
    outputModality: t.field({ type: ModalityEnum }),
    supportedParameters: t.stringList({ description: 'Every one of these, e.g. ["tools", "response_format"].' }),
    maxPromptPrice: t.field({ type: 'Money', description: 'USD per million prompt tokens.' }),
    maxCompletionPrice: t.field({ type: 'Money', description: 'USD per million completion tokens.' }),
    search: t.string({ description: `Case-insensitive match on id, name or description (≤ ${MAX_SEARCH} chars).` }),
  }),
});

builder.queryField('models', (t) =>
  t.connection(
    {
      type: ModelRef,
      description: `Models someone serves. Pages hold at most ${MAX_PAGE} models (default 20).`,
      args: {
        filter: t.arg({ type: ModelFilterInput }),
        sort: t.arg({ type: ModelSortEnum, defaultValue: 'NAME' }),
      },
      resolve: async (_root, args, ctx) => {
        const f = args.filter ?? {};
        if (f.search && f.search.length > MAX_SEARCH) {
          throw new GraphQLError(`filter.search is longer than ${MAX_SEARCH} characters`, {
            extensions: { code: 'BAD_USER_INPUT' },
          });
        }
        const filter: ModelFilter = {
          author: f.author ?? undefined,
          provider: f.provider ?? undefined,
          inputModality: f.inputModality ?? undefined,
          outputModality: f.outputModality ?? undefined,
          supportedParameters: f.supportedParameters ?? undefined,
          maxPromptPricePerMillion: f.maxPromptPrice ?? undefined,
          maxCompletionPricePerMillion: f.maxCompletionPrice ?? undefined,
          search: f.search ?? undefined,
        };
        const page = await resolveOffsetConnection({ args, defaultSize: 20, maxSize: MAX_PAGE }, ({ offset, limit }) =>
          ctx.catalog.findModels(filter, args.sort ?? 'NAME', offset, limit),
        );
        return { ...page, countTotal: () => ctx.catalog.countModels(filter) };
      },
    },
    {
      name: 'ModelConnection',
      fields: (t) => ({
        totalCount: t.int({
          description: 'Models matching the filter across all pages (one extra query, only when asked).',
          resolve: (connection) => (connection as unknown as { countTotal: () => Promise<number> }).countTotal(),
        }),
      }),
    },
  ),
);

builder.queryField('model', (t) =>
  t.field({
    type: ModelRef,
    nullable: true,
    description: 'A model by its OpenRouter-style id, e.g. "openai/gpt-4o" (for a Node id use `node`).',
    args: { id: t.arg.string({ required: true }) },
    resolve: (_root, { id }, ctx) => ctx.loaders.model.load(id),
  }),
);

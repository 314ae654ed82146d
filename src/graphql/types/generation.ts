import DataLoader from 'dataloader';
import { resolveCursorConnection } from '@pothos/plugin-relay';
import { GraphQLError } from 'graphql';
import { builder } from '../builder.js';
import { AttemptSchema, GenerationSchema, type Attempt, type Generation } from '../../persistence/entities/index.js';
import { requirePrincipal } from '../require-principal.js';
import { isUuid } from '../../persistence/uuid.js';
import type { GraphQLContext } from '../context.js';

// One query for the attempts of every generation on a page (per operation, like the catalog loaders).
const attemptLoaders = new WeakMap<GraphQLContext, DataLoader<string, Attempt[]>>();
const attemptsOf = (ctx: GraphQLContext) => {
  let loader = attemptLoaders.get(ctx);
  if (!loader) {
    loader = new DataLoader(async (ids) => {
      const rows = await ctx.em.find(AttemptSchema, { generation: { $in: [...ids] } }, { orderBy: { ordinal: 'asc' } });
      return ids.map((id) => rows.filter((a) => a.generation.id === id));
    });
    attemptLoaders.set(ctx, loader);
  }
  return loader;
};

const AttemptRef = builder.objectRef<Attempt>('Attempt').implement({
  description: 'One upstream call made for a generation, in plan order.',
  fields: (t) => ({
    provider: t.exposeString('provider'),
    status: t.string({ description: 'succeeded, failed or cancelled.', resolve: (a) => a.status }),
    errorClass: t.string({ nullable: true, resolve: (a) => a.errorClass ?? null }),
    httpStatus: t.int({ nullable: true, resolve: (a) => a.httpStatus ?? null }),
    latencyMs: t.int({ nullable: true, resolve: (a) => a.latencyMs ?? null }),
  }),
});

export const GenerationRef = builder.objectRef<Generation>('Generation').implement({
  description: 'A settled generation, as `/api/v1/generation` reports it.',
  fields: (t) => ({
    id: t.exposeString('id'),
    requestedModels: t.stringList({ resolve: (g) => g.requestedModels }),
    model: t.string({ nullable: true, description: 'The model that served.', resolve: (g) => g.model ?? null }),
    provider: t.string({ nullable: true, resolve: (g) => g.provider ?? null }),
    status: t.string({ description: 'succeeded, failed or cancelled.', resolve: (g) => g.status }),
    streamed: t.exposeBoolean('streamed'),
    cancelled: t.exposeBoolean('cancelled'),
    promptTokens: t.int({ resolve: (g) => g.tokensPrompt }),
    completionTokens: t.int({ resolve: (g) => g.tokensCompletion }),
    reasoningTokens: t.int({ resolve: (g) => g.tokensReasoning }),
    cachedTokens: t.int({ resolve: (g) => g.tokensCached }),
    cost: t.field({ type: 'Money', description: 'Charged on credits.', resolve: (g) => g.cost }),
    isByok: t.exposeBoolean('isByok'),
    byokUsage: t.field({ type: 'Money', resolve: (g) => g.byokUsage }),
    latencyMs: t.int({ nullable: true, description: 'Time to first token.', resolve: (g) => g.latencyMs ?? null }),
    finishReason: t.string({ nullable: true, resolve: (g) => g.finishReason ?? null }),
    nativeFinishReason: t.string({ nullable: true, resolve: (g) => g.nativeFinishReason ?? null }),
    createdAt: t.field({ type: 'DateTime', resolve: (g) => g.createdAt }),
    attempts: t.field({ type: [AttemptRef], resolve: (g, _a, ctx) => attemptsOf(ctx).load(g.id) }),
  }),
});

builder.queryField('generation', (t) =>
  t.field({
    type: GenerationRef,
    nullable: true,
    description: 'A settled generation of your account (null while it runs, and for anyone else’s).',
    args: { id: t.arg.string({ required: true }) },
    resolve: (_root, { id }, ctx) => ctx.em.findOne(GenerationSchema, { id, account: requirePrincipal(ctx).accountId }),
  }),
);

export interface GenerationFilter {
  model?: string;
  provider?: string;
  status?: string;
  apiKeyId?: string;
}

const toCursor = (g: Generation) => Buffer.from(`${g.createdAt.toISOString()}|${g.id}`).toString('base64url');

function fromCursor(cursor: string): { createdAt: Date; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const createdAt = new Date(at ?? '');
  if (!id || Number.isNaN(createdAt.getTime())) throw new GraphQLError(`Invalid cursor "${cursor.slice(0, 40)}"`, { extensions: { code: 'BAD_USER_INPUT' } });
  return { createdAt, id };
}

/**
 * For Viewer.generations: the account's generations, newest first, paged by keyset (createdAt, id) — a
 * page deep in a million rows costs what the first one does (index on account_id, created_at).
 */
export const generationsConnection = (ctx: GraphQLContext, accountId: string, args: Parameters<typeof resolveCursorConnection>[0]['args'], filter: GenerationFilter = {}) =>
  resolveCursorConnection<Promise<Generation[]>>({ args, defaultSize: 20, maxSize: 100, toCursor }, ({ before, after, limit, inverted }) => {
    const bounds = [
      ...(after ? [olderThan(fromCursor(after))] : []),
      ...(before ? [newerThan(fromCursor(before))] : []),
    ];
    return ctx.em.find(
      GenerationSchema,
      {
        account: accountId,
        ...(filter.model ? { model: filter.model } : {}),
        ...(filter.provider ? { provider: filter.provider } : {}),
        ...(filter.status ? { status: filter.status as Generation['status'] } : {}),
        ...(filter.apiKeyId ? (isUuid(filter.apiKeyId) ? { apiKey: filter.apiKeyId } : { id: '' }) : {}),
        ...(bounds.length ? { $and: bounds } : {}),
      },
      { orderBy: inverted ? { createdAt: 'asc', id: 'asc' } : { createdAt: 'desc', id: 'desc' }, limit },
    );
  });

const olderThan = (c: { createdAt: Date; id: string }) => ({ $or: [{ createdAt: { $lt: c.createdAt } }, { createdAt: c.createdAt, id: { $lt: c.id } }] });
const newerThan = (c: { createdAt: Date; id: string }) => ({ $or: [{ createdAt: { $gt: c.createdAt } }, { createdAt: c.createdAt, id: { $gt: c.id } }] });

import DataLoader from 'dataloader';
import { resolveCursorConnection } from '@pothos/plugin-relay';
import { GraphQLError } from 'graphql';
import { builder } from '../builder.js';
import type { AttemptRecord } from '../../core/generation/record.js';
import type { GenerationCursor, GenerationFilter, GenerationView } from '../../persistence/queries/generation-reader.js';
import { requirePrincipal } from '../require-principal.js';
import type { GraphQLContext } from '../context.js';
import { ErrorCodeEnum, graphqlErrorCode } from './error-code.js';

// One query for the attempts of every generation on a page (per operation, like the catalog loaders).
const attemptLoaders = new WeakMap<GraphQLContext, DataLoader<string, AttemptRecord[]>>();
const attemptsOf = (ctx: GraphQLContext) => {
  let loader = attemptLoaders.get(ctx);
  if (!loader) {
    loader = new DataLoader((ids) => ctx.generationReader.attemptsOf(ids));
    attemptLoaders.set(ctx, loader);
  }
  return loader;
};

const AttemptRef = builder.objectRef<AttemptRecord>('Attempt').implement({
  description: 'One dispatch target the attempt loop reached for a generation, in plan order.',
  fields: (t) => ({
    provider: t.exposeString('provider'),
    model: t.exposeString('model'),
    byok: t.exposeBoolean('byok', { description: 'Sent with the account’s own provider key.' }),
    status: t.string({ description: 'succeeded, failed, cancelled or skipped (not sent: circuit breaker open).', resolve: (a) => a.status }),
    errorCode: t.field({ type: ErrorCodeEnum, nullable: true, resolve: (a) => (a.errorCode === null ? null : graphqlErrorCode(a.errorCode)) }),
    errorMessage: t.string({ nullable: true, resolve: (a) => a.errorMessage }),
    httpStatus: t.int({ nullable: true, resolve: (a) => a.httpStatus }),
    durationMs: t.int({ nullable: true, description: 'From sending the request to the end of the call.', resolve: (a) => a.durationMs }),
    ttftMs: t.int({ nullable: true, description: 'From sending the request to its first output.', resolve: (a) => a.ttftMs }),
  }),
});

export const GenerationRef = builder.objectRef<GenerationView>('Generation').implement({
  description: 'A settled generation, as `/api/v1/generation` reports it.',
  fields: (t) => ({
    id: t.exposeString('id'),
    requestedModels: t.stringList({ resolve: (g) => g.requestedModels }),
    model: t.string({ nullable: true, description: 'The model that served.', resolve: (g) => g.model }),
    provider: t.string({ nullable: true, resolve: (g) => g.provider }),
    status: t.string({ description: 'succeeded, failed or cancelled.', resolve: (g) => g.status }),
    streamed: t.exposeBoolean('streamed'),
    cancelled: t.exposeBoolean('cancelled'),
    promptTokens: t.int({ resolve: (g) => g.tokens.prompt }),
    completionTokens: t.int({ resolve: (g) => g.tokens.completion }),
    reasoningTokens: t.int({ resolve: (g) => g.tokens.reasoning }),
    cachedTokens: t.int({ resolve: (g) => g.tokens.cached }),
    cacheWriteTokens: t.int({ resolve: (g) => g.tokens.cacheWrite }),
    cost: t.field({ type: 'Money', description: 'Charged on credits.', resolve: (g) => g.cost }),
    isByok: t.exposeBoolean('isByok'),
    byokUsage: t.field({ type: 'Money', resolve: (g) => g.byokUsage }),
    ttftMs: t.int({ nullable: true, description: 'Time to first token of the attempt that served.', resolve: (g) => g.ttftMs }),
    generationTimeMs: t.int({ nullable: true, description: 'From sending the serving attempt to its end.', resolve: (g) => g.generationTimeMs }),
    finishReason: t.string({ nullable: true, resolve: (g) => g.finishReason }),
    nativeFinishReason: t.string({ nullable: true, resolve: (g) => g.nativeFinishReason }),
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
    resolve: (_root, { id }, ctx) => ctx.generationReader.find(requirePrincipal(ctx).accountId, id),
  }),
);

const toCursor = (g: GenerationView) => Buffer.from(`${g.createdAt.toISOString()}|${g.id}`).toString('base64url');

function fromCursor(cursor: string): GenerationCursor {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const createdAt = new Date(at ?? '');
  if (!id || Number.isNaN(createdAt.getTime())) throw new GraphQLError(`Invalid cursor "${cursor.slice(0, 40)}"`, { extensions: { code: 'BAD_USER_INPUT' } });
  return { createdAt, id };
}

/** For Viewer.generations: the account's generations, newest first, paged by keyset (createdAt, id). */
export const generationsConnection = (ctx: GraphQLContext, accountId: string, args: Parameters<typeof resolveCursorConnection>[0]['args'], filter: GenerationFilter = {}) =>
  resolveCursorConnection<Promise<GenerationView[]>>({ args, defaultSize: 20, maxSize: 100, toCursor }, ({ before, after, limit, inverted }) =>
    ctx.generationReader.page(accountId, { filter, limit, inverted, ...(after ? { after: fromCursor(after) } : {}), ...(before ? { before: fromCursor(before) } : {}) }),
  );

import { GraphQLError } from 'graphql';
import { builder } from '../builder.js';
import { CompletionRefusedError } from '../../gateway/generation/completion-refused.js';
import { CursorExpiredError, GenerationNotFoundError, type LogEntry } from '../../realtime/generation-log.js';
import type { CompletionEvent } from '../../gateway/generation/completion-events.js';
import { NotFoundError } from '../../gateway/user-errors.js';
import { requirePrincipal } from '../require-principal.js';
import type { GraphQLContext } from '../context.js';
import { CompletionEventRef } from './completion-events.js';
import { CompletionRequestInput, completionInputFrom } from './completion-input.js';
import { UserErrorInterface, USER_ERRORS } from './user-errors.js';

builder.objectType(CompletionRefusedError, {
  name: 'CompletionRefusedError',
  description: 'The generation could not start: NO_ROUTE (details say which filter excluded each provider), INSUFFICIENT_CREDITS, RATE_LIMITED, SERVICE_UNAVAILABLE…',
  interfaces: [UserErrorInterface],
  fields: (t) => ({
    retryAfterSeconds: t.int({ nullable: true, resolve: (e) => e.retryAfterSeconds }),
    details: t.field({ type: 'JSON', nullable: true, resolve: (e) => e.details }),
  }),
});

const StartedCompletionRef = builder.objectRef<{ generationId: string }>('StartedCompletion').implement({
  fields: (t) => ({
    generationId: t.exposeString('generationId'),
    cursor: t.string({ description: 'Subscribe with `completionStream(generationId, after: cursor)`; every event follows it.', resolve: () => '0' }),
  }),
});

builder.mutationField('startCompletion', (t) =>
  t.field({
    type: StartedCompletionRef,
    description: 'Starts a generation (routed, credits reserved) and returns its id; stream it with `completionStream`.',
    errors: { types: [...USER_ERRORS, CompletionRefusedError] },
    args: { input: t.arg({ type: CompletionRequestInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const started = await ctx.generations.start(requirePrincipal(ctx), completionInputFrom(input, true));
      if (started.kind === 'refused') throw new CompletionRefusedError(started.error);
      return { generationId: started.generationId };
    },
  }),
);

const CancelledGenerationRef = builder.objectRef<{ generationId: string; cancelled: boolean }>('CancelledGeneration').implement({
  fields: (t) => ({
    generationId: t.exposeString('generationId'),
    cancelled: t.exposeBoolean('cancelled', { description: 'false when it had already ended.' }),
  }),
});

builder.mutationField('cancelGeneration', (t) =>
  t.field({
    type: CancelledGenerationRef,
    description: 'Aborts a running generation; what was generated so far is settled (billed) once.',
    errors: { types: USER_ERRORS },
    args: { generationId: t.arg.string({ required: true }) },
    resolve: async (_root, { generationId }, ctx) => ({ generationId, cancelled: await ctx.generations.cancel(requirePrincipal(ctx), generationId) }),
  }),
);

function cursorOf(after: string | null | undefined): number {
  if (after == null || after === '') return 0;
  if (!/^\d{1,15}$/.test(after)) throw new GraphQLError(`Invalid cursor "${after.slice(0, 20)}"`, { extensions: { code: 'BAD_USER_INPUT' } });
  return Number(after);
}

/** Log failures as GraphQL errors a client can act on (subscriptions have no result union). */
async function* following(ctx: GraphQLContext, generationId: string, after: number): AsyncGenerator<LogEntry<CompletionEvent>> {
  const controller = new AbortController();
  try {
    yield* await ctx.generations.follow(requirePrincipal(ctx), generationId, after, controller.signal);
  } catch (error) {
    if (error instanceof NotFoundError || error instanceof GenerationNotFoundError) {
      throw new GraphQLError(`No running or recent generation ${generationId}`, { extensions: { code: 'NOT_FOUND' } });
    }
    if (error instanceof CursorExpiredError) throw new GraphQLError(error.message, { extensions: { code: 'CURSOR_EXPIRED', oldestCursor: String(error.oldestSeq - 1) } });
    throw error;
  } finally {
    controller.abort();
  }
}

builder.subscriptionField('completionStream', (t) =>
  t.field({
    type: CompletionEventRef,
    description: 'A generation’s events after `after` (replayed, then live) up to CompletionFinished or CompletionFailed. Reconnect with the last cursor you saw: no gap, no duplicate.',
    args: { generationId: t.arg.string({ required: true }), after: t.arg.string() },
    subscribe: (_root, { generationId, after }, ctx) => following(ctx, generationId, cursorOf(after)),
    resolve: (entry) => entry as never,
  }),
);

builder.subscriptionField('complete', (t) =>
  t.field({
    type: CompletionEventRef,
    description: '`startCompletion` and `completionStream` in one: a refused start is a single CompletionFailed event.',
    args: { input: t.arg({ type: CompletionRequestInput, required: true }) },
    subscribe: async function* (_root, { input }, ctx) {
      const started = await ctx.generations.start(requirePrincipal(ctx), completionInputFrom(input, true));
      if (started.kind === 'refused') {
        const { code, message } = started.error;
        yield { seq: 0, event: { type: 'CompletionFailed', generationId: null, code, message } } satisfies LogEntry<CompletionEvent>;
        return;
      }
      yield* following(ctx, started.generationId, 0);
    },
    resolve: (entry) => entry as never,
  }),
);

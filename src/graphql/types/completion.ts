import { GraphQLError } from 'graphql';
import { builder } from '../builder.js';
import { CursorExpiredError, GenerationNotFoundError } from '../../realtime/generation-log.js';
import type { ErrorInfo, RefusalReason } from '../../gateway/generation/generation-events.js';
import { NotFoundError } from '../../gateway/user-errors.js';
import { requirePrincipal } from '../require-principal.js';
import type { GraphQLContext } from '../context.js';
import { CompletionEventRef, isShown, type ShownEntry } from './completion-events.js';
import { CompletionRequestInput, completionInputFrom } from './completion-input.js';
import { UserErrorInterface, USER_ERRORS } from './user-errors.js';

/** A generation that could not start (no route, credits, rate limit, shutdown), as a user-facing error. */
export class CompletionRefusedError extends Error {
  readonly code: string;
  readonly retryAfterSeconds: number | null;
  readonly details: unknown;
  constructor(reason: RefusalReason | 'service_unavailable', error: ErrorInfo) {
    super(error.message);
    this.code = reason;
    this.retryAfterSeconds = error.metadata.retryAfterMs === undefined ? null : Math.ceil(error.metadata.retryAfterMs / 1000);
    this.details = error.metadata.details ?? null;
  }
}

builder.objectType(CompletionRefusedError, {
  name: 'CompletionRefusedError',
  description: 'The generation could not start: NO_ROUTE (details say which filter excluded each provider), INSUFFICIENT_CREDITS, KEY_LIMIT, RATE_LIMITED, SERVICE_UNAVAILABLE, UNKNOWN_PROVIDER (a provider named in order/only/ignore does not exist).',
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
      if (started.kind === 'refused') throw new CompletionRefusedError(started.reason, started.error);
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

/** The log entries a completion stream shows; log failures as GraphQL errors a client can act on (subscriptions have no result union). */
async function* following(ctx: GraphQLContext, generationId: string, after: number): AsyncGenerator<ShownEntry> {
  const controller = new AbortController();
  try {
    for await (const entry of await ctx.generations.follow(requirePrincipal(ctx), generationId, after, controller.signal)) if (isShown(entry)) yield entry;
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
    resolve: (entry) => entry,
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
        yield { seq: 0, event: { type: 'finished', outcome: { kind: 'refused', reason: started.reason, error: started.error } } } satisfies ShownEntry;
        return;
      }
      yield* following(ctx, started.generationId, 0);
    },
    resolve: (entry) => entry,
  }),
);

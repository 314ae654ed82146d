import { builder } from '../builder.js';
import { isStreamed, type GenerationEvent } from '../../gateway/generation/generation-events.js';
import type { LogEntry } from '../../realtime/generation-log.js';
import { ErrorCodeEnum, graphqlErrorCode } from './error-code.js';

type Entry<T extends GenerationEvent['type']> = LogEntry<Extract<GenerationEvent, { type: T }>>;
type Output<P extends string> = LogEntry<{ type: 'output'; part: Extract<Extract<GenerationEvent, { type: 'output' }>['part'], { type: P }> }>;
type Finished<K extends string> = LogEntry<{ type: 'finished'; outcome: Extract<Extract<GenerationEvent, { type: 'finished' }>['outcome'], { kind: K }> }>;

/** The entries a completion stream shows, one GraphQL event type each. */
export type ShownEntry =
  | Entry<'attempt-started'>
  | Entry<'attempt-finished'>
  | Output<'text-delta'>
  | Output<'reasoning-delta'>
  | Output<'tool-call-start' | 'tool-call-delta'>
  | Entry<'settled'>
  | Finished<'completed'>
  | Finished<'failed' | 'refused'>;

/** Every entry of a completion stream's log is one GraphQL event (so its cursor is its log seq). */
export const isShown = (entry: LogEntry<GenerationEvent>): entry is ShownEntry => isStreamed(entry.event);

const CompletionEventInterface = builder.interfaceRef<LogEntry<GenerationEvent>>('CompletionEventBase').implement({
  fields: (t) => ({
    cursor: t.string({ description: 'Pass as `after` to resume right after this event.', resolve: (e) => String(e.seq) }),
  }),
});

const typeOf = (entry: LogEntry<GenerationEvent>): string => {
  const e = entry.event;
  switch (e.type) {
    case 'attempt-started':
      return 'AttemptStarted';
    case 'attempt-finished':
      return 'AttemptFailed';
    case 'output':
      return e.part.type === 'text-delta' ? 'TextDelta' : e.part.type === 'reasoning-delta' ? 'ReasoningDelta' : 'ToolCallDelta';
    case 'settled':
      return 'UsageReported';
    case 'finished':
      return e.outcome.kind === 'completed' ? 'CompletionFinished' : 'CompletionFailed';
    default:
      return 'Hidden';
  }
};

const eventOf = (name: string, description: string) => ({
  description,
  interfaces: [CompletionEventInterface],
  isTypeOf: (value: unknown) => typeOf(value as LogEntry<GenerationEvent>) === name,
});

const AttemptStarted = builder.objectRef<Entry<'attempt-started'>>('AttemptStarted').implement({
  ...eventOf('AttemptStarted', 'An attempt is being sent to this provider (one per attempt sent, in plan order).'),
  fields: (t) => ({
    generationId: t.string({ description: 'The generation this stream belongs to: resume it with `completionStream(generationId, after: cursor)`.', resolve: (e) => e.event.generationId }),
    ordinal: t.int({ description: 'Position of the attempt in the plan (0-based).', resolve: (e) => e.event.ordinal }),
    provider: t.string({ resolve: (e) => e.event.provider }),
    model: t.string({ resolve: (e) => e.event.model }),
    byok: t.boolean({ description: 'Sent with the account’s own provider key.', resolve: (e) => e.event.byok }),
  }),
});

const AttemptStatusEnum = builder.enumType('AttemptStatus', {
  values: { SUCCEEDED: { value: 'succeeded' }, FAILED: { value: 'failed' }, CANCELLED: { value: 'cancelled' }, SKIPPED: { value: 'skipped', description: 'Not sent: the endpoint’s circuit breaker is open.' } } as const,
});

const AttemptFailed = builder.objectRef<Entry<'attempt-finished'>>('AttemptFailed').implement({
  ...eventOf('AttemptFailed', 'An attempt failed or was skipped; before any output, the next one follows.'),
  fields: (t) => ({
    ordinal: t.int({ resolve: (e) => e.event.ordinal }),
    provider: t.string({ resolve: (e) => e.event.attempt.provider }),
    status: t.field({ type: AttemptStatusEnum, resolve: (e) => e.event.attempt.status }),
    code: t.field({ type: ErrorCodeEnum, resolve: (e) => graphqlErrorCode(e.event.attempt.errorCode ?? 'internal') }),
    message: t.string({ resolve: (e) => e.event.attempt.errorMessage ?? '' }),
  }),
});

const TextDelta = builder.objectRef<Output<'text-delta'>>('TextDelta').implement({
  ...eventOf('TextDelta', 'Output text, in order.'),
  fields: (t) => ({ text: t.string({ resolve: (e) => e.event.part.text }) }),
});

const ReasoningDelta = builder.objectRef<Output<'reasoning-delta'>>('ReasoningDelta').implement({
  ...eventOf('ReasoningDelta', 'Reasoning text, when the model exposes it.'),
  fields: (t) => ({ text: t.string({ resolve: (e) => e.event.part.text }) }),
});

const ToolCallDelta = builder.objectRef<Output<'tool-call-start' | 'tool-call-delta'>>('ToolCallDelta').implement({
  ...eventOf('ToolCallDelta', 'Part of a tool call: the first delta of a call carries its index and name.'),
  fields: (t) => ({
    id: t.string({ resolve: (e) => e.event.part.id }),
    index: t.int({ nullable: true, resolve: (e) => (e.event.part.type === 'tool-call-start' ? e.event.part.index : null) }),
    name: t.string({ nullable: true, resolve: (e) => (e.event.part.type === 'tool-call-start' ? e.event.part.name : null) }),
    argumentsDelta: t.string({ resolve: (e) => (e.event.part.type === 'tool-call-delta' ? e.event.part.argumentsDelta : '') }),
  }),
});

const UsageReported = builder.objectRef<Entry<'settled'>>('UsageReported').implement({
  ...eventOf('UsageReported', 'Tokens and the exact cost charged, once the generation settled.'),
  fields: (t) => ({
    promptTokens: t.int({ resolve: (e) => e.event.tokens.prompt }),
    completionTokens: t.int({ resolve: (e) => e.event.tokens.completion }),
    reasoningTokens: t.int({ resolve: (e) => e.event.tokens.reasoning }),
    cachedTokens: t.int({ resolve: (e) => e.event.tokens.cached }),
    cost: t.field({ type: 'Money', description: 'Charged on credits (for BYOK: the BYOK fee).', resolve: (e) => e.event.cost }),
    byokUsage: t.field({ type: 'Money', nullable: true, description: 'For BYOK: the list price, paid to the provider with your key.', resolve: (e) => e.event.byokUsage }),
  }),
});


const CompletionFinished = builder.objectRef<Finished<'completed'>>('CompletionFinished').implement({
  ...eventOf('CompletionFinished', 'The last event of a successful generation.'),
  fields: (t) => ({
    generationId: t.string({ resolve: (e) => e.event.outcome.generationId }),
    model: t.string({ description: 'The model that served (with `models` fallbacks, maybe not the first).', resolve: (e) => e.event.outcome.model }),
    provider: t.string({ resolve: (e) => e.event.outcome.provider }),
    finishReason: t.string({ resolve: (e) => e.event.outcome.result.finish?.reason ?? 'stop' }),
    nativeFinishReason: t.string({ nullable: true, resolve: (e) => e.event.outcome.result.finish?.nativeReason ?? null }),
    text: t.string({ description: 'The whole output text, for clients that joined late.', resolve: (e) => e.event.outcome.result.text }),
    reasoningDetails: t.field({
      type: 'JSON',
      description: 'Signed reasoning blocks, as OpenRouter’s `reasoning_details`: send them back with this turn (tool loops with reasoning need them).',
      resolve: (e) => e.event.outcome.result.reasoningDetails,
    }),
  }),
});

const CompletionFailed = builder.objectRef<Finished<'failed' | 'refused'>>('CompletionFailed').implement({
  ...eventOf('CompletionFailed', 'The last event of a failed generation (refused, or failed before or after output started).'),
  fields: (t) => ({
    generationId: t.string({ nullable: true, resolve: (e) => (e.event.outcome.kind === 'failed' ? e.event.outcome.generationId : null) }),
    code: t.field({
      type: ErrorCodeEnum,
      description: 'e.g. UPSTREAM_UNAVAILABLE, CANCELLED, INSUFFICIENT_CREDITS, NO_ROUTE, RATE_LIMITED.',
      resolve: (e) => (e.event.outcome.kind === 'refused' ? graphqlErrorCode(e.event.outcome.reason) : graphqlErrorCode(e.event.outcome.error.code)),
    }),
    message: t.string({ resolve: (e) => e.event.outcome.error.message }),
  }),
});

export const CompletionEventRef = builder.unionType('CompletionEvent', {
  types: [AttemptStarted, AttemptFailed, TextDelta, ReasoningDelta, ToolCallDelta, UsageReported, CompletionFinished, CompletionFailed],
  resolveType: (entry) => typeOf(entry as LogEntry<GenerationEvent>),
});

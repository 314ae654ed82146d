import { builder } from '../builder.js';
import { money } from '../../core/billing/money.js';
import type { CompletionEvent } from '../../gateway/generation/completion-events.js';
import type { LogEntry } from '../../realtime/generation-log.js';

/** A stream event with its position: `cursor` resumes right after it (`completionStream(after:)`). */
type Entry<T extends CompletionEvent['type']> = LogEntry<Extract<CompletionEvent, { type: T }>>;

const CompletionEventInterface = builder.interfaceRef<LogEntry<CompletionEvent>>('CompletionEventBase').implement({
  fields: (t) => ({
    cursor: t.string({ description: 'Pass as `after` to resume right after this event.', resolve: (e) => String(e.seq) }),
  }),
});

/** What every event type shares: the interface, and how to recognise its entries. */
const eventOf = (type: CompletionEvent['type'], description: string) => ({
  description,
  interfaces: [CompletionEventInterface],
  isTypeOf: (value: unknown) => (value as LogEntry<CompletionEvent>).event.type === type,
});

const RoutingDecided = builder.objectRef<Entry<'RoutingDecided'>>('RoutingDecided').implement({
  ...eventOf('RoutingDecided', 'An attempt is being sent to this provider (one per attempt, in plan order).'),
  fields: (t) => ({
    generationId: t.string({ resolve: (e) => e.event.generationId }),
    provider: t.string({ resolve: (e) => e.event.provider }),
    model: t.string({ resolve: (e) => e.event.model }),
    byok: t.boolean({ description: 'Sent with the account’s own provider key.', resolve: (e) => e.event.byok }),
  }),
});

const AttemptFailed = builder.objectRef<Entry<'AttemptFailed'>>('AttemptFailed').implement({
  ...eventOf('AttemptFailed', 'An attempt failed before any output; the next one follows.'),
  fields: (t) => ({
    provider: t.string({ resolve: (e) => e.event.provider }),
    code: t.string({ resolve: (e) => e.event.code }),
    message: t.string({ resolve: (e) => e.event.message }),
  }),
});

const TextDelta = builder.objectRef<Entry<'TextDelta'>>('TextDelta').implement({
  ...eventOf('TextDelta', 'Output text, in order.'),
  fields: (t) => ({
    text: t.string({ resolve: (e) => e.event.text }),
  }),
});

const ReasoningDelta = builder.objectRef<Entry<'ReasoningDelta'>>('ReasoningDelta').implement({
  ...eventOf('ReasoningDelta', 'Reasoning text, when the model exposes it.'),
  fields: (t) => ({
    text: t.string({ resolve: (e) => e.event.text }),
  }),
});

const ToolCallDelta = builder.objectRef<Entry<'ToolCallDelta'>>('ToolCallDelta').implement({
  ...eventOf('ToolCallDelta', 'Part of a tool call: the first delta of a call carries its index and name.'),
  fields: (t) => ({
    id: t.string({ resolve: (e) => e.event.id }),
    index: t.int({ nullable: true, resolve: (e) => e.event.index }),
    name: t.string({ nullable: true, resolve: (e) => e.event.name }),
    argumentsDelta: t.string({ resolve: (e) => e.event.argumentsDelta }),
  }),
});

const UsageReported = builder.objectRef<Entry<'UsageReported'>>('UsageReported').implement({
  ...eventOf('UsageReported', 'Tokens and the exact cost charged, once the generation settled.'),
  fields: (t) => ({
    promptTokens: t.int({ resolve: (e) => e.event.promptTokens }),
    completionTokens: t.int({ resolve: (e) => e.event.completionTokens }),
    reasoningTokens: t.int({ resolve: (e) => e.event.reasoningTokens }),
    cachedTokens: t.int({ resolve: (e) => e.event.cachedTokens }),
    cost: t.field({ type: 'Money', description: 'Charged on credits (for BYOK: the BYOK fee).', resolve: (e) => money(BigInt(e.event.costPico)) }),
    byokUsage: t.field({
      type: 'Money',
      nullable: true,
      description: 'For BYOK: the list price, paid to the provider with your key.',
      resolve: (e) => (e.event.byokUsagePico === null ? null : money(BigInt(e.event.byokUsagePico))),
    }),
  }),
});

const CompletionFinished = builder.objectRef<Entry<'CompletionFinished'>>('CompletionFinished').implement({
  ...eventOf('CompletionFinished', 'The last event of a successful generation.'),
  fields: (t) => ({
    generationId: t.string({ resolve: (e) => e.event.generationId }),
    model: t.string({ description: 'The model that served (with `models` fallbacks, maybe not the first).', resolve: (e) => e.event.model }),
    provider: t.string({ resolve: (e) => e.event.provider }),
    finishReason: t.string({ resolve: (e) => e.event.finishReason }),
    nativeFinishReason: t.string({ nullable: true, resolve: (e) => e.event.nativeFinishReason }),
    text: t.string({ description: 'The whole output text, for clients that joined late.', resolve: (e) => e.event.text }),
  }),
});

const CompletionFailed = builder.objectRef<Entry<'CompletionFailed'>>('CompletionFailed').implement({
  ...eventOf('CompletionFailed', 'The last event of a failed generation (before or after output started).'),
  fields: (t) => ({
    generationId: t.string({ nullable: true, resolve: (e) => e.event.generationId }),
    code: t.string({ description: 'e.g. upstream_unavailable, cancelled, insufficient_credits, not_found, rate_limited.', resolve: (e) => e.event.code }),
    message: t.string({ resolve: (e) => e.event.message }),
  }),
});

export const CompletionEventRef = builder.unionType('CompletionEvent', {
  types: [RoutingDecided, AttemptFailed, TextDelta, ReasoningDelta, ToolCallDelta, UsageReported, CompletionFinished, CompletionFailed],
  resolveType: (entry) => entry.event.type,
});

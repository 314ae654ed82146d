import type { ErrorCode, ErrorMetadata } from '../../core/errors.js';
import type { Money } from '../../core/billing/money.js';
import type { GenerationResult } from '../../core/llm/fold.js';
import type { StreamPart } from '../../core/llm/stream-part.js';
import type { Plan } from '../../core/routing/index.js';
import type { AttemptRecord, GenerationTokens } from '../../core/generation/record.js';

/** An error as the pipeline reports it: plain data, so events cross Redis and the log unchanged. */
export interface ErrorInfo {
  code: ErrorCode;
  message: string;
  metadata: ErrorMetadata;
}

/** Why a request was refused before it started. */
export type RefusalReason = 'service_unavailable' | 'rate_limited' | 'unknown_provider' | 'no_route' | 'insufficient_credits' | 'key_limit';

/** Output parts a client sees as they arrive (usage, finish and errors come with the settlement). */
export type OutputPart = Extract<StreamPart, { type: 'text-delta' | 'reasoning-delta' | 'reasoning-detail' | 'tool-call-start' | 'tool-call-delta' | 'tool-call-end' }>;

export const isOutput = (p: StreamPart): p is OutputPart =>
  p.type === 'text-delta' || p.type.startsWith('reasoning-') || p.type.startsWith('tool-call');

/** How a generation ended — the last event, and what `runCompletion` resolves with. */
export type GenerationOutcome =
  | { kind: 'completed'; generationId: string; model: string; provider: string; result: GenerationResult; cost: Money; byokUsage: Money | null; attempts: AttemptRecord[] }
  /** Failed or cancelled; a stream cancelled after output started still pays for it (`cost`, `tokens`). */
  | { kind: 'failed'; generationId: string; error: ErrorInfo; cost: Money; tokens: GenerationTokens; provider: string | null; attempts: AttemptRecord[] }
  | { kind: 'refused'; reason: RefusalReason; error: ErrorInfo };

export interface PlanSummary {
  models: string[];
  mode: Plan['mode'];
  candidates: { provider: string; model: string; endpointId: string; reason: string; weight: number | null }[];
  excluded: { provider: string; model: string; endpointId: string; reason: string }[];
  stickyHit: boolean;
}

/**
 * The one vocabulary of a generation, from the pipeline to every surface: the GenerationLog stores
 * these events, GraphQL and REST project them, the routing-decision feed and metrics derive from
 * them. In order: `planned`, then (if admitted) `admitted`, per attempt `attempt-started` (unless
 * skipped), `output`s, `attempt-finished`; then `settled` and always exactly one `finished`.
 */
export type GenerationEvent =
  | { type: 'planned'; generationId: string | null; plan: PlanSummary }
  | { type: 'admitted'; generationId: string; held: Money }
  | { type: 'attempt-started'; generationId: string; ordinal: number; provider: string; model: string; byok: boolean }
  | { type: 'output'; part: OutputPart }
  | { type: 'attempt-finished'; ordinal: number; attempt: AttemptRecord }
  /** `overHold`: reported usage above the hold, left uncharged (zero unless a provider over-reports). */
  | { type: 'settled'; generationId: string; tokens: GenerationTokens; cost: Money; byokUsage: Money | null; overHold: Money }
  | { type: 'finished'; outcome: GenerationOutcome };

/** A pipeline event with whose it is and when it happened — what observers (decisions, metrics) get. */
export interface ObservedEvent {
  accountId: string;
  generationId: string | null;
  at: number;
  event: GenerationEvent;
}

/**
 * The events a completion stream carries (what the GenerationLog keeps): attempts that start, attempts
 * that fail or are skipped, output, the settlement's usage and the end. Planning, admission, a served
 * attempt's end and a tool call's end are bookkeeping for other observers; signed reasoning blocks
 * travel whole with the end (`result.reasoningDetails`).
 */
export function isStreamed(event: GenerationEvent): boolean {
  if (event.type === 'planned' || event.type === 'admitted') return false;
  if (event.type === 'attempt-finished') return event.attempt.status !== 'succeeded';
  if (event.type === 'output') return event.part.type !== 'tool-call-end' && event.part.type !== 'reasoning-detail';
  return true;
}

export const isFinal = (e: GenerationEvent): e is Extract<GenerationEvent, { type: 'finished' }> => e.type === 'finished';

/** JSON with money: bigints travel as `{"$pico":"…"}`, so the Redis log carries events unchanged. */
export const eventCodec = {
  encode: (event: GenerationEvent): string => JSON.stringify(event, (_key, value: unknown) => (typeof value === 'bigint' ? { $pico: value.toString() } : value)),
  decode: (text: string): GenerationEvent =>
    JSON.parse(text, (_key, value: unknown) =>
      value !== null && typeof value === 'object' && '$pico' in value && typeof (value as { $pico: unknown }).$pico === 'string' ? BigInt((value as { $pico: string }).$pico) : value,
    ) as GenerationEvent,
};

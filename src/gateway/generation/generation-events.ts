import type { SwitchyardError } from '../../core/errors.js';
import type { Money } from '../../core/billing/money.js';
import type { GenerationResult } from '../../core/llm/fold.js';
import type { StreamPart } from '../../core/llm/stream-part.js';
import type { AttemptRecord } from '../../persistence/repositories/generation-recorder.js';

export type CompletionOutcome =
  | { kind: 'completed'; generationId: string; model: string; provider: string; result: GenerationResult; cost: Money; byokUsage: Money | null; attempts: AttemptRecord[] }
  | { kind: 'failed'; generationId: string | null; error: SwitchyardError; attempts: AttemptRecord[] };

/** Output parts a client sees as they arrive (usage, finish and errors come in the final event). */
export type OutputPart = Extract<StreamPart, { type: 'text-delta' | 'reasoning-delta' | 'reasoning-detail' | 'tool-call-start' | 'tool-call-delta' | 'tool-call-end' }>;

/** What a generation emits, in order: output parts (possibly none), then exactly one final outcome. */
export type GenerationEvent =
  | { type: 'started'; generationId: string }
  | { type: 'attempt-started'; provider: string; model: string; byok: boolean }
  | { type: 'attempt-failed'; provider: string; error: SwitchyardError }
  | { type: 'output'; part: OutputPart }
  | { type: 'final'; outcome: CompletionOutcome };

export const isOutput = (p: StreamPart): p is OutputPart =>
  p.type === 'text-delta' || p.type.startsWith('reasoning-') || p.type.startsWith('tool-call');

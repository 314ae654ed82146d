import type { SwitchyardError } from '../errors.js';
import type { FinishReason } from './finish-reason.js';
import type { ReasoningDetail } from './reasoning-detail.js';
import type { Usage } from './usage.js';

/**
 * What every adapter yields, whatever the provider: one discriminated union. A well-formed stream is
 * any number of deltas, at most one `usage`, then exactly one `finish` — or it ends with one `error`.
 * Tool-call ids are stable for the whole stream; `index` orders calls within the generation.
 */
export type StreamPart =
  | { type: 'text-delta'; text: string }
  | { type: 'reasoning-delta'; text: string }
  /** A finished reasoning block with what the provider needs back next turn (signature, redacted data). */
  | { type: 'reasoning-detail'; detail: ReasoningDetail }
  | { type: 'tool-call-start'; id: string; index: number; name: string }
  | { type: 'tool-call-delta'; id: string; argumentsDelta: string }
  | { type: 'tool-call-end'; id: string }
  | { type: 'usage'; usage: Usage }
  | { type: 'finish'; reason: FinishReason; nativeReason: string | null }
  | { type: 'error'; error: SwitchyardError };

export type StreamPartType = StreamPart['type'];

/** Id for a tool call the provider sent without one; deterministic so replays and folds agree. */
export function syntheticToolCallId(index: number): string {
  return `call_${index}`;
}

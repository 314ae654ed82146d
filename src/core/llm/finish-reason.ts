/** Why a generation ended, normalized across providers (OpenRouter's vocabulary). */
export type FinishReason = 'stop' | 'length' | 'tool_calls' | 'content_filter' | 'error';

export const FINISH_REASONS: readonly FinishReason[] = ['stop', 'length', 'tool_calls', 'content_filter', 'error'];

/** The normalized reason next to the provider's own word for it (kept for `native_finish_reason`). */
export interface Finish {
  reason: FinishReason;
  nativeReason: string | null;
}

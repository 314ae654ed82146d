import type { FinishReason } from '../../core/llm/finish-reason.js';
import { makeUsage, type Usage } from '../../core/llm/usage.js';
import type { ReasoningDetail } from '../../core/llm/reasoning-detail.js';
import type { AnthropicUsage } from './schema.js';

const STOP_REASONS: Record<string, FinishReason> = {
  end_turn: 'stop',
  stop_sequence: 'stop',
  pause_turn: 'stop',
  max_tokens: 'length',
  model_context_window_exceeded: 'length',
  tool_use: 'tool_calls',
  refusal: 'content_filter',
};

export function anthropicFinishReason(native: string | null): FinishReason {
  return (native !== null ? STOP_REASONS[native] : undefined) ?? 'stop';
}

/**
 * Anthropic's input_tokens excludes cached tokens: total = input + cache read + cache creation.
 * Thinking tokens are only known when the API reports output_tokens_details; otherwise 0.
 */
export function anthropicUsage(usage: AnthropicUsage): Usage {
  return makeUsage({
    uncached: usage.input_tokens ?? 0,
    cacheRead: usage.cache_read_input_tokens ?? 0,
    cacheWrite: usage.cache_creation_input_tokens ?? 0,
    outputTotal: usage.output_tokens ?? 0,
    reasoning: usage.output_tokens_details?.thinking_tokens ?? 0,
  });
}

/** message_delta usage is cumulative and may repeat or omit fields: later non-null values win. */
export function mergeAnthropicUsage(base: AnthropicUsage | undefined, update: AnthropicUsage): AnthropicUsage {
  const merged: AnthropicUsage = { ...base };
  for (const [key, value] of Object.entries(update)) if (value !== null && value !== undefined) merged[key] = value;
  return merged;
}

/** Anthropic error `type` → the HTTP status it stands for, so body and status classify alike. */
export const ANTHROPIC_ERROR_STATUS: Record<string, number> = {
  invalid_request_error: 400,
  authentication_error: 401,
  billing_error: 402,
  permission_error: 403,
  not_found_error: 404,
  request_too_large: 413,
  rate_limit_error: 429,
  api_error: 500,
  timeout_error: 504,
  overloaded_error: 529,
};

/** A finished thinking block as OpenRouter's reasoning detail: the text and the signature that proves it. */
export function thinkingDetail(text: string, signature: string | null | undefined, index: number): ReasoningDetail {
  return { type: 'reasoning.text', text, ...(signature ? { signature } : {}), format: 'anthropic-claude-v1', index };
}

/** redacted_thinking: opaque, sent back as it came. */
export function redactedDetail(data: string, index: number): ReasoningDetail {
  return { type: 'reasoning.encrypted', data, format: 'anthropic-claude-v1', index };
}

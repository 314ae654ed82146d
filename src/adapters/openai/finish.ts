import type { FinishReason } from '../../core/llm/finish-reason.js';
import { makeUsage, type Usage } from '../../core/llm/usage.js';
import type { OpenAiUsage } from './schema.js';

const FINISH: Record<string, FinishReason> = {
  stop: 'stop',
  eos: 'stop',
  end_turn: 'stop',
  length: 'length',
  max_tokens: 'length',
  tool_calls: 'tool_calls',
  function_call: 'tool_calls',
  content_filter: 'content_filter',
  error: 'error',
};

/**
 * Native finish_reason → normalized. Some compatible servers (vLLM, Ollama) say `stop` after tool
 * calls; the calls are what the caller must act on, so that becomes `tool_calls`.
 */
export function openAiFinishReason(native: string | null, sawToolCall: boolean, sawRefusal: boolean): FinishReason {
  const reason = (native !== null ? FINISH[native] : undefined) ?? 'stop';
  if (reason === 'stop' && sawToolCall) return 'tool_calls';
  if (reason === 'stop' && sawRefusal) return 'content_filter';
  return reason;
}

/** prompt_tokens includes cached (and, where reported, cache-write) tokens; completion_tokens includes reasoning. */
export function openAiUsage(usage: OpenAiUsage): Usage {
  const prompt = usage.prompt_tokens ?? 0;
  const cacheRead = usage.prompt_tokens_details?.cached_tokens ?? 0;
  const cacheWrite = usage.prompt_tokens_details?.cache_write_tokens ?? 0;
  return makeUsage({
    uncached: prompt - cacheRead - cacheWrite,
    cacheRead,
    cacheWrite,
    outputTotal: usage.completion_tokens ?? 0,
    reasoning: usage.completion_tokens_details?.reasoning_tokens ?? 0,
  });
}

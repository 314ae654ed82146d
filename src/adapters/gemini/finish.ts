import type { FinishReason } from '../../core/llm/finish-reason.js';
import { makeUsage, type Usage } from '../../core/llm/usage.js';
import type { GeminiError, GeminiUsage } from './schema.js';

const FILTERED = new Set(['SAFETY', 'RECITATION', 'BLOCKLIST', 'PROHIBITED_CONTENT', 'SPII', 'IMAGE_SAFETY', 'LANGUAGE', 'OTHER_BLOCK']);

/** STOP means tool_calls when the model called a function (Gemini has no separate reason for it). */
export function geminiFinishReason(native: string | null, sawFunctionCall: boolean): FinishReason {
  if (native === 'MAX_TOKENS') return 'length';
  if (native !== null && FILTERED.has(native)) return 'content_filter';
  if (native === 'MALFORMED_FUNCTION_CALL' || native === 'UNEXPECTED_TOOL_CALL') return 'error';
  return sawFunctionCall ? 'tool_calls' : 'stop';
}

/** promptTokenCount includes cached tokens; output = candidates + thoughts (candidates excludes thoughts). */
export function geminiUsage(usage: GeminiUsage): Usage {
  const prompt = usage.promptTokenCount ?? 0;
  const cached = usage.cachedContentTokenCount ?? 0;
  const thoughts = usage.thoughtsTokenCount ?? 0;
  return makeUsage({
    uncached: prompt - cached,
    cacheRead: cached,
    outputTotal: (usage.candidatesTokenCount ?? 0) + thoughts,
    reasoning: thoughts,
  });
}

/** google.rpc.RetryInfo `retryDelay: "30s"` → ms. */
export function geminiRetryDelayMs(error: GeminiError): number | undefined {
  for (const detail of error.details ?? []) {
    const match = /^(\d+(?:\.\d+)?)s$/.exec(detail.retryDelay ?? '');
    if (match) return Math.round(Number(match[1]) * 1000);
  }
  return undefined;
}

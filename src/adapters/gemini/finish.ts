import type { FinishReason } from '../../core/llm/finish-reason.js';
import { makeUsage, type Usage } from '../../core/llm/usage.js';
import type { GeminiError, GeminiUsage } from './schema.js';

/** Blocked by a safety, recitation or policy filter: whatever was generated before stays, the reason is content_filter. */
const FILTERED = new Set([
  'SAFETY', 'RECITATION', 'BLOCKLIST', 'PROHIBITED_CONTENT', 'SPII', 'LANGUAGE', 'OTHER_BLOCK',
  'IMAGE_SAFETY', 'IMAGE_PROHIBITED_CONTENT', 'IMAGE_RECITATION',
]);
/** The model produced something unusable (a broken or unexpected tool call, or a replay missing its signature). */
const FAILED = new Set(['MALFORMED_FUNCTION_CALL', 'UNEXPECTED_TOOL_CALL', 'TOO_MANY_TOOL_CALLS', 'MISSING_THOUGHT_SIGNATURE', 'MALFORMED_RESPONSE']);

/**
 * Gemini finishReason → normalized. STOP means tool_calls when the model called a function (Gemini
 * has no separate reason for it); CONTINUATION is a cut answer; OTHER, NO_IMAGE and unknown future
 * reasons end the answer without a verdict (stop), the native reason kept for the client.
 */
export function geminiFinishReason(native: string | null, sawFunctionCall: boolean): FinishReason {
  if (native === 'MAX_TOKENS' || native === 'CONTINUATION') return 'length';
  if (native !== null && FILTERED.has(native)) return 'content_filter';
  if (native !== null && FAILED.has(native)) return 'error';
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

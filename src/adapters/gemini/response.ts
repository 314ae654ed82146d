import type { StreamPart } from '../../core/llm/stream-part.js';
import { checkWireShape } from '../wire-json.js';
import { geminiFinishReason, geminiUsage } from './finish.js';
import { GeminiPartMapper } from './parts.js';
import { geminiResponseSchema } from './schema.js';

/** Non-stream generateContent body → the parts its stream would have produced (first candidate). */
export function parseGeminiResponse(json: unknown): StreamPart[] {
  const response = checkWireShape(json, geminiResponseSchema, 'Gemini response');
  const parts: StreamPart[] = [];
  const mapper = new GeminiPartMapper();
  const candidate = response.candidates?.[0];
  mapper.map(candidate?.content?.parts ?? [], parts);
  if (response.usageMetadata) parts.push({ type: 'usage', usage: geminiUsage(response.usageMetadata) });
  const blockReason = candidate ? undefined : response.promptFeedback?.blockReason;
  if (blockReason) {
    parts.push({ type: 'finish', reason: 'content_filter', nativeReason: blockReason });
    return parts;
  }
  const native = candidate?.finishReason ?? null;
  parts.push({ type: 'finish', reason: geminiFinishReason(native, mapper.functionCalls > 0), nativeReason: native });
  return parts;
}

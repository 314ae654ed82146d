import type { StreamPart } from '../../core/llm/stream-part.js';
import { syntheticToolCallId } from '../../core/llm/stream-part.js';
import { checkWireShape } from '../wire-json.js';
import { openAiFinishReason, openAiUsage } from './finish.js';
import { openAiResponseSchema } from './schema.js';
import { toReasoningDetail } from './reasoning-details.js';

/** Non-stream chat.completion → the parts its stream would have produced (first choice only). */
export function parseOpenAiResponse(json: unknown): StreamPart[] {
  const response = checkWireShape(json, openAiResponseSchema, 'OpenAI response');
  const choice = response.choices[0];
  const parts: StreamPart[] = [];
  const message = choice?.message;
  const reasoning = message?.reasoning ?? message?.reasoning_content;
  if (reasoning) parts.push({ type: 'reasoning-delta', text: reasoning });
  for (const wire of message?.reasoning_details ?? []) {
    const detail = toReasoningDetail(wire);
    if (detail) parts.push({ type: 'reasoning-detail', detail });
  }
  if (message?.content) parts.push({ type: 'text-delta', text: message.content });
  if (message?.refusal) parts.push({ type: 'text-delta', text: message.refusal });
  const calls = message?.tool_calls ?? [];
  calls.forEach((call, index) => {
    const id = call.id || syntheticToolCallId(index);
    parts.push({ type: 'tool-call-start', id, index, name: call.function.name });
    parts.push({ type: 'tool-call-delta', id, argumentsDelta: call.function.arguments || '{}' });
    parts.push({ type: 'tool-call-end', id });
  });
  if (response.usage) parts.push({ type: 'usage', usage: openAiUsage(response.usage) });
  const native = choice?.finish_reason ?? null;
  parts.push({ type: 'finish', reason: openAiFinishReason(native, calls.length > 0, Boolean(message?.refusal)), nativeReason: native });
  return parts;
}

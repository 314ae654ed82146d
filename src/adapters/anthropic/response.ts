import { syntheticToolCallId, type StreamPart } from '../../core/llm/stream-part.js';
import { checkWireShape } from '../wire-json.js';
import { anthropicFinishReason, anthropicUsage, redactedDetail, thinkingDetail } from './finish.js';
import { anthropicResponseSchema } from './schema.js';

/** Non-stream Messages response → the parts its stream would have produced. */
export function parseAnthropicResponse(json: unknown): StreamPart[] {
  const response = checkWireShape(json, anthropicResponseSchema, 'Anthropic response');
  const parts: StreamPart[] = [];
  let toolCalls = 0;
  let reasoningBlocks = 0;
  for (const block of response.content) {
    if (block.type === 'thinking') {
      if (block.thinking) parts.push({ type: 'reasoning-delta', text: block.thinking });
      parts.push({ type: 'reasoning-detail', detail: thinkingDetail(block.thinking ?? '', block.signature, reasoningBlocks++) });
    } else if (block.type === 'redacted_thinking' && block.data) {
      parts.push({ type: 'reasoning-detail', detail: redactedDetail(block.data, reasoningBlocks++) });
    } else if (block.type === 'text' && block.text) parts.push({ type: 'text-delta', text: block.text });
    else if (block.type === 'tool_use') {
      const index = toolCalls++;
      const id = block.id || syntheticToolCallId(index);
      parts.push({ type: 'tool-call-start', id, index, name: block.name ?? '' });
      parts.push({ type: 'tool-call-delta', id, argumentsDelta: JSON.stringify(block.input ?? {}) });
      parts.push({ type: 'tool-call-end', id });
    }
  }
  if (response.usage) parts.push({ type: 'usage', usage: anthropicUsage(response.usage) });
  const native = response.stop_reason ?? null;
  parts.push({ type: 'finish', reason: anthropicFinishReason(native), nativeReason: native });
  return parts;
}

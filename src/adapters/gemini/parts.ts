import { syntheticToolCallId, type StreamPart } from '../../core/llm/stream-part.js';
import type { GeminiPart } from './schema.js';

/**
 * Gemini content parts → normalized parts, shared by stream and non-stream parsing. Function calls
 * arrive whole (never split across chunks): start, full arguments, end at once. Gemini has no call
 * ids (only Vertex sometimes), so ids are synthesized from the call's position in the generation.
 */
export class GeminiPartMapper {
  functionCalls = 0;
  private signatures = 0;

  map(parts: readonly GeminiPart[], out: StreamPart[]): void {
    for (const part of parts) {
      let callId: string | null = null;
      if (part.functionCall) {
        const index = this.functionCalls++;
        callId = part.functionCall.id || syntheticToolCallId(index);
        out.push({ type: 'tool-call-start', id: callId, index, name: part.functionCall.name });
        out.push({ type: 'tool-call-delta', id: callId, argumentsDelta: JSON.stringify(part.functionCall.args ?? {}) });
        out.push({ type: 'tool-call-end', id: callId });
      } else if (part.text) {
        out.push(part.thought ? { type: 'reasoning-delta', text: part.text } : { type: 'text-delta', text: part.text });
      }
      // Tied to its function call by the tool call id, so the replay puts it back on that part.
      if (part.thoughtSignature) {
        out.push({ type: 'reasoning-detail', detail: { type: 'reasoning.encrypted', data: part.thoughtSignature, id: callId, format: 'google-gemini-v1', index: this.signatures++ } });
      }
    }
  }
}

import { SwitchyardError } from '../../core/errors.js';
import { syntheticToolCallId, type StreamPart } from '../../core/llm/stream-part.js';
import type { Usage } from '../../core/llm/usage.js';
import { codeForUpstreamStatus } from '../http-errors.js';
import { decodeSse, truncatedStreamError, type ByteSource, type SseDecoder, type SseEvent } from '../sse.js';
import { parseWireJson } from '../wire-json.js';
import { openAiFinishReason, openAiUsage } from './finish.js';
import { openAiChunkSchema, type OpenAiChunk, type OpenAiToolCallDelta } from './schema.js';
import { ReasoningDetailMerger } from './reasoning-details.js';

interface OpenToolCall {
  id: string;
  /** Our index: order in which calls started in this generation. */
  index: number;
}

/**
 * Chat Completions chunks → parts. Tool calls arrive as deltas keyed by `index` with the id only on
 * the first; the finish reason comes before the usage chunk, so both are held until `[DONE]`/EOF to
 * keep `finish` last.
 */
export class OpenAiStreamDecoder implements SseDecoder {
  finished = false;
  private readonly toolCallsByWireIndex = new Map<number, OpenToolCall>();
  private readonly openCalls: OpenToolCall[] = [];
  private startedCalls = 0;
  private nativeFinish: string | null | undefined;
  private usage: Usage | undefined;
  private sawRefusal = false;
  private readonly reasoningDetails = new ReasoningDetailMerger();

  onEvent(event: SseEvent, out: StreamPart[]): void {
    if (event.data === '[DONE]') return this.flush(out);
    const chunk = parseWireJson(event.data, openAiChunkSchema, 'OpenAI stream chunk');
    if (chunk.error) throw midStreamError(chunk.error, event.data);
    if (chunk.usage) this.usage = openAiUsage(chunk.usage);
    const choice = chunk.choices?.find((c) => (c.index ?? 0) === 0);
    if (!choice) return;
    const delta = choice.delta;
    if (delta) {
      const reasoning = delta.reasoning ?? delta.reasoning_content;
      if (reasoning) out.push({ type: 'reasoning-delta', text: reasoning });
      for (const detail of delta.reasoning_details ?? []) this.reasoningDetails.add(detail);
      if (delta.content) out.push({ type: 'text-delta', text: delta.content });
      if (delta.refusal) {
        this.sawRefusal = true;
        out.push({ type: 'text-delta', text: delta.refusal });
      }
      if (delta.tool_calls) for (const call of delta.tool_calls) this.onToolCallDelta(call, out);
    }
    if (choice.finish_reason) this.nativeFinish = choice.finish_reason;
  }

  onEnd(out: StreamPart[]): void {
    // Some compatible servers close without [DONE]; a finish reason is proof the answer is complete.
    if (this.nativeFinish !== undefined) return this.flush(out);
    out.push({ type: 'error', error: truncatedStreamError('OpenAI', 'no finish_reason and no [DONE]') });
  }

  private onToolCallDelta(call: OpenAiToolCallDelta, out: StreamPart[]): void {
    const wireIndex = call.index ?? 0;
    let open = this.toolCallsByWireIndex.get(wireIndex);
    // A new id on a known index = a new call (some servers put every call at index 0).
    if (open === undefined || (call.id && call.id !== open.id)) {
      const index = this.startedCalls++;
      open = { id: call.id || syntheticToolCallId(index), index };
      this.toolCallsByWireIndex.set(wireIndex, open);
      this.openCalls.push(open);
      out.push({ type: 'tool-call-start', id: open.id, index, name: call.function?.name ?? '' });
    }
    const argumentsDelta = call.function?.arguments;
    if (argumentsDelta) out.push({ type: 'tool-call-delta', id: open.id, argumentsDelta });
  }

  private flush(out: StreamPart[]): void {
    if (this.finished) return;
    this.finished = true;
    for (const call of this.openCalls) out.push({ type: 'tool-call-end', id: call.id });
    for (const detail of this.reasoningDetails.details()) out.push({ type: 'reasoning-detail', detail });
    if (this.usage) out.push({ type: 'usage', usage: this.usage });
    const native = this.nativeFinish ?? null;
    const reason = openAiFinishReason(native, this.startedCalls > 0, this.sawRefusal);
    out.push({ type: 'finish', reason, nativeReason: native });
  }
}

/** `{error:{message, code}}` inside the stream (OpenRouter-style gateways, vLLM): numeric codes are HTTP statuses. */
function midStreamError(error: NonNullable<OpenAiChunk['error']>, raw: string): SwitchyardError {
  const status = typeof error.code === 'number' ? error.code : undefined;
  const providerCode = typeof error.code === 'string' ? error.code : (error.type ?? undefined);
  const code = status !== undefined ? codeForUpstreamStatus(status, { message: error.message ?? '' }) : 'upstream_unavailable';
  return new SwitchyardError(code, error.message || 'OpenAI stream reported an error', {
    ...(status !== undefined && { providerStatus: status }),
    ...(providerCode !== undefined && { providerCode }),
    rawSnippet: raw,
  });
}

export function parseOpenAiStream(body: ByteSource): AsyncGenerator<StreamPart> {
  return decodeSse(body, new OpenAiStreamDecoder());
}

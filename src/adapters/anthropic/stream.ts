import type { z } from 'zod';
import { SwitchyardError } from '../../core/errors.js';
import { syntheticToolCallId, type StreamPart } from '../../core/llm/stream-part.js';
import { codeForUpstreamStatus } from '../http-errors.js';
import { decodeSse, truncatedStreamError, type ByteSource, type SseDecoder, type SseEvent } from '../sse.js';
import { checkWireShape, parseWireJson } from '../wire-json.js';
import { ANTHROPIC_ERROR_STATUS, anthropicFinishReason, anthropicUsage, mergeAnthropicUsage, redactedDetail, thinkingDetail } from './finish.js';
import { anthropicEventSchemas, anthropicEventTypeSchema, type AnthropicUsage } from './schema.js';

type Block =
  | { kind: 'text' | 'other' }
  | { kind: 'thinking'; text: string[]; signature: string | undefined }
  | { kind: 'tool'; id: string; sawArguments: boolean };
type EventOf<K extends keyof typeof anthropicEventSchemas> = z.output<(typeof anthropicEventSchemas)[K]>;

/** Messages API events → parts. Content blocks are tracked by their index; unknown events and block types are skipped. */
export class AnthropicStreamDecoder implements SseDecoder {
  finished = false;
  private readonly blocks = new Map<number, Block>();
  private toolCalls = 0;
  private reasoningBlocks = 0;
  private usage: AnthropicUsage | undefined;
  private stopReason: string | null | undefined;

  onEvent(event: SseEvent, out: StreamPart[]): void {
    const json: unknown = parseWireJson(event.data, anthropicEventTypeSchema, 'Anthropic stream event');
    const type = (json as { type: string }).type;
    switch (type) {
      case 'message_start':
        return this.onMessageStart(this.shape(json, 'message_start', event.data));
      case 'content_block_start':
        return this.onBlockStart(this.shape(json, 'content_block_start', event.data), out);
      case 'content_block_delta':
        return this.onBlockDelta(this.shape(json, 'content_block_delta', event.data), out);
      case 'content_block_stop':
        return this.onBlockStop(this.shape(json, 'content_block_stop', event.data), out);
      case 'message_delta':
        return this.onMessageDelta(this.shape(json, 'message_delta', event.data));
      case 'message_stop':
        return this.flush(out);
      case 'error':
        throw streamError(this.shape(json, 'error', event.data), event.data);
      default:
        return; // ping and event types newer than this code
    }
  }

  onEnd(out: StreamPart[]): void {
    if (this.stopReason !== undefined) return this.flush(out);
    out.push({ type: 'error', error: truncatedStreamError('Anthropic', 'no message_stop') });
  }

  private shape<K extends keyof typeof anthropicEventSchemas>(json: unknown, type: K, raw: string): EventOf<K> {
    return checkWireShape(json, anthropicEventSchemas[type], `Anthropic ${type} event`, raw) as EventOf<K>;
  }

  private onMessageStart(event: EventOf<'message_start'>): void {
    if (event.message.usage) this.usage = mergeAnthropicUsage(this.usage, event.message.usage);
  }

  private onBlockStart(event: EventOf<'content_block_start'>, out: StreamPart[]): void {
    const block = event.content_block;
    if (block.type === 'tool_use') {
      const index = this.toolCalls++;
      const id = block.id || syntheticToolCallId(index);
      this.blocks.set(event.index, { kind: 'tool', id, sawArguments: false });
      out.push({ type: 'tool-call-start', id, index, name: block.name ?? '' });
    } else if (block.type === 'text') {
      this.blocks.set(event.index, { kind: 'text' });
      if (block.text) out.push({ type: 'text-delta', text: block.text });
    } else if (block.type === 'thinking') {
      this.blocks.set(event.index, { kind: 'thinking', text: block.thinking ? [block.thinking] : [], signature: block.signature ?? undefined });
      if (block.thinking) out.push({ type: 'reasoning-delta', text: block.thinking });
    } else if (block.type === 'redacted_thinking' && block.data) {
      this.blocks.set(event.index, { kind: 'other' });
      out.push({ type: 'reasoning-detail', detail: redactedDetail(block.data, this.reasoningBlocks++) });
    } else {
      this.blocks.set(event.index, { kind: 'other' }); // redacted_thinking, server tools…
    }
  }

  private onBlockDelta(event: EventOf<'content_block_delta'>, out: StreamPart[]): void {
    const { delta } = event;
    const block = this.blocks.get(event.index);
    if (delta.type === 'text_delta' && delta.text) out.push({ type: 'text-delta', text: delta.text });
    else if (delta.type === 'thinking_delta' && delta.thinking) {
      if (block?.kind === 'thinking') block.text.push(delta.thinking);
      out.push({ type: 'reasoning-delta', text: delta.thinking });
    } else if (delta.type === 'signature_delta' && block?.kind === 'thinking' && delta.signature) block.signature = delta.signature;
    else if (delta.type === 'input_json_delta' && block?.kind === 'tool' && delta.partial_json) {
      block.sawArguments = true;
      out.push({ type: 'tool-call-delta', id: block.id, argumentsDelta: delta.partial_json });
    }
    // citations_delta: nothing normalized to say
  }

  private onBlockStop(event: EventOf<'content_block_stop'>, out: StreamPart[]): void {
    const block = this.blocks.get(event.index);
    // The block's signature arrives last: a thinking block becomes its reasoning detail once it is complete.
    if (block?.kind === 'thinking') out.push({ type: 'reasoning-detail', detail: thinkingDetail(block.text.join(''), block.signature, this.reasoningBlocks++) });
    if (block?.kind !== 'tool') return;
    // A tool without parameters streams no JSON at all; its arguments are still an object.
    if (!block.sawArguments) out.push({ type: 'tool-call-delta', id: block.id, argumentsDelta: '{}' });
    out.push({ type: 'tool-call-end', id: block.id });
  }

  private onMessageDelta(event: EventOf<'message_delta'>): void {
    if (event.delta.stop_reason !== undefined) this.stopReason = event.delta.stop_reason;
    if (event.usage) this.usage = mergeAnthropicUsage(this.usage, event.usage);
  }

  private flush(out: StreamPart[]): void {
    if (this.finished) return;
    this.finished = true;
    if (this.usage) out.push({ type: 'usage', usage: anthropicUsage(this.usage) });
    const native = this.stopReason ?? null;
    out.push({ type: 'finish', reason: anthropicFinishReason(native), nativeReason: native });
  }
}

/** `event: error` mid-stream, e.g. overloaded_error — classified as if it were the HTTP status it stands for. */
function streamError(event: EventOf<'error'>, raw: string): SwitchyardError {
  const status = ANTHROPIC_ERROR_STATUS[event.error.type] ?? 500;
  const code = codeForUpstreamStatus(status, { code: event.error.type, message: event.error.message ?? '' });
  return new SwitchyardError(code, event.error.message || event.error.type, { providerCode: event.error.type, rawSnippet: raw });
}

export function parseAnthropicStream(body: ByteSource): AsyncGenerator<StreamPart> {
  return decodeSse(body, new AnthropicStreamDecoder());
}

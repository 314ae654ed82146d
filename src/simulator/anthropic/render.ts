import type { SimCompletion, SimFinish, SimUsage } from '../completion.js';
import { countTokens, splitIntoTokenPieces } from '../tokens.js';
import type { SseFrame, WireRenderer } from '../wire-format.js';

const STOP_REASON: Readonly<Record<SimFinish['reason'], string>> = {
  end: 'end_turn',
  length: 'max_tokens',
  stop_sequence: 'stop_sequence',
  tool_call: 'tool_use',
};

// Anthropic keeps idle streams alive with `ping` events; one every N deltas imitates that.
const PING_EVERY_DELTAS = 40;

function usageOf(usage: SimUsage, outputTokens: number) {
  return {
    input_tokens: usage.promptTokens - usage.cachedTokens - usage.cacheWriteTokens,
    cache_creation_input_tokens: usage.cacheWriteTokens,
    cache_read_input_tokens: usage.cachedTokens,
    output_tokens: outputTokens,
    // The API reports thinking tokens inside output_tokens when the model thought.
    ...(usage.reasoningTokens > 0 && outputTokens === usage.completionTokens && { output_tokens_details: { thinking_tokens: usage.reasoningTokens } }),
  };
}

function stopSequenceOf(finish: SimFinish): string | null {
  return finish.reason === 'stop_sequence' ? finish.sequence : null;
}

type Block =
  | { type: 'thinking'; thinking: string; signature: string }
  | { type: 'text'; text: string }
  | { type: 'tool_use'; id: string; name: string; input: unknown };

function blocksOf(completion: SimCompletion): Block[] {
  const blocks: Block[] = [];
  if (completion.reasoning) blocks.push({ type: 'thinking', thinking: completion.reasoning.text, signature: completion.reasoning.signature });
  const calls = completion.toolCalls;
  if (completion.text !== '' || (calls.length === 0 && !completion.reasoning)) blocks.push({ type: 'text', text: completion.text });
  for (const call of calls) blocks.push({ type: 'tool_use', id: `toolu_${call.idSuffix}`, name: call.name, input: JSON.parse(call.arguments) });
  return blocks;
}

/** Events of one content block: start, deltas (one token each), stop. */
function blockEvents(block: Block, index: number, event: (type: string, body: object, tokens?: number) => void): void {
  switch (block.type) {
    case 'thinking':
      event('content_block_start', { index, content_block: { type: 'thinking', thinking: '' } });
      for (const piece of splitIntoTokenPieces(block.thinking)) event('content_block_delta', { index, delta: { type: 'thinking_delta', thinking: piece } }, countTokens(piece));
      event('content_block_delta', { index, delta: { type: 'signature_delta', signature: block.signature } });
      break;
    case 'text':
      event('content_block_start', { index, content_block: { type: 'text', text: '' } });
      for (const piece of splitIntoTokenPieces(block.text)) event('content_block_delta', { index, delta: { type: 'text_delta', text: piece } }, countTokens(piece));
      break;
    case 'tool_use': {
      event('content_block_start', { index, content_block: { type: 'tool_use', id: block.id, name: block.name, input: {} } }, countTokens(block.name));
      for (const piece of splitIntoTokenPieces(JSON.stringify(block.input))) {
        event('content_block_delta', { index, delta: { type: 'input_json_delta', partial_json: piece } }, countTokens(piece));
      }
      break;
    }
  }
  event('content_block_stop', { index });
}

/** Renders Messages API bodies and event streams for one model/request. */
export function anthropicRenderer(model: string): WireRenderer {
  return {
    json(completion, meta) {
      return {
        id: `msg_${meta.nonce}`,
        type: 'message',
        role: 'assistant',
        model,
        content: blocksOf(completion),
        stop_reason: STOP_REASON[completion.finish.reason],
        stop_sequence: stopSequenceOf(completion.finish),
        usage: usageOf(completion.usage, completion.usage.completionTokens),
      };
    },

    stream(completion, meta) {
      const frames: SseFrame[] = [];
      let deltas = 0;
      const ping = (): number => frames.push({ event: 'ping', data: '{"type":"ping"}', tokens: 0 });
      const event = (type: string, body: object, tokens = 0): void => {
        frames.push({ event: type, data: JSON.stringify({ type, ...body }), tokens });
        if (type === 'content_block_start' && frames.length === 2) ping(); // after the first block starts, as Anthropic does
        if (type === 'content_block_delta' && ++deltas % PING_EVERY_DELTAS === 0) ping();
      };
      const message = { id: `msg_${meta.nonce}`, type: 'message', role: 'assistant', model, content: [], stop_reason: null, stop_sequence: null };
      event('message_start', { message: { ...message, usage: usageOf(completion.usage, 1) } });
      blocksOf(completion).forEach((block, index) => blockEvents(block, index, event));
      event('message_delta', {
        delta: { stop_reason: STOP_REASON[completion.finish.reason], stop_sequence: stopSequenceOf(completion.finish) },
        usage: {
          output_tokens: completion.usage.completionTokens,
          ...(completion.usage.reasoningTokens > 0 && { output_tokens_details: { thinking_tokens: completion.usage.reasoningTokens } }),
        },
      });
      event('message_stop', {});
      return frames;
    },

    midStreamError() {
      return { event: 'error', data: JSON.stringify({ type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } }), tokens: 0 };
    },
  };
}

import type { CacheControl, ContentPart, Message, TextPart } from '../../core/llm/request.js';
import { contentParts } from '../../core/llm/request.js';
import { argumentsObject } from '../request-common.js';

type Block = Record<string, unknown>;
export interface AnthropicWireMessage {
  role: 'user' | 'assistant';
  content: Block[];
}

/**
 * Normalized messages → Messages API `system` + `messages`. System and developer messages go to the
 * top-level system field; tool results become `tool_result` blocks of a user turn; consecutive turns
 * of the same role are merged (the API wants user/assistant alternation).
 */
export function toAnthropicMessages(messages: readonly Message[]): { system: Block[]; messages: AnthropicWireMessage[] } {
  const system: Block[] = [];
  const wire: AnthropicWireMessage[] = [];
  const append = (role: AnthropicWireMessage['role'], blocks: Block[]) => {
    const last = wire.at(-1);
    if (last?.role === role) last.content.push(...blocks);
    else wire.push({ role, content: blocks });
  };
  for (const message of messages) {
    switch (message.role) {
      case 'system':
      case 'developer':
        system.push(...contentParts<TextPart>(message.content).map(toBlock));
        break;
      case 'user':
        append('user', contentParts<ContentPart>(message.content).map(toBlock));
        break;
      case 'assistant':
        append('assistant', assistantBlocks(message));
        break;
      case 'tool':
        append('user', [
          { type: 'tool_result', tool_use_id: message.toolCallId, content: contentParts<TextPart>(message.content).map(toBlock) },
        ]);
        break;
    }
  }
  return { system, messages: wire };
}

function assistantBlocks(message: Extract<Message, { role: 'assistant' }>): Block[] {
  const blocks = contentParts<TextPart>(message.content)
    .filter((part) => part.text !== '')
    .map(toBlock);
  for (const call of message.toolCalls ?? []) {
    blocks.push({ type: 'tool_use', id: call.id, name: call.name, input: argumentsObject(call.arguments) });
  }
  return blocks;
}

function toBlock(part: ContentPart): Block {
  const block = blockBody(part);
  if (part.cacheControl) block.cache_control = wireCacheControl(part.cacheControl);
  return block;
}

function blockBody(part: ContentPart): Block {
  switch (part.type) {
    case 'text':
      return { type: 'text', text: part.text };
    case 'image':
      return {
        type: 'image',
        source:
          part.source.kind === 'url'
            ? { type: 'url', url: part.source.url }
            : { type: 'base64', media_type: part.source.mediaType, data: part.source.data },
      };
    case 'file':
      return {
        type: 'document',
        source:
          part.source.kind === 'url'
            ? { type: 'url', url: part.source.url }
            : { type: 'base64', media_type: part.mediaType, data: part.source.data },
        ...(part.filename && { title: part.filename }),
      };
  }
}

function wireCacheControl(cacheControl: CacheControl): Record<string, unknown> {
  return cacheControl.ttl ? { type: 'ephemeral', ttl: cacheControl.ttl } : { type: 'ephemeral' };
}

import type {
  Base64ImageSource,
  CacheControlEphemeral,
  ContentBlockParam,
  DocumentBlockParam,
  ImageBlockParam,
  MessageParam,
  TextBlockParam,
} from '@anthropic-ai/sdk/resources/messages/messages';
import { SwitchyardError } from '../../core/errors.js';
import type { CacheControl, ContentPart, FilePart, ImagePart, Message, TextPart } from '../../core/llm/request.js';
import { contentParts } from '../../core/llm/request.js';
import { detailsOfFormat } from '../../core/llm/reasoning-detail.js';
import { argumentsObject } from '../request-common.js';

export const ANTHROPIC_REASONING_FORMAT = 'anthropic-claude-v1';

const IMAGE_TYPES = new Set<string>(['image/jpeg', 'image/png', 'image/gif', 'image/webp']);

/**
 * Normalized messages → Messages API `system` + `messages`. System and developer messages go to the
 * top-level system field; tool results become `tool_result` blocks of a user turn; consecutive turns
 * of the same role are merged (the API wants user/assistant alternation). An assistant turn's signed
 * thinking blocks come first, unchanged: a tool loop with extended thinking is refused without them.
 */
export function toAnthropicMessages(messages: readonly Message[]): { system: TextBlockParam[]; messages: MessageParam[] } {
  const system: TextBlockParam[] = [];
  const wire: Array<{ role: MessageParam['role']; content: ContentBlockParam[] }> = [];
  const append = (role: MessageParam['role'], blocks: ContentBlockParam[]) => {
    const last = wire.at(-1);
    if (last?.role === role) last.content.push(...blocks);
    else wire.push({ role, content: blocks });
  };
  for (const message of messages) {
    switch (message.role) {
      case 'system':
      case 'developer':
        system.push(...contentParts<TextPart>(message.content).map(textBlock));
        break;
      case 'user':
        append('user', contentParts<ContentPart>(message.content).map(toBlock));
        break;
      case 'assistant':
        append('assistant', assistantBlocks(message));
        break;
      case 'tool':
        append('user', [
          { type: 'tool_result', tool_use_id: message.toolCallId, content: contentParts<TextPart>(message.content).map(textBlock) },
        ]);
        break;
    }
  }
  return { system, messages: wire };
}

function assistantBlocks(message: Extract<Message, { role: 'assistant' }>): ContentBlockParam[] {
  const blocks: ContentBlockParam[] = [];
  for (const detail of detailsOfFormat(message.reasoningDetails, ANTHROPIC_REASONING_FORMAT)) {
    if (detail.type === 'reasoning.text' && detail.signature) blocks.push({ type: 'thinking', thinking: detail.text, signature: detail.signature });
    else if (detail.type === 'reasoning.encrypted') blocks.push({ type: 'redacted_thinking', data: detail.data });
  }
  for (const part of contentParts<TextPart>(message.content)) if (part.text !== '') blocks.push(textBlock(part));
  for (const call of message.toolCalls ?? []) {
    blocks.push({ type: 'tool_use', id: call.id, name: call.name, input: argumentsObject(call.arguments) });
  }
  return blocks;
}

function textBlock(part: TextPart): TextBlockParam {
  return { type: 'text', text: part.text, ...cached(part) };
}

function toBlock(part: ContentPart): ContentBlockParam {
  switch (part.type) {
    case 'text':
      return textBlock(part);
    case 'image':
      return imageBlock(part);
    case 'file':
      return documentBlock(part);
  }
}

function imageBlock(part: ImagePart): ImageBlockParam {
  if (part.source.kind === 'url') return { type: 'image', source: { type: 'url', url: part.source.url }, ...cached(part) };
  const mediaType = part.source.mediaType;
  if (!IMAGE_TYPES.has(mediaType)) throw new SwitchyardError('bad_request', `Anthropic accepts JPEG, PNG, GIF and WebP images, not ${mediaType}`);
  return { type: 'image', source: { type: 'base64', media_type: mediaType as Base64ImageSource['media_type'], data: part.source.data }, ...cached(part) };
}

/** PDFs as PDFs; text files as plain-text documents (Anthropic reads nothing else as a document). */
function documentBlock(part: FilePart): DocumentBlockParam {
  const title = part.filename ? { title: part.filename } : {};
  if (part.source.kind === 'url') return { type: 'document', source: { type: 'url', url: part.source.url }, ...title, ...cached(part) };
  if (part.mediaType === 'application/pdf') {
    return { type: 'document', source: { type: 'base64', media_type: 'application/pdf', data: part.source.data }, ...title, ...cached(part) };
  }
  if (part.mediaType.startsWith('text/')) {
    const text = Buffer.from(part.source.data, 'base64').toString('utf8');
    return { type: 'document', source: { type: 'text', media_type: 'text/plain', data: text }, ...title, ...cached(part) };
  }
  throw new SwitchyardError('bad_request', `Anthropic accepts PDF and plain-text documents, not ${part.mediaType}`);
}

function cached(part: { cacheControl?: CacheControl }): { cache_control?: CacheControlEphemeral } {
  if (!part.cacheControl) return {};
  return { cache_control: part.cacheControl.ttl ? { type: 'ephemeral', ttl: part.cacheControl.ttl } : { type: 'ephemeral' } };
}

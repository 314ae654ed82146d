import type { ChatCompletionContentPart, ChatCompletionContentPartText, ChatCompletionMessageParam } from 'openai/resources/chat/completions/completions';
import type { ContentPart, Message, TextPart } from '../../core/llm/request.js';
import type { ReasoningDetail } from '../../core/llm/reasoning-detail.js';
import type { OpenAiDialect } from '../adapter.js';

/** What OpenAI-compatible gateways add to a message: Anthropic-style cache breakpoints, OpenRouter's reasoning details. */
type WirePart = ChatCompletionContentPart & { cache_control?: { type: 'ephemeral'; ttl?: string } };
export type OpenAiWireMessage = ChatCompletionMessageParam & { reasoning_details?: ReasoningDetail[] };

/** Normalized messages → Chat Completions messages. */
export function toOpenAiMessages(messages: readonly Message[], dialect: OpenAiDialect): OpenAiWireMessage[] {
  return messages.map((message) => toOpenAiMessage(message, dialect));
}

function toOpenAiMessage(message: Message, dialect: OpenAiDialect): OpenAiWireMessage {
  switch (message.role) {
    case 'system':
      return { role: 'system', content: textContent(message.content, dialect) };
    case 'developer':
      return dialect.developerRole
        ? { role: 'developer', content: textContent(message.content, dialect) }
        : { role: 'system', content: textContent(message.content, dialect) };
    case 'user':
      return { role: 'user', content: typeof message.content === 'string' ? message.content : message.content.map((p) => toWirePart(p, dialect)) };
    case 'assistant': {
      const wire: OpenAiWireMessage = { role: 'assistant', content: message.content === null ? null : textContent(message.content, dialect) };
      if (message.toolCalls && message.toolCalls.length > 0) {
        wire.tool_calls = message.toolCalls.map((call) => ({ id: call.id, type: 'function', function: { name: call.name, arguments: call.arguments } }));
      }
      // Only gateways that speak OpenRouter's reasoning object take reasoning details back; OpenAI refuses unknown fields.
      if (dialect.reasoningField === 'reasoning' && message.reasoningDetails?.length) wire.reasoning_details = message.reasoningDetails;
      return wire;
    }
    case 'tool':
      return { role: 'tool', tool_call_id: message.toolCallId, content: textContent(message.content, dialect) };
  }
}

/** Plain string stays a string (the most widely accepted form); parts stay parts. */
function textContent(content: string | TextPart[], dialect: OpenAiDialect): string | ChatCompletionContentPartText[] {
  return typeof content === 'string' ? content : content.map((part) => ({ type: 'text', text: part.text, ...cacheControl(part, dialect) }));
}

function toWirePart(part: ContentPart, dialect: OpenAiDialect): WirePart {
  return { ...wirePartBody(part), ...cacheControl(part, dialect) };
}

function cacheControl(part: ContentPart, dialect: OpenAiDialect): Pick<WirePart, 'cache_control'> {
  return dialect.cacheControl && part.cacheControl ? { cache_control: part.cacheControl } : {};
}

function wirePartBody(part: ContentPart): ChatCompletionContentPart {
  switch (part.type) {
    case 'text':
      return { type: 'text', text: part.text };
    case 'image': {
      const url = part.source.kind === 'url' ? part.source.url : `data:${part.source.mediaType};base64,${part.source.data}`;
      return { type: 'image_url', image_url: part.detail ? { url, detail: part.detail } : { url } };
    }
    case 'file': {
      const fileData = part.source.kind === 'url' ? part.source.url : `data:${part.mediaType};base64,${part.source.data}`;
      return { type: 'file', file: { filename: part.filename ?? 'file', file_data: fileData } };
    }
  }
}

import type { ContentPart, Message, TextPart } from '../../core/llm/request.js';
import type { OpenAiDialect } from '../adapter.js';

type WirePart = Record<string, unknown>;
export type OpenAiWireMessage = Record<string, unknown>;

/** Normalized messages → Chat Completions messages. */
export function toOpenAiMessages(messages: readonly Message[], dialect: OpenAiDialect): OpenAiWireMessage[] {
  return messages.map((message) => toOpenAiMessage(message, dialect));
}

function toOpenAiMessage(message: Message, dialect: OpenAiDialect): OpenAiWireMessage {
  switch (message.role) {
    case 'system':
      return { role: 'system', content: textContent(message.content, dialect) };
    case 'developer':
      return { role: dialect.developerRole ? 'developer' : 'system', content: textContent(message.content, dialect) };
    case 'user':
      return {
        role: 'user',
        content: typeof message.content === 'string' ? message.content : message.content.map((p) => toWirePart(p, dialect)),
      };
    case 'assistant': {
      const wire: OpenAiWireMessage = { role: 'assistant', content: message.content === null ? null : textContent(message.content, dialect) };
      if (message.toolCalls && message.toolCalls.length > 0) {
        wire.tool_calls = message.toolCalls.map((call) => ({
          id: call.id,
          type: 'function',
          function: { name: call.name, arguments: call.arguments },
        }));
      }
      return wire;
    }
    case 'tool':
      return { role: 'tool', tool_call_id: message.toolCallId, content: textContent(message.content, dialect) };
  }
}

/** Plain string stays a string (the most widely accepted form); parts stay parts. */
function textContent(content: string | TextPart[], dialect: OpenAiDialect): string | WirePart[] {
  return typeof content === 'string' ? content : content.map((part) => toWirePart(part, dialect));
}

function toWirePart(part: ContentPart, dialect: OpenAiDialect): WirePart {
  const wire = wirePartBody(part);
  if (dialect.cacheControl && part.cacheControl) wire.cache_control = part.cacheControl;
  return wire;
}

function wirePartBody(part: ContentPart): WirePart {
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

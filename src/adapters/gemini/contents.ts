import type { ContentPart, Message, TextPart } from '../../core/llm/request.js';
import { contentParts, contentText, toolNamesById } from '../../core/llm/request.js';
import { argumentsObject } from '../request-common.js';

type WirePart = Record<string, unknown>;
export interface GeminiContent {
  role: 'user' | 'model';
  parts: WirePart[];
}

/**
 * Normalized messages → `systemInstruction` + `contents`. Assistant turns are role `model`; tool
 * results are `functionResponse` parts of a user turn, named after the call they answer (Gemini
 * matches results by function name). Consecutive turns of the same role are merged.
 */
export function toGeminiContents(messages: readonly Message[]): { systemInstruction?: { parts: WirePart[] }; contents: GeminiContent[] } {
  const system: WirePart[] = [];
  const contents: GeminiContent[] = [];
  const namesById = toolNamesById(messages);
  const append = (role: GeminiContent['role'], parts: WirePart[]) => {
    if (parts.length === 0) return;
    const last = contents.at(-1);
    if (last?.role === role) last.parts.push(...parts);
    else contents.push({ role, parts });
  };
  for (const message of messages) {
    switch (message.role) {
      case 'system':
      case 'developer':
        system.push(...contentParts<TextPart>(message.content).map((part) => ({ text: part.text })));
        break;
      case 'user':
        append('user', contentParts<ContentPart>(message.content).map(toWirePart));
        break;
      case 'assistant': {
        const parts = contentParts<TextPart>(message.content)
          .filter((part) => part.text !== '')
          .map((part): WirePart => ({ text: part.text }));
        for (const call of message.toolCalls ?? []) parts.push({ functionCall: { name: call.name, args: argumentsObject(call.arguments) } });
        append('model', parts);
        break;
      }
      case 'tool': {
        const name = message.name ?? namesById.get(message.toolCallId) ?? message.toolCallId;
        append('user', [{ functionResponse: { name, response: { content: contentText(message.content) } } }]);
        break;
      }
    }
  }
  return { ...(system.length > 0 && { systemInstruction: { parts: system } }), contents };
}

function toWirePart(part: ContentPart): WirePart {
  switch (part.type) {
    case 'text':
      return { text: part.text };
    case 'image':
      return part.source.kind === 'data'
        ? { inlineData: { mimeType: part.source.mediaType, data: part.source.data } }
        : { fileData: { mimeType: imageMimeType(part.source.url), fileUri: part.source.url } };
    case 'file':
      return part.source.kind === 'data'
        ? { inlineData: { mimeType: part.mediaType, data: part.source.data } }
        : { fileData: { mimeType: part.mediaType, fileUri: part.source.url } };
  }
}

/** fileData needs a MIME type and an image URL doesn't carry one: guess from the extension. */
function imageMimeType(url: string): string {
  const extension = /\.([a-z0-9]+)(?:[?#]|$)/i.exec(url)?.[1]?.toLowerCase();
  if (extension === 'png') return 'image/png';
  if (extension === 'webp') return 'image/webp';
  if (extension === 'gif') return 'image/gif';
  return 'image/jpeg';
}

import type { Content, Part } from '@google/genai';
import type { ContentPart, Message, TextPart } from '../../core/llm/request.js';
import { contentParts, contentText, toolNamesById } from '../../core/llm/request.js';
import { detailsOfFormat } from '../../core/llm/reasoning-detail.js';
import { argumentsObject } from '../request-common.js';

export const GEMINI_REASONING_FORMAT = 'google-gemini-v1';

export interface GeminiContent extends Content {
  role: 'user' | 'model';
  parts: Part[];
}

/**
 * Normalized messages → `systemInstruction` + `contents`. Assistant turns are role `model`; tool
 * results are `functionResponse` parts of a user turn, named after the call they answer (Gemini
 * matches results by function name). Consecutive turns of the same role are merged. Thought
 * signatures go back on the part that carried them (a function call's, by its tool call id).
 */
export function toGeminiContents(messages: readonly Message[]): { systemInstruction?: Content; contents: GeminiContent[] } {
  const system: Part[] = [];
  const contents: GeminiContent[] = [];
  const namesById = toolNamesById(messages);
  const append = (role: GeminiContent['role'], parts: Part[]) => {
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
      case 'assistant':
        append('model', modelParts(message));
        break;
      case 'tool': {
        const name = message.name ?? namesById.get(message.toolCallId) ?? message.toolCallId;
        append('user', [{ functionResponse: { name, response: { content: contentText(message.content) } } }]);
        break;
      }
    }
  }
  return { ...(system.length > 0 && { systemInstruction: { parts: system } }), contents };
}

function modelParts(message: Extract<Message, { role: 'assistant' }>): Part[] {
  const signatures = detailsOfFormat(message.reasoningDetails, GEMINI_REASONING_FORMAT).flatMap((d) =>
    d.type === 'reasoning.encrypted' ? [{ id: d.id ?? null, data: d.data }] : [],
  );
  const byCall = new Map(signatures.filter((s) => s.id !== null).map((s) => [s.id, s.data]));
  const loose = signatures.filter((s) => s.id === null || !message.toolCalls?.some((c) => c.id === s.id));
  const parts: Part[] = contentParts<TextPart>(message.content)
    .filter((part) => part.text !== '')
    .map((part) => ({ text: part.text }));
  for (const call of message.toolCalls ?? []) {
    const signature = byCall.get(call.id);
    parts.push({ functionCall: { name: call.name, args: argumentsObject(call.arguments) }, ...(signature !== undefined && { thoughtSignature: signature }) });
  }
  // A signature that belonged to no function call was on the turn's first part.
  const first = parts[0];
  if (loose[0] && first && first.thoughtSignature === undefined) first.thoughtSignature = loose[0].data;
  return parts;
}

function toWirePart(part: ContentPart): Part {
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

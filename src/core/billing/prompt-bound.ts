import type { ChatRequest, ContentPart } from '../llm/request.js';

/**
 * Tokens a request's prompt can cost at most, on any provider — the prompt side of the hold. Text is
 * counted in UTF-8 bytes: every tokenizer in use (byte-level BPE such as o200k/cl100k, SentencePiece
 * with byte fallback) spends at least one byte per token, so no tokenizer counts more tokens than
 * bytes. On top: what providers add around the text (role markers, a tool-use preamble) and what
 * non-text parts cost (an image is billed by its pixels, at most a few thousand tokens; a file by its
 * pages and text). `billing.test` checks the bound against real tokenizers and the simulator.
 */
export const PROMPT_BOUND = {
  /** Chat-format framing of the whole request (BOS, reply priming). */
  request: 16,
  /** Role and separator tokens of one message. */
  message: 16,
  /** The system prompt a provider writes for tool use (Anthropic's is ≈ 350 tokens), once. */
  toolPreamble: 1_024,
  /** One tool's framing, beside the bytes of its definition. */
  tool: 16,
  /** The largest image a provider accepts costs fewer tokens than this (e.g. Anthropic ≈ 1,600, OpenAI high detail ≈ 1,100, patch-based ≈ 2,500). */
  image: 3_000,
  /** A file part beside one token per decoded byte of its data (PDF pages are billed as images and text). */
  file: 10_000,
} as const;

const encoder = new TextEncoder();
const bytes = (text: string) => encoder.encode(text).length;
/** Decoded size of base64 data: what a tokenizer could at most see of it. */
const decodedBytes = (base64: string) => Math.ceil((base64.length * 3) / 4);

function partBound(part: ContentPart): number {
  switch (part.type) {
    case 'text':
      return bytes(part.text);
    case 'image':
      return PROMPT_BOUND.image;
    case 'file':
      return PROMPT_BOUND.file + (part.source.kind === 'data' ? decodedBytes(part.source.data) : 0);
  }
}

/** Everything of a message but its content (tool calls, reasoning, replayed reasoning details, names), as sent. */
function extrasBound(message: ChatRequest['messages'][number]): number {
  const { content: _content, role: _role, ...rest } = message;
  return Object.keys(rest).length ? bytes(JSON.stringify(rest)) : 0;
}

export function promptTokenBound(chat: ChatRequest): number {
  let total = PROMPT_BOUND.request;
  for (const message of chat.messages) {
    total += PROMPT_BOUND.message + extrasBound(message);
    const content = message.content;
    if (typeof content === 'string') total += bytes(content);
    else if (Array.isArray(content)) for (const part of content as ContentPart[]) total += partBound(part);
  }
  const tools = chat.tools ?? [];
  if (tools.length) total += PROMPT_BOUND.toolPreamble;
  for (const tool of tools) total += PROMPT_BOUND.tool + bytes(JSON.stringify(tool));
  // A schema may be rendered into the prompt (structured output through a tool, or a system instruction).
  if (chat.responseFormat && chat.responseFormat.type !== 'text') total += bytes(JSON.stringify(chat.responseFormat));
  return total;
}

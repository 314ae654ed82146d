import type { ReasoningDetail } from './reasoning-detail.js';

/**
 * The normalized chat request every adapter maps from. Field names are ours (camelCase); the REST
 * layer maps OpenRouter's snake_case onto them, adapters map them onto each provider's wire format.
 */

/** Prompt-caching hint on a content part (Anthropic-style, passed to providers that use it). */
export interface CacheControl {
  type: 'ephemeral';
  ttl?: '5m' | '1h';
}

export interface TextPart {
  type: 'text';
  text: string;
  cacheControl?: CacheControl;
}

export type ImageSource =
  | { kind: 'url'; url: string }
  /** `data` is base64 without the `data:` prefix. */
  | { kind: 'data'; mediaType: string; data: string };

export interface ImagePart {
  type: 'image';
  source: ImageSource;
  detail?: 'auto' | 'low' | 'high';
  cacheControl?: CacheControl;
}

export type FileSource = { kind: 'url'; url: string } | { kind: 'data'; data: string };

export interface FilePart {
  type: 'file';
  /** e.g. application/pdf */
  mediaType: string;
  filename?: string;
  source: FileSource;
  cacheControl?: CacheControl;
}

export type ContentPart = TextPart | ImagePart | FilePart;

/** A tool call the assistant made earlier in the conversation; `arguments` is the JSON text. */
export interface AssistantToolCall {
  id: string;
  name: string;
  arguments: string;
}

export type Message =
  | { role: 'system'; content: string | TextPart[] }
  | { role: 'developer'; content: string | TextPart[] }
  | { role: 'user'; content: string | ContentPart[] }
  /** `reasoningDetails`: the provider's signed reasoning blocks of that turn, sent back unchanged (tool loops need them). */
  | { role: 'assistant'; content: string | TextPart[] | null; toolCalls?: AssistantToolCall[]; reasoning?: string; reasoningDetails?: ReasoningDetail[] }
  /** `name` is the called function's name; filled from the matching assistant call when omitted. */
  | { role: 'tool'; toolCallId: string; content: string | TextPart[]; name?: string };

export type Role = Message['role'];

export interface FunctionTool {
  type: 'function';
  name: string;
  description?: string;
  /** JSON Schema of the arguments object. */
  parameters?: Record<string, unknown>;
  strict?: boolean;
}

export type ToolChoice = 'auto' | 'none' | 'required' | { type: 'function'; name: string };

export type ResponseFormat =
  | { type: 'text' }
  | { type: 'json_object' }
  | { type: 'json_schema'; name: string; strict?: boolean; schema: Record<string, unknown>; description?: string };

/** OpenRouter's effort levels; `none` turns reasoning off. */
export type ReasoningEffort = 'none' | 'minimal' | 'low' | 'medium' | 'high' | 'xhigh' | 'max';

/**
 * Either an effort level or a token budget (neither: reasoning on at the provider's default);
 * `exclude` = think but don't return the reasoning text. Reasoning tokens are output tokens: an
 * effort is a share of the request's output cap, never tokens on top of it.
 */
export type ReasoningConfig =
  | { effort: ReasoningEffort; maxTokens?: undefined; exclude?: boolean }
  | { maxTokens: number; effort?: undefined; exclude?: boolean }
  | { effort?: undefined; maxTokens?: undefined; exclude?: boolean };

export interface SamplingParams {
  temperature?: number;
  topP?: number;
  topK?: number;
  frequencyPenalty?: number;
  presencePenalty?: number;
  repetitionPenalty?: number;
  minP?: number;
  topA?: number;
  seed?: number;
  stop?: string[];
  /** token id (as a string) → bias */
  logitBias?: Record<string, number>;
  logprobs?: boolean;
  topLogprobs?: number;
}

export interface ChatRequest extends SamplingParams {
  messages: Message[];
  maxTokens?: number;
  tools?: FunctionTool[];
  toolChoice?: ToolChoice;
  parallelToolCalls?: boolean;
  responseFormat?: ResponseFormat;
  reasoning?: ReasoningConfig;
  /** End-user id, forwarded for abuse monitoring. */
  user?: string;
}

/** OpenRouter names of the optional request parameters, as endpoints list them in `supported_parameters`. */
export const REQUEST_PARAMETERS = [
  'max_tokens',
  'temperature',
  'top_p',
  'top_k',
  'frequency_penalty',
  'presence_penalty',
  'repetition_penalty',
  'min_p',
  'top_a',
  'seed',
  'stop',
  'logit_bias',
  'logprobs',
  'top_logprobs',
  'tools',
  'tool_choice',
  'parallel_tool_calls',
  'response_format',
  'structured_outputs',
  'reasoning',
  'include_reasoning',
] as const;

export type RequestParameter = (typeof REQUEST_PARAMETERS)[number];

/** Text of a message's content, parts joined; non-text parts are skipped. */
export function contentText(content: string | readonly ContentPart[] | null): string {
  if (content === null) return '';
  if (typeof content === 'string') return content;
  let text = '';
  for (const part of content) if (part.type === 'text') text += part.text;
  return text;
}

/** Content as parts, whatever form it was given in. */
export function contentParts<P extends ContentPart>(content: string | P[] | null): (P | TextPart)[] {
  if (content === null) return [];
  return typeof content === 'string' ? [{ type: 'text', text: content }] : content;
}

/** toolCallId → function name, over every assistant tool call in the conversation. */
export function toolNamesById(messages: readonly Message[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const message of messages) {
    if (message.role !== 'assistant') continue;
    for (const call of message.toolCalls ?? []) names.set(call.id, call.name);
  }
  return names;
}

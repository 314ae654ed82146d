import { z } from 'zod';
import type {
  ChatRequest,
  ContentPart,
  Message,
  RequestParameter,
} from '../../core/llm/request.js';
import { REQUEST_PARAMETERS } from '../../core/llm/request.js';
import type { ProviderPreferences } from '../../core/routing/index.js';
import { MAX_MODELS, bodySchema, type Body } from './chat-request-schema.js';

/**
 * `POST /api/v1/chat/completions` body (OpenAI chat completions + OpenRouter's fields) → our
 * normalized ChatRequest plus the routing inputs. Unknown top-level and message keys are ignored
 * (SDKs add new ones); the `provider` object is strict.
 */

export interface ParsedChatCompletion {
  chat: ChatRequest;
  /** `model` then `models[]`, de-duplicated, order kept; 1..10 entries. */
  models: string[];
  provider: ProviderPreferences;
  stream: boolean;
  /** `stream_options.include_usage`; usage is sent in the last chunk regardless. */
  includeUsageInStream: boolean;
  sessionId: string | null;
  /** OpenRouter parameter names this request uses with a non-null value, in a fixed order. */
  usedParameters: RequestParameter[];
  /** Non-text modalities used by user message parts. */
  inputModalities: ('image' | 'file' | 'audio')[];
}

export type ParseResult = { ok: true; value: ParsedChatCompletion } | { ok: false; message: string; path: string };

// ---------------------------------------------------------------------------------------------
// Errors

type Issue = z.core.$ZodIssue;
type RawIssue = z.core.$ZodRawIssue;

function describeValue(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'an array';
  if (typeof input === 'object') return 'an object';
  return typeof input === 'number' && !Number.isInteger(input) ? 'a fractional number' : typeof input;
}

const EXPECTED: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  int: 'an integer',
  boolean: 'a boolean',
  object: 'an object',
  array: 'an array',
  record: 'an object',
};

/** Short reasons for zod's built-in issues; the path is prefixed later. Schema-level messages win. */
function reasonFor(iss: RawIssue): string | undefined {
  const i = iss as RawIssue & Record<string, unknown>;
  switch (iss.code) {
    case 'invalid_type': {
      if (i.input === undefined) return 'required';
      const expected = String(i.expected);
      return `expected ${EXPECTED[expected] ?? expected}, got ${describeValue(i.input)}`;
    }
    case 'too_small': {
      const min = String(i.minimum);
      if (i.origin === 'array') return `expected at least ${min} item${min === '1' ? '' : 's'}`;
      if (i.origin === 'string') return min === '1' ? 'must not be empty' : `expected at least ${min} characters`;
      return `must be ${i.inclusive === false ? 'greater than' : 'at least'} ${min}`;
    }
    case 'too_big': {
      const max = String(i.maximum);
      if (i.origin === 'array') return `expected at most ${max} items`;
      if (i.origin === 'string') return `expected at most ${max} characters`;
      return `must be ${i.inclusive === false ? 'less than' : 'at most'} ${max}`;
    }
    case 'invalid_value':
      return `expected ${(i.values as unknown[]).map((v) => JSON.stringify(v)).join(' | ')}`;
    case 'unrecognized_keys':
      return `unknown key${(i.keys as string[]).length === 1 ? '' : 's'} ${(i.keys as string[]).map((k) => JSON.stringify(k)).join(', ')}`;
    default:
      return undefined;
  }
}

interface Located {
  path: PropertyKey[];
  message: string;
}

/** For a union, report the branch that got deepest into the value; otherwise the union's own message. */
function locate(issue: Issue, prefix: PropertyKey[]): Located {
  const here = [...prefix, ...issue.path];
  if (issue.code === 'invalid_union' && issue.errors.length > 0) {
    let best: Located | null = null;
    for (const branch of issue.errors) {
      const first = branch[0];
      if (!first) continue;
      const candidate = locate(first, here);
      if (!best || candidate.path.length > best.path.length) best = candidate;
    }
    if (best && best.path.length > here.length) return best;
  }
  return { path: here, message: issue.message };
}

function failure(path: PropertyKey[], reason: string): { ok: false; message: string; path: string } {
  const dotted = path.map((k) => String(k)).join('.');
  return { ok: false, path: dotted, message: `${dotted || 'body'}: ${reason}` };
}

// ---------------------------------------------------------------------------------------------
// Mapping


function usedParametersOf(b: Body, stop: string[] | undefined): RequestParameter[] {
  const used = new Set<RequestParameter>();
  const mark = (name: RequestParameter, value: unknown) => {
    if (value != null) used.add(name);
  };
  mark('max_tokens', b.max_tokens ?? b.max_completion_tokens);
  mark('temperature', b.temperature);
  mark('top_p', b.top_p);
  mark('top_k', b.top_k);
  mark('frequency_penalty', b.frequency_penalty);
  mark('presence_penalty', b.presence_penalty);
  mark('repetition_penalty', b.repetition_penalty);
  mark('min_p', b.min_p);
  mark('top_a', b.top_a);
  mark('seed', b.seed);
  mark('stop', stop);
  mark('logit_bias', b.logit_bias);
  mark('logprobs', b.logprobs);
  mark('top_logprobs', b.top_logprobs);
  if (b.tools?.length) used.add('tools');
  mark('tool_choice', b.tool_choice);
  mark('parallel_tool_calls', b.parallel_tool_calls);
  // {type:'text'} is the default output and needs no endpoint support.
  if (b.response_format && b.response_format.type !== 'text') used.add('response_format');
  if (b.response_format?.type === 'json_schema') used.add('structured_outputs');
  mark('reasoning', b.reasoning ?? b.reasoning_effort);
  mark('include_reasoning', b.include_reasoning);
  return REQUEST_PARAMETERS.filter((p) => used.has(p));
}

function inputModalitiesOf(messages: readonly Message[]): ('image' | 'file' | 'audio')[] {
  const seen = new Set<string>();
  for (const m of messages) {
    if (m.role !== 'user' || typeof m.content === 'string') continue;
    for (const part of m.content as ContentPart[]) if (part.type !== 'text') seen.add(part.type);
  }
  return (['image', 'file', 'audio'] as const).filter((m) => seen.has(m));
}

/** Tool messages without a `name` get the name of the assistant call they answer, when it is known. */
function fillToolNames(messages: Message[]): Message[] {
  const names = new Map<string, string>();
  return messages.map((m) => {
    if (m.role === 'assistant') for (const call of m.toolCalls ?? []) names.set(call.id, call.name);
    if (m.role !== 'tool' || m.name !== undefined) return m;
    const name = names.get(m.toolCallId);
    return name !== undefined ? { ...m, name } : m;
  });
}

function mapBody(b: Body): ParseResult {
  const models = [...new Set([...(b.model != null ? [b.model] : []), ...(b.models ?? [])])];
  if (models.length === 0) return failure(['model'], 'required (give model or models)');
  if (models.length > MAX_MODELS) return failure(['models'], `expected at most ${MAX_MODELS} distinct models (model plus models)`);

  if (b.max_tokens != null && b.max_completion_tokens != null && b.max_tokens !== b.max_completion_tokens) {
    return failure(['max_completion_tokens'], 'must equal max_tokens when both are given');
  }
  const maxTokens = b.max_tokens ?? b.max_completion_tokens ?? undefined;

  const tools = b.tools ?? [];
  const seenTools = new Set<string>();
  for (const [i, tool] of tools.entries()) {
    if (seenTools.has(tool.name)) return failure(['tools', i, 'function', 'name'], `duplicate tool name ${JSON.stringify(tool.name)}`);
    seenTools.add(tool.name);
  }
  const toolChoice = b.tool_choice ?? undefined;
  if (typeof toolChoice === 'object' && !seenTools.has(toolChoice.name)) {
    return failure(['tool_choice', 'function', 'name'], `names tool ${JSON.stringify(toolChoice.name)}, which is not declared in tools`);
  }
  if (toolChoice === 'required' && tools.length === 0) return failure(['tool_choice'], '"required" needs at least one tool in tools');

  const stop = b.stop == null ? undefined : typeof b.stop === 'string' ? [b.stop] : b.stop.length ? b.stop : undefined;
  // `reasoning_effort` (OpenAI's spelling) and legacy `include_reasoning: true` ask for reasoning when no `reasoning` object is given.
  const reasoning = b.reasoning ?? (b.reasoning_effort != null ? { effort: b.reasoning_effort } : b.include_reasoning === true ? {} : undefined);
  const messages = fillToolNames(b.messages);

  const chat: ChatRequest = {
    messages,
    ...(maxTokens !== undefined ? { maxTokens } : {}),
    ...(b.temperature != null ? { temperature: b.temperature } : {}),
    ...(b.top_p != null ? { topP: b.top_p } : {}),
    ...(b.top_k != null ? { topK: b.top_k } : {}),
    ...(b.frequency_penalty != null ? { frequencyPenalty: b.frequency_penalty } : {}),
    ...(b.presence_penalty != null ? { presencePenalty: b.presence_penalty } : {}),
    ...(b.repetition_penalty != null ? { repetitionPenalty: b.repetition_penalty } : {}),
    ...(b.min_p != null ? { minP: b.min_p } : {}),
    ...(b.top_a != null ? { topA: b.top_a } : {}),
    ...(b.seed != null ? { seed: b.seed } : {}),
    ...(stop ? { stop } : {}),
    ...(b.logit_bias != null ? { logitBias: b.logit_bias } : {}),
    ...(b.logprobs != null ? { logprobs: b.logprobs } : {}),
    ...(b.top_logprobs != null ? { topLogprobs: b.top_logprobs } : {}),
    ...(tools.length ? { tools } : {}),
    ...(toolChoice !== undefined ? { toolChoice } : {}),
    ...(b.parallel_tool_calls != null ? { parallelToolCalls: b.parallel_tool_calls } : {}),
    ...(b.response_format != null ? { responseFormat: b.response_format } : {}),
    ...(reasoning !== undefined ? { reasoning } : {}),
    ...(b.user != null ? { user: b.user } : {}),
  };

  return {
    ok: true,
    value: {
      chat,
      models,
      provider: b.provider ?? {},
      stream: b.stream ?? false,
      includeUsageInStream: b.stream_options?.include_usage ?? false,
      sessionId: b.session_id ?? null,
      usedParameters: usedParametersOf(b, stop),
      inputModalities: inputModalitiesOf(messages),
    },
  };
}

/** Validates a chat-completions body and normalizes it. Never throws. */
export function parseChatCompletionRequest(body: unknown): ParseResult {
  try {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return failure([], `expected a JSON object, got ${describeValue(body)}`);
    const parsed = bodySchema.safeParse(body, { error: reasonFor });
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      if (!first) return failure([], 'invalid request');
      const { path, message } = locate(first, []);
      return failure(path, message);
    }
    return mapBody(parsed.data);
  } catch (error) {
    return failure([], `invalid request (${error instanceof Error ? error.message : String(error)})`);
  }
}

/** The simulator's own view of a request, the same for every wire format (each format parses into it). */
export type SimRole = 'system' | 'user' | 'assistant' | 'tool';

export interface SimMessage {
  role: SimRole;
  /** All text of the message (text parts joined by '\n'; tool calls as `name {json}`; tool results as text). */
  text: string;
  /** Image/file/audio parts, each counted as ATTACHMENT_TOKENS. */
  attachments: number;
}

export interface SimTool {
  name: string;
  description: string;
  /** JSON Schema of the arguments (Gemini's OpenAPI subset too). */
  parameters: unknown;
}

export type SimToolChoice =
  | { type: 'auto' }
  | { type: 'none' }
  | { type: 'required' }
  | { type: 'tool'; name: string };

/** Which leading part of the prompt a provider may serve from its prompt cache. */
export type SimCachePolicy =
  | { kind: 'automatic' } // OpenAI / Gemini implicit caching: everything but the last message
  | { kind: 'explicit'; prefixMessages: number } // Anthropic: through the last cache_control breakpoint
  | { kind: 'none' };

/** What the answer must be: prose, any JSON object, or JSON valid against a schema (structured outputs). */
export type SimOutput = { kind: 'text' } | { kind: 'json_object' } | { kind: 'json_schema'; schema: unknown };

export interface SimRequest {
  model: string;
  messages: SimMessage[];
  tools: SimTool[];
  toolChoice: SimToolChoice;
  /** Several tool calls in one answer are allowed (OpenAI parallel_tool_calls, Anthropic !disable_parallel_tool_use). */
  parallelToolCalls: boolean;
  output: SimOutput;
  /** Per-token log probabilities asked for, with this many alternatives each. */
  logprobs: { top: number } | undefined;
  maxTokens: number | undefined;
  stop: string[];
  /** Present when the request asks for reasoning/thinking; budget caps the reasoning tokens. */
  reasoning: { budgetTokens: number | undefined } | undefined;
  cache: SimCachePolicy;
}

/** Per-request knobs from `x-sim-*` headers that change the content (not the timing). */
export interface SimContentOverrides {
  seed: string | undefined;
  completionTokens: number | undefined;
}

/** Canonical JSON text for tool arguments, so '{"a": 1}' and {a:1} count and hash the same. */
export function canonicalJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text));
  } catch {
    return text;
  }
}

export function toolCallText(name: string, args: string): string {
  return `${name} ${args}`;
}

/** The tool named by tool_choice must exist; returns an error message when it doesn't. */
export function toolChoiceProblem(request: SimRequest): string | undefined {
  const choice = request.toolChoice;
  if (choice.type === 'tool' && !request.tools.some((tool) => tool.name === choice.name)) {
    return `tool_choice names an unknown tool: ${choice.name}`;
  }
  if (choice.type === 'required' && request.tools.length === 0) return 'tool_choice requires tools';
  return undefined;
}

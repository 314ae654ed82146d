import type { ChatCompletionCreateParamsBase, ChatCompletionTool } from 'openai/resources/chat/completions/completions';
import type { ChatRequest, ResponseFormat, ToolChoice } from '../../core/llm/request.js';
import type { BuildOptions, OpenAiDialect, UpstreamRequest, UpstreamTarget } from '../adapter.js';
import { baseHeaders, compact, effortForBudget, joinUrl, parameterGate, thinkingBudget } from '../request-common.js';
import { toOpenAiMessages, type OpenAiWireMessage } from './messages.js';

const DEFAULT_DIALECT: Required<OpenAiDialect> = {
  maxTokensField: 'max_tokens',
  developerRole: false,
  cacheControl: false,
  reasoningField: 'reasoning_effort',
};

/** Fields OpenAI-compatible servers take beyond OpenAI's own (vLLM, Together, OpenRouter-style gateways). */
interface CompatibleExtensions {
  messages: OpenAiWireMessage[];
  top_k?: number;
  repetition_penalty?: number;
  min_p?: number;
  top_a?: number;
  reasoning?: { effort?: string; max_tokens?: number; exclude?: boolean };
}
/** OpenAI's request type is the judge of every OpenAI field name; the extensions are named above. */
type ChatBody = Omit<ChatCompletionCreateParamsBase, 'messages'> & CompatibleExtensions;

/**
 * POST {base}/chat/completions. The output cap is always sent (in the dialect's field: OpenAI's
 * reasoning models only take `max_completion_tokens`) and is the request's cap; an explicit reasoning
 * budget stays inside it. Other optional parameters the endpoint doesn't support are dropped.
 */
export function buildOpenAiRequest(request: ChatRequest, target: UpstreamTarget, options: BuildOptions): UpstreamRequest {
  const dialect = { ...DEFAULT_DIALECT, ...target.openai };
  const allowed = parameterGate(target);
  const when = <T>(parameter: Parameters<typeof allowed>[0], value: T): T | undefined => (allowed(parameter) ? value : undefined);
  const hasTools = request.tools !== undefined && request.tools.length > 0 && allowed('tools');
  const cap = request.maxTokens ?? target.defaultMaxTokens;

  const body = compact({
    model: target.providerModelId,
    messages: toOpenAiMessages(request.messages, dialect),
    stream: options.stream ? true : undefined,
    // Without this the stream carries no usage at all, and usage is what we bill.
    stream_options: options.stream ? { include_usage: true } : undefined,
    max_tokens: dialect.maxTokensField === 'max_tokens' ? cap : undefined,
    max_completion_tokens: dialect.maxTokensField === 'max_completion_tokens' ? cap : undefined,
    temperature: when('temperature', request.temperature),
    top_p: when('top_p', request.topP),
    top_k: when('top_k', request.topK),
    frequency_penalty: when('frequency_penalty', request.frequencyPenalty),
    presence_penalty: when('presence_penalty', request.presencePenalty),
    repetition_penalty: when('repetition_penalty', request.repetitionPenalty),
    min_p: when('min_p', request.minP),
    top_a: when('top_a', request.topA),
    seed: when('seed', request.seed),
    stop: when('stop', request.stop && request.stop.length > 0 ? request.stop : undefined),
    logit_bias: when('logit_bias', request.logitBias),
    logprobs: when('logprobs', request.logprobs),
    top_logprobs: when('top_logprobs', request.topLogprobs),
    tools: hasTools ? request.tools?.map(toWireTool) : undefined,
    tool_choice: hasTools && request.toolChoice !== undefined ? when('tool_choice', toWireToolChoice(request.toolChoice)) : undefined,
    parallel_tool_calls: hasTools ? when('parallel_tool_calls', request.parallelToolCalls) : undefined,
    response_format: request.responseFormat ? when('response_format', toWireResponseFormat(request.responseFormat)) : undefined,
    user: request.user,
    ...(allowed('reasoning') ? reasoningFields(request, dialect, cap) : {}),
  } satisfies ChatBody);
  return {
    url: joinUrl(target.baseUrl.replace(/\/chat\/completions\/*$/, ''), 'chat/completions'),
    method: 'POST',
    headers: baseHeaders(target, { kind: 'bearer' }, options.stream),
    body: JSON.stringify(body),
  };
}

function toWireTool(tool: NonNullable<ChatRequest['tools']>[number]): ChatCompletionTool {
  return {
    type: 'function',
    function: compact({
      name: tool.name,
      description: tool.description,
      parameters: tool.parameters ?? { type: 'object', properties: {} },
      strict: tool.strict,
    }),
  };
}

function toWireToolChoice(choice: ToolChoice): ChatBody['tool_choice'] {
  return typeof choice === 'string' ? choice : { type: 'function', function: { name: choice.name } };
}

function toWireResponseFormat(format: ResponseFormat): ChatBody['response_format'] {
  if (format.type !== 'json_schema') return { type: format.type };
  return {
    type: 'json_schema',
    json_schema: compact({ name: format.name, description: format.description, strict: format.strict, schema: format.schema }),
  };
}

/** `reasoning_effort` (OpenAI, Groq, Fireworks…) or OpenRouter's `reasoning` object; a token budget never exceeds the cap. */
function reasoningFields(request: ChatRequest, dialect: Required<OpenAiDialect>, cap: number | undefined): Pick<ChatBody, 'reasoning_effort' | 'reasoning'> {
  const reasoning = request.reasoning;
  if (!reasoning || dialect.reasoningField === 'none') return {};
  const budget = reasoning.maxTokens !== undefined && cap !== undefined ? thinkingBudget(reasoning, cap) : reasoning.maxTokens;
  if (dialect.reasoningField === 'reasoning') {
    return { reasoning: compact({ effort: reasoning.effort, max_tokens: budget, exclude: reasoning.exclude }) };
  }
  if (reasoning.effort !== undefined) return { reasoning_effort: reasoning.effort };
  if (budget !== undefined && cap !== undefined) return { reasoning_effort: effortForBudget(budget, cap) };
  return {};
}

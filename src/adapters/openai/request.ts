import type { ChatRequest, ResponseFormat, ToolChoice } from '../../core/llm/request.js';
import type { BuildOptions, OpenAiDialect, UpstreamRequest, UpstreamTarget } from '../adapter.js';
import { baseHeaders, compact, joinUrl, parameterGate } from '../request-common.js';
import { toOpenAiMessages } from './messages.js';

const DEFAULT_DIALECT: Required<OpenAiDialect> = {
  maxTokensField: 'max_tokens',
  developerRole: false,
  cacheControl: false,
  reasoningField: 'reasoning_effort',
};

/** POST {base}/chat/completions; optional parameters the endpoint doesn't support are dropped. */
export function buildOpenAiRequest(request: ChatRequest, target: UpstreamTarget, options: BuildOptions): UpstreamRequest {
  const dialect = { ...DEFAULT_DIALECT, ...target.openai };
  const allowed = parameterGate(target);
  const when = <T>(parameter: Parameters<typeof allowed>[0], value: T): T | undefined => (allowed(parameter) ? value : undefined);
  const hasTools = request.tools !== undefined && request.tools.length > 0 && allowed('tools');

  const body = compact({
    model: target.providerModelId,
    messages: toOpenAiMessages(request.messages, dialect),
    stream: options.stream ? true : undefined,
    // Without this the stream carries no usage at all, and usage is what we bill.
    stream_options: options.stream ? { include_usage: true } : undefined,
    [dialect.maxTokensField]: when('max_tokens', request.maxTokens),
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
    ...reasoningFields(request, dialect, allowed('reasoning')),
  });
  return {
    url: joinUrl(target.baseUrl, 'chat/completions'),
    method: 'POST',
    headers: baseHeaders(target, { kind: 'bearer' }, options.stream),
    body: JSON.stringify(body),
  };
}

function toWireTool(tool: NonNullable<ChatRequest['tools']>[number]): Record<string, unknown> {
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

function toWireToolChoice(choice: ToolChoice): unknown {
  return typeof choice === 'string' ? choice : { type: 'function', function: { name: choice.name } };
}

function toWireResponseFormat(format: ResponseFormat): Record<string, unknown> {
  if (format.type !== 'json_schema') return { type: format.type };
  return {
    type: 'json_schema',
    json_schema: compact({ name: format.name, description: format.description, strict: format.strict, schema: format.schema }),
  };
}

function reasoningFields(request: ChatRequest, dialect: Required<OpenAiDialect>, allowed: boolean): Record<string, unknown> {
  const reasoning = request.reasoning;
  if (!reasoning || !allowed || dialect.reasoningField === 'none') return {};
  if (dialect.reasoningField === 'reasoning') {
    return { reasoning: compact({ effort: reasoning.effort, max_tokens: reasoning.maxTokens, exclude: reasoning.exclude }) };
  }
  return reasoning.effort ? { reasoning_effort: reasoning.effort } : {};
}

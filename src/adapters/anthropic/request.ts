import type { MessageCreateParamsBase, ThinkingConfigParam, Tool, ToolChoice as AnthropicToolChoice } from '@anthropic-ai/sdk/resources/messages/messages';
import type { ChatRequest, ResponseFormat, ToolChoice } from '../../core/llm/request.js';
import type { BuildOptions, UpstreamRequest, UpstreamTarget } from '../adapter.js';
import { baseHeaders, compact, parameterGate, thinkingBudget, versionedUrl } from '../request-common.js';
import { toAnthropicMessages } from './messages.js';

export const ANTHROPIC_VERSION = '2023-06-01';
/** max_tokens is mandatory on this API; used when neither the request nor the endpoint gives one. */
const FALLBACK_MAX_TOKENS = 4096;
/** The API's smallest accepted thinking budget. */
export const MIN_THINKING_BUDGET = 1024;

/**
 * POST {base}/v1/messages (the base may or may not end in /v1). `max_tokens` is the whole output cap
 * — thinking included, as on the API — and never more than the request's cap: a thinking budget is
 * carved out of it (effort ratio, at least 1024 and below max_tokens), and when no budget fits the
 * request is sent without thinking. Parameters Anthropic has no equivalent for are not sent.
 */
export function buildAnthropicRequest(request: ChatRequest, target: UpstreamTarget, options: BuildOptions): UpstreamRequest {
  const allowed = parameterGate(target);
  const { system, messages } = toAnthropicMessages(request.messages);
  const hasTools = request.tools !== undefined && request.tools.length > 0 && allowed('tools');
  const choice = hasTools ? toolChoice(request.toolChoice, request.parallelToolCalls) : undefined;
  const maxTokens = request.maxTokens ?? target.defaultMaxTokens ?? FALLBACK_MAX_TOKENS;
  // Extended thinking cannot be combined with a forced tool: the forced tool wins.
  const forcesTool = choice?.type === 'any' || choice?.type === 'tool';
  const thinking = allowed('reasoning') && !forcesTool ? thinkingConfig(request, maxTokens) : undefined;

  const body = compact({
    model: target.providerModelId,
    max_tokens: maxTokens,
    system: system.length > 0 ? system : undefined,
    messages,
    stream: options.stream ? true : undefined,
    // Anthropic rejects temperature/top_p/top_k together with extended thinking.
    temperature: thinking === undefined && allowed('temperature') ? request.temperature : undefined,
    top_p: thinking === undefined && allowed('top_p') ? request.topP : undefined,
    top_k: thinking === undefined && allowed('top_k') ? request.topK : undefined,
    stop_sequences: allowed('stop') && request.stop && request.stop.length > 0 ? request.stop : undefined,
    tools: hasTools ? request.tools?.map(toWireTool) : undefined,
    tool_choice: choice,
    thinking,
    output_config: request.responseFormat && allowed('response_format') ? outputConfig(request.responseFormat) : undefined,
    metadata: request.user ? { user_id: request.user } : undefined,
  } satisfies MessageCreateParamsBase);
  return {
    url: versionedUrl(target.baseUrl, 'v1', 'messages'),
    method: 'POST',
    headers: { ...baseHeaders(target, { kind: 'header', name: 'x-api-key' }, options.stream), 'anthropic-version': ANTHROPIC_VERSION },
    body: JSON.stringify(body),
  };
}

function thinkingConfig(request: ChatRequest, maxTokens: number): ThinkingConfigParam | undefined {
  const asked = thinkingBudget(request.reasoning, maxTokens);
  if (asked === undefined) return undefined;
  const budget = Math.min(Math.max(asked, MIN_THINKING_BUDGET), maxTokens - 1);
  return budget >= MIN_THINKING_BUDGET ? { type: 'enabled', budget_tokens: budget } : undefined;
}

/** json_schema → native structured outputs (the answer is constrained to the schema, no tool detour). */
function outputConfig(format: ResponseFormat): MessageCreateParamsBase['output_config'] | undefined {
  if (format.type !== 'json_schema') return undefined; // json_object has no Anthropic equivalent
  return { format: { type: 'json_schema', schema: format.schema } };
}

function toWireTool(tool: NonNullable<ChatRequest['tools']>[number]): Tool {
  return compact({
    name: tool.name,
    description: tool.description,
    input_schema: (tool.parameters ?? { type: 'object', properties: {} }) as Tool['input_schema'],
    strict: tool.strict,
  });
}

function toolChoice(choice: ToolChoice | undefined, parallel: boolean | undefined): AnthropicToolChoice | undefined {
  const disableParallel = parallel === false ? { disable_parallel_tool_use: true } : {};
  if (choice === undefined) return parallel === false ? { type: 'auto', ...disableParallel } : undefined;
  if (choice === 'none') return { type: 'none' };
  if (choice === 'auto') return { type: 'auto', ...disableParallel };
  if (choice === 'required') return { type: 'any', ...disableParallel };
  return { type: 'tool', name: choice.name, ...disableParallel };
}

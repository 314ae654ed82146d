import type { ChatRequest, ToolChoice } from '../../core/llm/request.js';
import type { BuildOptions, UpstreamRequest, UpstreamTarget } from '../adapter.js';
import { baseHeaders, compact, joinUrl, parameterGate, reasoningBudget } from '../request-common.js';
import { toAnthropicMessages } from './messages.js';

export const ANTHROPIC_VERSION = '2023-06-01';
/** max_tokens is mandatory on this API; used when neither the request nor the endpoint gives one. */
const FALLBACK_MAX_TOKENS = 4096;
/** The API's smallest accepted thinking budget. */
const MIN_THINKING_BUDGET = 1024;

/** POST {base}/v1/messages. Parameters Anthropic has no equivalent for (penalties, seed, logit_bias) are not sent. */
export function buildAnthropicRequest(request: ChatRequest, target: UpstreamTarget, options: BuildOptions): UpstreamRequest {
  const allowed = parameterGate(target);
  const { system, messages } = toAnthropicMessages(request.messages);
  const hasTools = request.tools !== undefined && request.tools.length > 0 && allowed('tools');
  const thinkingBudget = allowed('reasoning') ? reasoningBudget(request.reasoning) : undefined;
  const requestedMax = request.maxTokens ?? target.defaultMaxTokens ?? FALLBACK_MAX_TOKENS;
  const budget = thinkingBudget === undefined ? undefined : Math.max(MIN_THINKING_BUDGET, thinkingBudget);
  // The thinking budget counts against max_tokens, which must stay larger than it.
  const maxTokens = budget === undefined ? requestedMax : Math.max(requestedMax, budget + 1);

  const body = compact({
    model: target.providerModelId,
    max_tokens: maxTokens,
    system: system.length > 0 ? system : undefined,
    messages,
    stream: options.stream ? true : undefined,
    // Anthropic rejects temperature/top_p/top_k together with extended thinking.
    temperature: budget === undefined && allowed('temperature') ? request.temperature : undefined,
    top_p: budget === undefined && allowed('top_p') ? request.topP : undefined,
    top_k: budget === undefined && allowed('top_k') ? request.topK : undefined,
    stop_sequences: allowed('stop') && request.stop && request.stop.length > 0 ? request.stop : undefined,
    tools: hasTools
      ? request.tools?.map((tool) =>
          compact({ name: tool.name, description: tool.description, input_schema: tool.parameters ?? { type: 'object', properties: {} } }),
        )
      : undefined,
    tool_choice: hasTools ? toolChoice(request.toolChoice, request.parallelToolCalls) : undefined,
    thinking: budget === undefined ? undefined : { type: 'enabled', budget_tokens: budget },
    metadata: request.user ? { user_id: request.user } : undefined,
  });
  return {
    url: joinUrl(target.baseUrl, 'v1/messages'),
    method: 'POST',
    headers: { ...baseHeaders(target, { kind: 'header', name: 'x-api-key' }, options.stream), 'anthropic-version': ANTHROPIC_VERSION },
    body: JSON.stringify(body),
  };
}

function toolChoice(choice: ToolChoice | undefined, parallel: boolean | undefined): Record<string, unknown> | undefined {
  const disableParallel = parallel === false ? { disable_parallel_tool_use: true } : {};
  if (choice === undefined) return parallel === false ? { type: 'auto', ...disableParallel } : undefined;
  if (choice === 'none') return { type: 'none' };
  if (choice === 'auto') return { type: 'auto', ...disableParallel };
  if (choice === 'required') return { type: 'any', ...disableParallel };
  return { type: 'tool', name: choice.name, ...disableParallel };
}

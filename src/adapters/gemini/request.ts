import type { ChatRequest, ResponseFormat, ToolChoice } from '../../core/llm/request.js';
import type { BuildOptions, UpstreamRequest, UpstreamTarget } from '../adapter.js';
import { baseHeaders, compact, joinUrl, parameterGate, reasoningBudget } from '../request-common.js';
import { toGeminiContents } from './contents.js';

/** POST {base}/v1beta/models/{model}:generateContent, or :streamGenerateContent?alt=sse for SSE. */
export function buildGeminiRequest(request: ChatRequest, target: UpstreamTarget, options: BuildOptions): UpstreamRequest {
  const allowed = parameterGate(target);
  const hasTools = request.tools !== undefined && request.tools.length > 0 && allowed('tools');
  const model = encodeURIComponent(target.providerModelId.replace(/^models\//, ''));
  const action = options.stream ? 'streamGenerateContent?alt=sse' : 'generateContent';

  const body = compact({
    ...toGeminiContents(request.messages),
    generationConfig: compact({
      maxOutputTokens: allowed('max_tokens') ? request.maxTokens : undefined,
      temperature: allowed('temperature') ? request.temperature : undefined,
      topP: allowed('top_p') ? request.topP : undefined,
      topK: allowed('top_k') ? request.topK : undefined,
      stopSequences: allowed('stop') && request.stop && request.stop.length > 0 ? request.stop : undefined,
      seed: allowed('seed') ? request.seed : undefined,
      presencePenalty: allowed('presence_penalty') ? request.presencePenalty : undefined,
      frequencyPenalty: allowed('frequency_penalty') ? request.frequencyPenalty : undefined,
      responseLogprobs: allowed('logprobs') ? request.logprobs : undefined,
      logprobs: allowed('top_logprobs') ? request.topLogprobs : undefined,
      ...(request.responseFormat && allowed('response_format') ? responseFormat(request.responseFormat) : {}),
      thinkingConfig: allowed('reasoning') ? thinkingConfig(request) : undefined,
    }),
    tools: hasTools
      ? [
          {
            functionDeclarations: request.tools?.map((tool) =>
              compact({ name: tool.name, description: tool.description, parametersJsonSchema: tool.parameters }),
            ),
          },
        ]
      : undefined,
    toolConfig: hasTools && request.toolChoice !== undefined ? { functionCallingConfig: functionCallingConfig(request.toolChoice) } : undefined,
  });
  return {
    url: joinUrl(target.baseUrl, `v1beta/models/${model}:${action}`),
    method: 'POST',
    headers: baseHeaders(target, { kind: 'header', name: 'x-goog-api-key' }, options.stream),
    body: JSON.stringify(body),
  };
}

function responseFormat(format: ResponseFormat): Record<string, unknown> {
  if (format.type === 'text') return {};
  if (format.type === 'json_object') return { responseMimeType: 'application/json' };
  return { responseMimeType: 'application/json', responseJsonSchema: format.schema };
}

function thinkingConfig(request: ChatRequest): Record<string, unknown> | undefined {
  if (request.reasoning === undefined) return undefined;
  return compact({ thinkingBudget: reasoningBudget(request.reasoning), includeThoughts: request.reasoning.exclude !== true });
}

function functionCallingConfig(choice: ToolChoice): Record<string, unknown> {
  if (choice === 'auto') return { mode: 'AUTO' };
  if (choice === 'none') return { mode: 'NONE' };
  if (choice === 'required') return { mode: 'ANY' };
  return { mode: 'ANY', allowedFunctionNames: [choice.name] };
}

import type { Content, FunctionCallingConfig, FunctionCallingConfigMode, GenerationConfig, ThinkingConfig, Tool, ToolConfig } from '@google/genai';
import type { ChatRequest, ResponseFormat, ToolChoice } from '../../core/llm/request.js';
import type { BuildOptions, UpstreamRequest, UpstreamTarget } from '../adapter.js';
import { baseHeaders, compact, parameterGate, thinkingBudget, versionedUrl } from '../request-common.js';
import { toGeminiContents } from './contents.js';

/** The REST body of generateContent, in the SDK's own types (which mirror the REST JSON). */
interface GenerateContentBody {
  contents: Content[];
  systemInstruction?: Content;
  generationConfig?: GenerationConfig;
  tools?: Tool[];
  toolConfig?: ToolConfig;
}

/**
 * POST {base}/v1beta/models/{model}:generateContent, or :streamGenerateContent?alt=sse for SSE (the
 * base may already end in /v1beta or /v1). `maxOutputTokens` is the whole output cap, thoughts
 * included; a thinking budget is the effort's share of it.
 */
export function buildGeminiRequest(request: ChatRequest, target: UpstreamTarget, options: BuildOptions): UpstreamRequest {
  const allowed = parameterGate(target);
  const hasTools = request.tools !== undefined && request.tools.length > 0 && allowed('tools');
  const model = encodeURIComponent(target.providerModelId.replace(/^models\//, ''));
  const action = options.stream ? 'streamGenerateContent?alt=sse' : 'generateContent';
  // The cap is always sent: without it the provider's default (often larger) would apply.
  const maxOutputTokens = request.maxTokens ?? target.defaultMaxTokens;

  const body = compact({
    ...toGeminiContents(request.messages),
    generationConfig: compact({
      maxOutputTokens,
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
      thinkingConfig: allowed('reasoning') ? thinkingConfig(request, maxOutputTokens) : undefined,
    } satisfies GenerationConfig),
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
  } satisfies GenerateContentBody);
  return {
    url: versionedUrl(target.baseUrl, 'v1beta', `models/${model}:${action}`, ['v1beta', 'v1', 'v1alpha']),
    method: 'POST',
    headers: baseHeaders(target, { kind: 'header', name: 'x-goog-api-key' }, options.stream),
    body: JSON.stringify(body),
  };
}

function responseFormat(format: ResponseFormat): Pick<GenerationConfig, 'responseMimeType' | 'responseJsonSchema'> {
  if (format.type === 'text') return {};
  if (format.type === 'json_object') return { responseMimeType: 'application/json' };
  return { responseMimeType: 'application/json', responseJsonSchema: format.schema };
}

/** Budget inside the cap; without a known cap an effort leaves the budget to the model (-1, dynamic). */
function thinkingConfig(request: ChatRequest, outputCap: number | undefined): ThinkingConfig | undefined {
  const reasoning = request.reasoning;
  if (reasoning === undefined) return undefined;
  if (reasoning.effort === 'none') return { thinkingBudget: 0 };
  const budget = outputCap !== undefined ? thinkingBudget(reasoning, outputCap) : (reasoning.maxTokens ?? -1);
  return compact({ thinkingBudget: budget, includeThoughts: reasoning.exclude !== true });
}

/** The SDK's enum as its string values (the REST JSON), so a misspelt mode fails the typecheck. */
type Mode = `${FunctionCallingConfigMode}`;

function functionCallingConfig(choice: ToolChoice): FunctionCallingConfig {
  const config = (mode: Mode, allowedFunctionNames?: string[]) =>
    ({ mode, ...(allowedFunctionNames && { allowedFunctionNames }) }) as FunctionCallingConfig;
  if (choice === 'auto') return config('AUTO');
  if (choice === 'none') return config('NONE');
  if (choice === 'required') return config('ANY');
  return config('ANY', [choice.name]);
}

import { toolCallText, type SimMessage, type SimRequest, type SimRole, type SimToolChoice } from '../sim-request.js';
import { toolCallsText } from '../completion.js';
import { isValidSignature } from '../signatures.js';
import type { GeminiContent, GeminiPart, GeminiRequest } from './schema.js';

const ROLE: Readonly<Record<NonNullable<GeminiContent['role']>, SimRole>> = { user: 'user', model: 'assistant', function: 'tool' };

// Each functionResponse becomes its own 'tool' message (as in the OpenAI format), so counts match across formats.
function appendContent(role: SimRole, parts: readonly GeminiPart[], out: SimMessage[]): void {
  const texts: string[] = [];
  let attachments = 0;
  for (const part of parts) {
    if (part.functionResponse) out.push({ role: 'tool', text: JSON.stringify(part.functionResponse.response ?? {}), attachments: 0 });
    else if (part.functionCall) texts.push(toolCallText(part.functionCall.name, JSON.stringify(part.functionCall.args ?? {})));
    else if (part.inlineData || part.fileData) attachments++;
    else if (part.text !== undefined && part.thought !== true) texts.push(part.text);
  }
  if (texts.length > 0 || attachments > 0) out.push({ role, text: texts.join('\n'), attachments });
}

function toolChoiceOf(config: GeminiRequest['toolConfig']): SimToolChoice {
  const calling = config?.functionCallingConfig;
  switch (calling?.mode) {
    case 'NONE':
      return { type: 'none' };
    case 'ANY':
    case 'VALIDATED': {
      const [only, ...rest] = calling.allowedFunctionNames ?? [];
      return only !== undefined && rest.length === 0 ? { type: 'tool', name: only } : { type: 'required' };
    }
    default:
      return { type: 'auto' };
  }
}

function reasoningOf(body: GeminiRequest): SimRequest['reasoning'] {
  const budget = body.generationConfig?.thinkingConfig?.thinkingBudget;
  if (body.generationConfig?.thinkingConfig === undefined || budget === 0) return undefined;
  return { budgetTokens: budget === undefined || budget < 0 ? undefined : budget }; // -1 = dynamic budget
}

function outputOf(config: GeminiRequest['generationConfig']): SimRequest['output'] {
  if (config?.responseMimeType !== 'application/json') return { kind: 'text' };
  const schema = config.responseJsonSchema ?? config.responseSchema;
  return schema ? { kind: 'json_schema', schema } : { kind: 'json_object' };
}

/**
 * What Gemini refuses in a replayed conversation when the model thinks: function calls of the last
 * model turn without their thought signature (on the first call part), or with an altered one.
 */
export function replayProblem(body: GeminiRequest): string | undefined {
  if (reasoningOf(body) === undefined) return undefined;
  const index = body.contents.findLastIndex((c) => c.role === 'model');
  const turn = body.contents[index];
  const calls = turn?.parts.filter((p) => p.functionCall) ?? [];
  const first = calls[0];
  if (!first?.functionCall) return undefined;
  const signed = toolCallsText(calls.map((p) => ({ name: p.functionCall!.name, arguments: JSON.stringify(p.functionCall!.args ?? {}) })));
  if (first.thoughtSignature === undefined) return `Function call \`${first.functionCall.name}\` in the ${index + 1}. content block is missing a \`thought_signature\`.`;
  if (!isValidSignature(signed, first.thoughtSignature)) return 'Corrupted thought signature.';
  return undefined;
}

export function toSimRequest(body: GeminiRequest, model: string): SimRequest {
  const messages: SimMessage[] = [];
  if (body.systemInstruction) appendContent('system', body.systemInstruction.parts, messages);
  for (const content of body.contents) appendContent(ROLE[content.role ?? 'user'], content.parts, messages);
  const declarations = (body.tools ?? []).flatMap((tool) => tool.functionDeclarations ?? []);
  return {
    model,
    messages,
    tools: declarations.map((d) => ({ name: d.name, description: d.description ?? '', parameters: d.parametersJsonSchema ?? d.parameters ?? {} })),
    toolChoice: toolChoiceOf(body.toolConfig),
    parallelToolCalls: true,
    output: outputOf(body.generationConfig),
    logprobs: body.generationConfig?.responseLogprobs ? { top: body.generationConfig.logprobs ?? 0 } : undefined,
    maxTokens: body.generationConfig?.maxOutputTokens,
    stop: body.generationConfig?.stopSequences ?? [],
    reasoning: reasoningOf(body),
    cache: { kind: 'automatic' },
  };
}

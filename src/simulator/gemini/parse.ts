import { toolCallText, type SimMessage, type SimRequest, type SimRole, type SimToolChoice } from '../sim-request.js';
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
    maxTokens: body.generationConfig?.maxOutputTokens,
    stop: body.generationConfig?.stopSequences ?? [],
    reasoning: reasoningOf(body),
    cache: { kind: 'automatic' },
  };
}

import { canonicalJson, toolCallText, type SimMessage, type SimRequest, type SimToolChoice } from '../sim-request.js';
import type { OpenAiMessage, OpenAiRequest } from './schema.js';

function toSimMessage(message: OpenAiMessage): SimMessage {
  const content = message.content ?? '';
  const texts = typeof content === 'string' ? [content] : content.flatMap((part) => (part.type === 'text' ? [part.text] : []));
  const attachments = typeof content === 'string' ? 0 : content.filter((part) => part.type !== 'text').length;
  for (const call of message.tool_calls ?? []) texts.push(toolCallText(call.function.name, canonicalJson(call.function.arguments)));
  const role = message.role === 'developer' ? 'system' : message.role;
  return { role, text: texts.filter((t) => t !== '').join('\n'), attachments };
}

function toolChoiceOf(choice: OpenAiRequest['tool_choice']): SimToolChoice {
  if (choice === undefined || choice === 'auto') return { type: 'auto' };
  if (choice === 'none' || choice === 'required') return { type: choice };
  return { type: 'tool', name: choice.function.name };
}

function reasoningOf(body: OpenAiRequest): SimRequest['reasoning'] {
  if (body.reasoning !== undefined && body.reasoning.enabled !== false && body.reasoning.effort !== 'none') {
    return { budgetTokens: body.reasoning.max_tokens };
  }
  if (body.reasoning_effort !== undefined && body.reasoning_effort !== 'none') return { budgetTokens: undefined };
  return undefined;
}

function outputOf(format: OpenAiRequest['response_format']): SimRequest['output'] {
  if (format?.type === 'json_schema') return { kind: 'json_schema', schema: format.json_schema.schema ?? {} };
  if (format?.type === 'json_object') return { kind: 'json_object' };
  return { kind: 'text' };
}

export function toSimRequest(body: OpenAiRequest): SimRequest {
  const stop = body.stop ?? [];
  return {
    model: body.model,
    messages: body.messages.map(toSimMessage),
    tools: (body.tools ?? []).map((tool) => ({
      name: tool.function.name,
      description: tool.function.description ?? '',
      parameters: tool.function.parameters ?? {},
    })),
    toolChoice: toolChoiceOf(body.tool_choice),
    parallelToolCalls: body.parallel_tool_calls !== false,
    output: outputOf(body.response_format),
    logprobs: body.logprobs ? { top: body.top_logprobs ?? 0 } : undefined,
    maxTokens: body.max_completion_tokens ?? body.max_tokens ?? undefined,
    stop: typeof stop === 'string' ? [stop] : stop,
    reasoning: reasoningOf(body),
    cache: { kind: 'automatic' },
  };
}

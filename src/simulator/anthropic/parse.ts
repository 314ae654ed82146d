import { toolCallText, type SimMessage, type SimRequest, type SimToolChoice } from '../sim-request.js';
import { isValidSignature } from '../signatures.js';
import type { AnthropicMessage, AnthropicRequest } from './schema.js';

interface Converted {
  messages: SimMessage[];
  /** Number of leading messages up to and including the last cache_control breakpoint; -1 if none. */
  lastBreakpoint: number;
}

// Each tool_result becomes its own 'tool' message (as in the OpenAI format), so counts match across formats.
function appendMessage(message: AnthropicMessage, out: Converted): void {
  if (typeof message.content === 'string') {
    out.messages.push({ role: message.role, text: message.content, attachments: 0 });
    return;
  }
  const texts: string[] = [];
  let attachments = 0;
  let marked = false;
  for (const block of message.content) {
    switch (block.type) {
      case 'text':
        texts.push(block.text);
        break;
      case 'image':
      case 'document':
        attachments++;
        break;
      case 'tool_use':
        texts.push(toolCallText(block.name, JSON.stringify(block.input)));
        break;
      case 'tool_result': {
        const content = block.content ?? '';
        const parts = typeof content === 'string' ? [content] : content.flatMap((p) => (p.type === 'text' ? [p.text] : []));
        const images = typeof content === 'string' ? 0 : content.filter((p) => p.type !== 'text').length;
        out.messages.push({ role: 'tool', text: parts.join('\n'), attachments: images });
        if (block.cache_control) out.lastBreakpoint = out.messages.length;
        continue;
      }
      case 'thinking':
      case 'redacted_thinking':
        break;
    }
    if (block.cache_control) marked = true;
  }
  if (texts.length > 0 || attachments > 0) out.messages.push({ role: message.role, text: texts.join('\n'), attachments });
  if (marked) out.lastBreakpoint = out.messages.length;
}

function toolChoiceOf(choice: AnthropicRequest['tool_choice']): SimToolChoice {
  switch (choice?.type) {
    case undefined:
    case 'auto':
      return { type: 'auto' };
    case 'any':
      return { type: 'required' };
    case 'none':
      return { type: 'none' };
    case 'tool':
      return { type: 'tool', name: choice.name };
  }
}

export function toSimRequest(body: AnthropicRequest): SimRequest {
  const out: Converted = { messages: [], lastBreakpoint: -1 };
  if (body.system !== undefined) {
    const blocks = typeof body.system === 'string' ? [{ text: body.system, cache_control: undefined }] : body.system;
    out.messages.push({ role: 'system', text: blocks.map((b) => b.text).join('\n'), attachments: 0 });
    if (blocks.some((b) => b.cache_control)) out.lastBreakpoint = 1;
  }
  for (const message of body.messages) appendMessage(message, out);
  const tools = body.tools ?? [];
  const toolsMarked = tools.some((tool) => tool.cache_control);
  const prefixMessages = out.lastBreakpoint >= 0 ? out.lastBreakpoint : toolsMarked ? 0 : -1;
  return {
    model: body.model,
    messages: out.messages,
    tools: tools.map((tool) => ({ name: tool.name, description: tool.description ?? '', parameters: tool.input_schema })),
    toolChoice: toolChoiceOf(body.tool_choice),
    parallelToolCalls: !(body.tool_choice && 'disable_parallel_tool_use' in body.tool_choice && body.tool_choice.disable_parallel_tool_use),
    output: body.output_config?.format ? { kind: 'json_schema', schema: body.output_config.format.schema } : { kind: 'text' },
    logprobs: undefined,
    maxTokens: body.max_tokens,
    stop: body.stop_sequences ?? [],
    reasoning: body.thinking?.type === 'enabled' ? { budgetTokens: body.thinking.budget_tokens } : undefined,
    cache: prefixMessages >= 0 ? { kind: 'explicit', prefixMessages } : { kind: 'none' },
  };
}

/**
 * What Anthropic refuses in a replayed conversation: an altered thinking signature, and — with
 * thinking on — a tool loop whose last assistant turn does not start with its thinking block.
 */
export function replayProblem(body: AnthropicRequest): string | undefined {
  for (const [i, message] of body.messages.entries()) {
    if (typeof message.content === 'string') continue;
    for (const [j, block] of message.content.entries()) {
      if (block.type === 'thinking' && !isValidSignature(block.thinking, block.signature)) return `messages.${i}.content.${j}: Invalid \`signature\` in \`thinking\` block`;
    }
  }
  if (body.thinking?.type !== 'enabled') return undefined;
  const lastAssistant = body.messages.map((m, i) => [m, i] as const).filter(([m]) => m.role === 'assistant').at(-1);
  if (!lastAssistant) return undefined;
  const [message, index] = lastAssistant;
  const blocks = typeof message.content === 'string' ? [] : message.content;
  const usesTool = blocks.some((b) => b.type === 'tool_use');
  const first = blocks[0]?.type;
  if (usesTool && first !== 'thinking' && first !== 'redacted_thinking') {
    return `messages.${index}.content.0.type: Expected \`thinking\` or \`redacted_thinking\`, but found \`${first ?? 'nothing'}\`. When \`thinking\` is enabled, a final \`assistant\` message must start with a thinking block (preceeding the lastmost set of \`tool_use\` and \`tool_result\` blocks).`;
  }
  return undefined;
}

import { contentText, type ChatRequest } from '../../core/llm/request.js';

/**
 * A deliberately generous prompt-size estimate (≈ 3 characters per token, plus per-message and
 * per-tool overhead) for context-length checks and the credit reservation. The bill uses the
 * provider's reported usage, never this number.
 */
export function estimatePromptTokens(chat: ChatRequest): number {
  let chars = 0;
  let overhead = 0;
  for (const m of chat.messages) {
    overhead += 4;
    chars += contentText(m.content as Parameters<typeof contentText>[0]).length;
    if (m.role === 'user' && Array.isArray(m.content)) overhead += m.content.filter((p) => p.type !== 'text').length * 1_000;
    if (m.role === 'assistant') for (const call of m.toolCalls ?? []) chars += call.name.length + call.arguments.length;
  }
  for (const tool of chat.tools ?? []) {
    overhead += 8;
    chars += tool.name.length + (tool.description?.length ?? 0) + JSON.stringify(tool.parameters ?? {}).length;
  }
  return Math.ceil(chars / 3) + overhead;
}

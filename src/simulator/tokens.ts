/**
 * The simulator's token-counting rule. It is deliberately simple so tests and the router can reproduce
 * usage exactly (see README.md):
 * - a token is a maximal run of letters/digits/underscores, or a maximal run of other non-space
 *   characters (punctuation); whitespace is never a token;
 * - prompt tokens = Σ over messages (MESSAGE_OVERHEAD_TOKENS + tokens of the message text
 *   + ATTACHMENT_TOKENS per image/file part) + Σ over tools (TOOL_OVERHEAD_TOKENS + tokens of name
 *   + tokens of description);
 * - completion tokens = tokens of the emitted text + reasoning tokens + tokens of a tool call
 *   (`name` + its JSON arguments).
 */
export const MESSAGE_OVERHEAD_TOKENS = 4;
export const TOOL_OVERHEAD_TOKENS = 8;
export const ATTACHMENT_TOKENS = 85;

const TOKEN = /[\p{L}\p{N}_]+|[^\s\p{L}\p{N}_]+/gu;
// One token with the whitespace before it, or trailing whitespace alone (so pieces join back to the text).
const PIECE = /\s*(?:[\p{L}\p{N}_]+|[^\s\p{L}\p{N}_]+)|\s+$/gu;

/** Number of tokens in `text` under the simulator's rule. Pure. */
export function countTokens(text: string): number {
  let count = 0;
  TOKEN.lastIndex = 0;
  while (TOKEN.exec(text) !== null) count++;
  return count;
}

/** Splits text into stream pieces of one token each (whitespace kept in front); they join back to `text`. */
export function splitIntoTokenPieces(text: string): string[] {
  return text.match(PIECE) ?? [];
}

export interface PromptMessageLike {
  text: string;
  attachments: number;
}
export interface PromptToolLike {
  name: string;
  description: string;
}

export function countMessageTokens(message: PromptMessageLike): number {
  return MESSAGE_OVERHEAD_TOKENS + countTokens(message.text) + ATTACHMENT_TOKENS * message.attachments;
}

export function countToolTokens(tool: PromptToolLike): number {
  return TOOL_OVERHEAD_TOKENS + countTokens(tool.name) + countTokens(tool.description);
}

/** Prompt tokens of a request under the documented rule. */
export function countPromptTokens(messages: readonly PromptMessageLike[], tools: readonly PromptToolLike[]): number {
  let total = 0;
  for (const message of messages) total += countMessageTokens(message);
  for (const tool of tools) total += countToolTokens(tool);
  return total;
}

/** Completion tokens of a tool call: its name plus its JSON arguments text. */
export function countToolCallTokens(name: string, argumentsJson: string): number {
  return countTokens(name) + countTokens(argumentsJson);
}

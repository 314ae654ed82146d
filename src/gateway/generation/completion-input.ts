import type { ChatRequest, RequestParameter } from '../../core/llm/request.js';
import type { ProviderPreferences } from '../../core/routing/index.js';
import type { ParsedChatCompletion } from '../chat-request/parse-chat-request.js';

/** What a generation is asked to do: the normalized request and its routing inputs (from either surface). */
export interface CompletionInput {
  chat: ChatRequest;
  models: string[];
  provider: ProviderPreferences;
  usedParameters: RequestParameter[];
  inputModalities: string[];
  sessionId: string | null;
  /** Whether the client receives the output as it is generated (recorded on the generation). */
  stream: boolean;
}

export const completionInputOf = (parsed: ParsedChatCompletion): CompletionInput => ({
  chat: parsed.chat,
  models: parsed.models,
  provider: parsed.provider,
  usedParameters: parsed.usedParameters,
  inputModalities: parsed.inputModalities,
  sessionId: parsed.sessionId,
  stream: parsed.stream,
});

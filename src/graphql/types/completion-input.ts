import { builder } from '../builder.js';
import { parseChatCompletionRequest } from '../../gateway/chat-request/parse-chat-request.js';
import { completionInputOf, type CompletionInput } from '../../gateway/generation/completion-input.js';
import { InvalidInputError } from '../../gateway/user-errors.js';
import { ProviderPreferencesInput, providerPreferencesFrom } from './route-plan.js';

const ChatMessageInput = builder.inputType('ChatMessageInput', {
  fields: (t) => ({
    role: t.string({ required: true, description: '`system`, `developer`, `user`, `assistant` or `tool`.' }),
    content: t.field({ type: 'JSON', description: 'A string, or an array of content parts as in the OpenAI API (text, image_url, …).' }),
    name: t.string(),
    toolCallId: t.string({ description: 'For `tool` messages: the call this answers.' }),
    toolCalls: t.field({ type: 'JSON', description: 'For `assistant` messages: the tool calls made, as in the OpenAI API.' }),
  }),
});

export const CompletionRequestInput = builder.inputType('CompletionInput', {
  description: 'A chat completion request. Common fields are typed; `options` takes any other OpenRouter request field (snake_case: tools, response_format, reasoning, …).',
  fields: (t) => ({
    model: t.string(),
    models: t.stringList({ description: 'Fallback models, tried in order after `model`.' }),
    messages: t.field({ type: [ChatMessageInput], required: true }),
    maxTokens: t.int(),
    temperature: t.float(),
    topP: t.float(),
    stop: t.stringList(),
    seed: t.int(),
    provider: t.field({ type: ProviderPreferencesInput }),
    sessionId: t.string({ description: 'Keeps a conversation on one provider (prompt caching).' }),
    options: t.field({ type: 'JSON' }),
  }),
});

type Input = typeof CompletionRequestInput.$inferInput;

const defined = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null));

/**
 * Validates through the same parser as `POST /api/v1/chat/completions`, so both surfaces accept
 * exactly the same requests; errors name the offending field.
 */
export function completionInputFrom(input: Input, stream: boolean): CompletionInput {
  const options = input.options ?? {};
  if (typeof options !== 'object' || Array.isArray(options)) throw new InvalidInputError('options must be an object of OpenRouter request fields', 'options');
  const body = {
    ...(options as Record<string, unknown>),
    ...defined({
      model: input.model,
      models: input.models,
      max_tokens: input.maxTokens,
      temperature: input.temperature,
      top_p: input.topP,
      stop: input.stop,
      seed: input.seed,
      session_id: input.sessionId,
    }),
    messages: input.messages.map((m) => defined({ role: m.role, content: m.content, name: m.name, tool_call_id: m.toolCallId, tool_calls: m.toolCalls })),
    stream,
  };
  const parsed = parseChatCompletionRequest(body);
  if (!parsed.ok) throw new InvalidInputError(parsed.message, parsed.path || null);
  const completion = completionInputOf(parsed.value);
  return input.provider ? { ...completion, provider: providerPreferencesFrom(input.provider) } : completion;
}

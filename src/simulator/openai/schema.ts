import { z } from 'zod';

// Only what the simulator reads is validated; other fields (temperature, seed, user…) pass unchecked.
const textPart = z.object({ type: z.literal('text'), text: z.string() });
const attachmentPart = z.object({ type: z.enum(['image_url', 'input_audio', 'file']) });
const contentPart = z.discriminatedUnion('type', [textPart, attachmentPart]);

const toolCall = z.object({
  id: z.string(),
  type: z.literal('function'),
  function: z.object({ name: z.string(), arguments: z.string() }),
});

export const openAiMessageSchema = z.object({
  role: z.enum(['system', 'developer', 'user', 'assistant', 'tool']),
  content: z.union([z.string(), z.array(contentPart), z.null()]).optional(),
  tool_calls: z.array(toolCall).optional(),
  tool_call_id: z.string().optional(),
});

const positiveInt = z.number().int().positive();

export const openAiRequestSchema = z.object({
  model: z.string().min(1),
  messages: z.array(openAiMessageSchema).min(1),
  max_tokens: positiveInt.nullish(),
  max_completion_tokens: positiveInt.nullish(),
  stop: z.union([z.string(), z.array(z.string()).max(4)]).nullish(),
  stream: z.boolean().nullish(),
  stream_options: z.object({ include_usage: z.boolean().optional() }).nullish(),
  tools: z
    .array(
      z.object({
        type: z.literal('function'),
        function: z.object({
          name: z.string().min(1),
          description: z.string().optional(),
          parameters: z.record(z.string(), z.unknown()).optional(),
        }),
      }),
    )
    .optional(),
  tool_choice: z
    .union([
      z.enum(['none', 'auto', 'required']),
      z.object({ type: z.literal('function'), function: z.object({ name: z.string() }) }),
    ])
    .optional(),
  // OpenRouter-style `reasoning` object and OpenAI's `reasoning_effort`.
  reasoning: z
    .object({ effort: z.string().optional(), max_tokens: positiveInt.optional(), enabled: z.boolean().optional() })
    .optional(),
  reasoning_effort: z.enum(['none', 'minimal', 'low', 'medium', 'high', 'xhigh', 'max']).optional(),
  parallel_tool_calls: z.boolean().nullish(),
  response_format: z
    .discriminatedUnion('type', [
      z.object({ type: z.literal('text') }),
      z.object({ type: z.literal('json_object') }),
      z.object({
        type: z.literal('json_schema'),
        json_schema: z.object({ name: z.string().min(1), schema: z.record(z.string(), z.unknown()).optional(), strict: z.boolean().nullish() }),
      }),
    ])
    .nullish(),
  logprobs: z.boolean().nullish(),
  top_logprobs: z.number().int().min(0).max(20).nullish(),
});

export type OpenAiRequest = z.infer<typeof openAiRequestSchema>;
export type OpenAiMessage = z.infer<typeof openAiMessageSchema>;

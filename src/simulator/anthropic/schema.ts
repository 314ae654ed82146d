import { z } from 'zod';

const cacheControl = z.looseObject({ type: z.literal('ephemeral') }).nullish();

const textBlock = z.object({ type: z.literal('text'), text: z.string(), cache_control: cacheControl });
const attachmentBlock = z.object({ type: z.enum(['image', 'document']), cache_control: cacheControl });
const toolUseBlock = z.object({
  type: z.literal('tool_use'),
  id: z.string(),
  name: z.string(),
  input: z.record(z.string(), z.unknown()),
  cache_control: cacheControl,
});
const toolResultBlock = z.object({
  type: z.literal('tool_result'),
  tool_use_id: z.string(),
  content: z.union([z.string(), z.array(z.discriminatedUnion('type', [textBlock, attachmentBlock]))]).optional(),
  cache_control: cacheControl,
});
// Earlier thinking is accepted and, as Anthropic does, not counted again — but its signature is checked.
const thinkingBlock = z.object({ type: z.literal('thinking'), thinking: z.string(), signature: z.string(), cache_control: cacheControl });
const redactedThinkingBlock = z.object({ type: z.literal('redacted_thinking'), data: z.string(), cache_control: cacheControl });

export const anthropicBlockSchema = z.discriminatedUnion('type', [textBlock, attachmentBlock, toolUseBlock, toolResultBlock, thinkingBlock, redactedThinkingBlock]);

export const anthropicMessageSchema = z.object({
  role: z.enum(['user', 'assistant']),
  content: z.union([z.string(), z.array(anthropicBlockSchema)]),
});

const positiveInt = z.number().int().positive();

export const anthropicRequestSchema = z
  .object({
    model: z.string().min(1),
    max_tokens: positiveInt,
    messages: z.array(anthropicMessageSchema).min(1),
    system: z.union([z.string(), z.array(textBlock)]).optional(),
    stop_sequences: z.array(z.string()).optional(),
    stream: z.boolean().optional(),
    tools: z
      .array(
        z.object({
          name: z.string().min(1),
          description: z.string().optional(),
          input_schema: z.record(z.string(), z.unknown()),
          cache_control: cacheControl,
        }),
      )
      .optional(),
    tool_choice: z
      .discriminatedUnion('type', [
        z.object({ type: z.literal('auto'), disable_parallel_tool_use: z.boolean().optional() }),
        z.object({ type: z.literal('any'), disable_parallel_tool_use: z.boolean().optional() }),
        z.object({ type: z.literal('none') }),
        z.object({ type: z.literal('tool'), name: z.string(), disable_parallel_tool_use: z.boolean().optional() }),
      ])
      .optional(),
    // Structured outputs: the answer is JSON valid against the schema.
    output_config: z
      .object({ format: z.object({ type: z.literal('json_schema'), schema: z.record(z.string(), z.unknown()) }).nullish(), effort: z.string().nullish() })
      .optional(),
    thinking: z
      .discriminatedUnion('type', [
        z.object({ type: z.literal('enabled'), budget_tokens: z.number().int().min(1024) }),
        z.object({ type: z.literal('disabled') }),
      ])
      .optional(),
  })
  .refine((body) => body.thinking?.type !== 'enabled' || body.thinking.budget_tokens < body.max_tokens, {
    message: '`max_tokens` must be greater than `thinking.budget_tokens`',
    path: ['max_tokens'],
  });

export type AnthropicRequest = z.infer<typeof anthropicRequestSchema>;
export type AnthropicMessage = z.infer<typeof anthropicMessageSchema>;

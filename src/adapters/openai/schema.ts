import { z } from 'zod';

// Loose objects everywhere: OpenAI-compatible servers add fields (obfuscation, service_tier, x_groq…).

export const openAiUsageSchema = z.looseObject({
  prompt_tokens: z.number().nullish(),
  completion_tokens: z.number().nullish(),
  total_tokens: z.number().nullish(),
  prompt_tokens_details: z
    .looseObject({ cached_tokens: z.number().nullish(), cache_write_tokens: z.number().nullish() })
    .nullish(),
  completion_tokens_details: z.looseObject({ reasoning_tokens: z.number().nullish() }).nullish(),
});
export type OpenAiUsage = z.infer<typeof openAiUsageSchema>;

const errorObjectSchema = z.looseObject({
  message: z.string().nullish(),
  type: z.string().nullish(),
  code: z.union([z.string(), z.number()]).nullish(),
});

/** OpenRouter-style gateways return reasoning_details; kept as they came (validated loosely). */
export const openAiReasoningDetailSchema = z.looseObject({
  type: z.string(),
  text: z.string().nullish(),
  summary: z.string().nullish(),
  data: z.string().nullish(),
  signature: z.string().nullish(),
  format: z.string().nullish(),
  index: z.number().int().nullish(),
  id: z.string().nullish(),
});
export type OpenAiReasoningDetail = z.infer<typeof openAiReasoningDetailSchema>;

const toolCallDeltaSchema = z.looseObject({
  index: z.number().int().nonnegative().optional(),
  id: z.string().nullish(),
  function: z.looseObject({ name: z.string().nullish(), arguments: z.string().nullish() }).nullish(),
});

export type OpenAiToolCallDelta = z.infer<typeof toolCallDeltaSchema>;

export const openAiChunkSchema = z.looseObject({
  choices: z
    .array(
      z.looseObject({
        index: z.number().optional(),
        delta: z
          .looseObject({
            content: z.string().nullish(),
            reasoning: z.string().nullish(),
            reasoning_content: z.string().nullish(),
            reasoning_details: z.array(openAiReasoningDetailSchema).nullish(),
            refusal: z.string().nullish(),
            tool_calls: z.array(toolCallDeltaSchema).nullish(),
          })
          .nullish(),
        finish_reason: z.string().nullish(),
      }),
    )
    .nullish(),
  usage: openAiUsageSchema.nullish(),
  error: errorObjectSchema.nullish(),
});
export type OpenAiChunk = z.infer<typeof openAiChunkSchema>;

export const openAiResponseSchema = z.looseObject({
  choices: z.array(
    z.looseObject({
      message: z.looseObject({
        content: z.string().nullish(),
        reasoning: z.string().nullish(),
        reasoning_content: z.string().nullish(),
        reasoning_details: z.array(openAiReasoningDetailSchema).nullish(),
        refusal: z.string().nullish(),
        tool_calls: z
          .array(
            z.looseObject({
              id: z.string().nullish(),
              function: z.looseObject({ name: z.string(), arguments: z.string().nullish() }),
            }),
          )
          .nullish(),
      }),
      finish_reason: z.string().nullish(),
    }),
  ),
  usage: openAiUsageSchema.nullish(),
});
export type OpenAiResponse = z.infer<typeof openAiResponseSchema>;

export const openAiErrorBodySchema = z.looseObject({ error: z.union([errorObjectSchema, z.string()]).nullish(), message: z.string().nullish() });

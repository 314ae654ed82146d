import { z } from 'zod';

// Loose objects: Anthropic adds fields (cache_creation breakdown, service_tier, container…) over time.

export const anthropicUsageSchema = z.looseObject({
  input_tokens: z.number().nullish(),
  output_tokens: z.number().nullish(),
  cache_creation_input_tokens: z.number().nullish(),
  cache_read_input_tokens: z.number().nullish(),
  output_tokens_details: z.looseObject({ thinking_tokens: z.number().nullish() }).nullish(),
});
export type AnthropicUsage = z.infer<typeof anthropicUsageSchema>;

export const anthropicErrorSchema = z.looseObject({ type: z.string(), message: z.string().nullish() });

const contentBlockSchema = z.looseObject({
  type: z.string(),
  text: z.string().nullish(),
  thinking: z.string().nullish(),
  signature: z.string().nullish(),
  /** redacted_thinking */
  data: z.string().nullish(),
  id: z.string().nullish(),
  name: z.string().nullish(),
  input: z.unknown().optional(),
});
export type AnthropicContentBlock = z.infer<typeof contentBlockSchema>;

/** One schema per event type we act on; other event types are skipped (the API promises to add some). */
export const anthropicEventSchemas = {
  message_start: z.looseObject({ message: z.looseObject({ usage: anthropicUsageSchema.nullish() }) }),
  content_block_start: z.looseObject({ index: z.number().int(), content_block: contentBlockSchema }),
  content_block_delta: z.looseObject({
    index: z.number().int(),
    delta: z.looseObject({
      type: z.string(),
      text: z.string().nullish(),
      partial_json: z.string().nullish(),
      thinking: z.string().nullish(),
      signature: z.string().nullish(),
    }),
  }),
  content_block_stop: z.looseObject({ index: z.number().int() }),
  message_delta: z.looseObject({
    delta: z.looseObject({ stop_reason: z.string().nullish(), stop_sequence: z.string().nullish() }),
    usage: anthropicUsageSchema.nullish(),
  }),
  error: z.looseObject({ error: anthropicErrorSchema }),
} as const;

export const anthropicEventTypeSchema = z.looseObject({ type: z.string() });

export const anthropicResponseSchema = z.looseObject({
  content: z.array(contentBlockSchema),
  stop_reason: z.string().nullish(),
  usage: anthropicUsageSchema.nullish(),
});

export const anthropicErrorBodySchema = z.looseObject({ error: anthropicErrorSchema });

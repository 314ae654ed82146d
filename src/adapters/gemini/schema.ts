import { z } from 'zod';

// Loose objects: Gemini adds fields (thoughtSignature, modelVersion, responseId, safetyRatings…) freely.

export const geminiUsageSchema = z.looseObject({
  promptTokenCount: z.number().nullish(),
  candidatesTokenCount: z.number().nullish(),
  thoughtsTokenCount: z.number().nullish(),
  cachedContentTokenCount: z.number().nullish(),
  totalTokenCount: z.number().nullish(),
});
export type GeminiUsage = z.infer<typeof geminiUsageSchema>;

const partSchema = z.looseObject({
  text: z.string().nullish(),
  thought: z.boolean().nullish(),
  /** Opaque proof of the model's thinking; must come back on the same part next turn. */
  thoughtSignature: z.string().nullish(),
  functionCall: z.looseObject({ id: z.string().nullish(), name: z.string(), args: z.unknown().optional() }).nullish(),
});
export type GeminiPart = z.infer<typeof partSchema>;

export const geminiErrorSchema = z.looseObject({
  code: z.number().nullish(),
  message: z.string().nullish(),
  status: z.string().nullish(),
  details: z.array(z.looseObject({ '@type': z.string().nullish(), retryDelay: z.string().nullish() })).nullish(),
});
export type GeminiError = z.infer<typeof geminiErrorSchema>;

/** One GenerateContentResponse: the whole non-stream body, or one SSE event of a stream. */
export const geminiResponseSchema = z.looseObject({
  candidates: z
    .array(
      z.looseObject({
        content: z.looseObject({ parts: z.array(partSchema).nullish() }).nullish(),
        finishReason: z.string().nullish(),
      }),
    )
    .nullish(),
  usageMetadata: geminiUsageSchema.nullish(),
  promptFeedback: z.looseObject({ blockReason: z.string().nullish() }).nullish(),
  error: geminiErrorSchema.nullish(),
});
export type GeminiResponse = z.infer<typeof geminiResponseSchema>;

export const geminiErrorBodySchema = z.looseObject({ error: geminiErrorSchema });

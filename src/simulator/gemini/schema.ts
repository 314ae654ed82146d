import { z } from 'zod';

const jsonObject = z.record(z.string(), z.unknown());

export const geminiPartSchema = z.object({
  text: z.string().optional(),
  thought: z.boolean().optional(),
  thoughtSignature: z.string().optional(),
  inlineData: z.object({ mimeType: z.string(), data: z.string() }).optional(),
  fileData: z.object({ fileUri: z.string() }).loose().optional(),
  functionCall: z.object({ name: z.string(), args: jsonObject.optional() }).optional(),
  functionResponse: z.object({ name: z.string(), response: jsonObject.optional() }).optional(),
});

export const geminiContentSchema = z.object({
  role: z.enum(['user', 'model', 'function']).optional(),
  parts: z.array(geminiPartSchema).min(1),
});

const positiveInt = z.number().int().positive();

export const geminiRequestSchema = z.object({
  contents: z.array(geminiContentSchema).min(1),
  systemInstruction: z.object({ parts: z.array(geminiPartSchema) }).optional(),
  generationConfig: z
    .object({
      maxOutputTokens: positiveInt.optional(),
      stopSequences: z.array(z.string()).max(5).optional(),
      thinkingConfig: z.object({ thinkingBudget: z.number().int().min(-1).optional(), includeThoughts: z.boolean().optional() }).optional(),
      responseMimeType: z.string().optional(),
      responseJsonSchema: jsonObject.optional(),
      responseSchema: jsonObject.optional(),
      responseLogprobs: z.boolean().optional(),
      logprobs: z.number().int().min(0).max(20).optional(),
    })
    .optional(),
  tools: z
    .array(
      z.object({
        functionDeclarations: z
          .array(z.object({ name: z.string().min(1), description: z.string().optional(), parameters: jsonObject.optional(), parametersJsonSchema: jsonObject.optional() }))
          .optional(),
      }),
    )
    .optional(),
  toolConfig: z
    .object({
      functionCallingConfig: z
        .object({ mode: z.enum(['AUTO', 'ANY', 'NONE', 'VALIDATED']).optional(), allowedFunctionNames: z.array(z.string()).optional() })
        .optional(),
    })
    .optional(),
});

export type GeminiRequest = z.infer<typeof geminiRequestSchema>;
export type GeminiContent = z.infer<typeof geminiContentSchema>;
export type GeminiPart = z.infer<typeof geminiPartSchema>;

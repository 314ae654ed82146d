import { z } from 'zod';

/**
 * The shape of the built-in catalog's JSON data files (see docs/catalog.md):
 * - `data/<author>.json`: an author's models, each with the endpoint at its author's provider.
 *   Generated from OpenRouter's public model list by `npm run catalog:import` (mistralai.json is
 *   hand-maintained in the same shape).
 * - `hosted/<author>.json`: hand-maintained endpoints of the author's open-weight models on other
 *   hosts (Together, Groq, DeepInfra…), so routing has choices.
 * Prices are USD decimal strings exactly as printed by their source; omitted price fields are '0'.
 */

const decimal = z.string().regex(/^\d+(\.\d+)?$/, 'a non-negative decimal string');

export const filePricingSchema = z
  .object({
    prompt: decimal,
    completion: decimal,
    request: decimal,
    image: decimal,
    webSearch: decimal,
    internalReasoning: decimal,
    inputCacheRead: decimal,
    inputCacheWrite: decimal,
  })
  .partial()
  .strict();

const quantization = z.enum(['int4', 'int8', 'fp4', 'fp6', 'fp8', 'fp16', 'bf16', 'fp32', 'unknown']);

const endpointFields = {
  providerModelId: z.string().min(1),
  contextLength: z.number().int().positive(),
  maxCompletionTokens: z.number().int().positive().nullable(),
  quantization,
  supportedParameters: z.array(z.string().min(1)),
  pricing: filePricingSchema,
};

export const authorFileSchema = z
  .object({
    $comment: z.string().optional(),
    author: z.string().min(1),
    /** Slug of the provider that serves the author's own endpoints. */
    provider: z.string().min(1),
    models: z.array(
      z
        .object({
          id: z.string().regex(/^[a-z0-9][a-z0-9._-]*\/[a-z0-9][a-z0-9._-]*$/),
          canonicalSlug: z.string().min(1),
          name: z.string().min(1),
          description: z.string(),
          contextLength: z.number().int().positive(),
          inputModalities: z.array(z.enum(['text', 'image', 'file', 'audio', 'video'])).min(1),
          outputModalities: z.array(z.enum(['text', 'image', 'audio'])).min(1),
          tokenizer: z.string().min(1),
          instructType: z.string().nullable(),
          /** Unix seconds of the release, when known; otherwise the snapshot's date (see docs/catalog.md). */
          created: z.number().int().positive(),
          isModerated: z.boolean(),
          /** null: the author's own API does not serve this model (it is only on `hosted/` endpoints). */
          endpoint: z.object(endpointFields).strict().nullable(),
        })
        .strict(),
    ),
  })
  .strict();

export const hostedFileSchema = z
  .object({
    $comment: z.string().optional(),
    endpoints: z.array(z.object({ model: z.string().min(1), provider: z.string().min(1), ...endpointFields }).strict()),
  })
  .strict();

export type AuthorFile = z.infer<typeof authorFileSchema>;
export type AuthorFileModel = AuthorFile['models'][number];
export type HostedFile = z.infer<typeof hostedFileSchema>;
export type FilePricing = z.infer<typeof filePricingSchema>;

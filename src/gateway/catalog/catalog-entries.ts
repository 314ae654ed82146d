import { z } from 'zod';
import { MoneyParseError, parseUsdRounded, type Money } from '../../core/billing/money.js';
import type { OpenAiDialect } from '../../adapters/adapter.js';
import type { EndpointRow, ModelRow, PriceField, ProviderRow } from '../../persistence/repositories/catalog-store.js';
import { PRICE_FIELDS } from '../../persistence/repositories/catalog-store.js';

/**
 * What a catalog source (CATALOG_FILE, an operator's mutation) may say about a provider, a model or an
 * endpoint. Every field but the key is optional: an entry is merged over what is there already (the
 * built-in row for the file, the current row for an operator), and a new row must say what has no default.
 */

const httpUrl = z
  .string()
  .max(2000)
  .refine((v) => /^https?:\/\/[^\s/]+/.test(v) && URL.canParse(v), 'expected an http:// or https:// URL');

// Whatever carries a credential must come from the environment (credentialEnv), never from catalog data.
const CREDENTIAL_HEADERS = new Set(['authorization', 'proxy-authorization', 'x-api-key', 'api-key', 'x-goog-api-key', 'cookie']);

const extraHeaders = z.record(z.string().regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,100}$/, 'expected an HTTP header name'), z.string().max(2000)).superRefine((headers, ctx) => {
  for (const name of Object.keys(headers)) {
    if (CREDENTIAL_HEADERS.has(name.toLowerCase())) {
      ctx.addIssue({ code: 'custom', path: [name], message: `${name} carries a credential: name the environment variable holding it in credentialEnv instead` });
    }
  }
});

export const dialectSchema = z
  .object({
    maxTokensField: z.enum(['max_tokens', 'max_completion_tokens']),
    developerRole: z.boolean(),
    cacheControl: z.boolean(),
    reasoningField: z.enum(['reasoning_effort', 'reasoning', 'none']),
  })
  .partial()
  .strict() satisfies z.ZodType<OpenAiDialect>;

/**
 * USD as a decimal string, as OpenRouter prints it; more than 12 decimals round half up to the pico
 * (docs/catalog.md). Money (already pico-dollars, from GraphQL's Money scalar) passes as it is.
 */
export const priceSchema = z.unknown().transform((value, ctx): Money => {
  if (typeof value === 'bigint') {
    if (value >= 0n) return value as Money;
    ctx.addIssue({ code: 'custom', message: 'a price must not be negative' });
    return z.NEVER;
  }
  if (typeof value === 'number') {
    ctx.addIssue({ code: 'custom', message: `write the price as a string ("${value}"): a number may already have lost digits` });
    return z.NEVER;
  }
  try {
    const price = parseUsdRounded(String(value), 'half-up');
    if (price < 0n) throw new MoneyParseError(String(value), 'negative');
    return price;
  } catch {
    ctx.addIssue({ code: 'custom', message: 'expected a non-negative USD decimal string, e.g. "0.0000002"' });
    return z.NEVER;
  }
});

export const providerEntrySchema = z
  .object({
    slug: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'expected a slug: lowercase letters, digits and dashes'),
    name: z.string().trim().min(1).max(200),
    family: z.enum(['openai', 'anthropic', 'gemini']),
    baseUrl: httpUrl,
    /** The environment variable holding the API key; null: the server needs none. */
    credentialEnv: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,127}$/, 'expected an environment variable name, e.g. VLLM_API_KEY').nullable(),
    extraHeaders: extraHeaders.nullable(),
    dialect: dialectSchema.nullable(),
    dataPolicy: z
      .object({ trainsOnData: z.boolean(), retainsPrompts: z.boolean(), retentionDays: z.number().int().min(0).nullable(), zdr: z.boolean() })
      .partial()
      .strict(),
    privacyPolicyUrl: httpUrl.nullable(),
    termsOfServiceUrl: httpUrl.nullable(),
    statusPageUrl: httpUrl.nullable(),
  })
  .partial()
  .required({ slug: true })
  .strict();

const MODALITIES = ['text', 'image', 'file', 'audio', 'video'] as const;

export const modelEntrySchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9._-]*\/[a-z0-9][a-z0-9._:-]*$/, 'expected author/slug, e.g. acme/llama-ft'),
    name: z.string().trim().min(1).max(200),
    description: z.string().max(10_000),
    canonicalSlug: z.string().min(1).max(200),
    contextLength: z.number().int().positive(),
    inputModalities: z.array(z.enum(MODALITIES)).min(1),
    outputModalities: z.array(z.enum(['text', 'image', 'audio'])).min(1),
    tokenizer: z.string().min(1).max(64),
    instructType: z.string().max(64).nullable(),
    isModerated: z.boolean(),
    /** Release time, unix seconds (OpenRouter's `created`). */
    created: z.number().int().positive(),
  })
  .partial()
  .required({ id: true })
  .strict();

export const pricingEntrySchema = z.object(Object.fromEntries(PRICE_FIELDS.map((f) => [f, priceSchema])) as Record<PriceField, typeof priceSchema>).partial().strict();

export const endpointEntrySchema = z
  .object({
    model: z.string().min(1).max(200),
    provider: z.string().min(1).max(64),
    providerModelId: z.string().min(1).max(200),
    contextLength: z.number().int().positive(),
    maxCompletionTokens: z.number().int().positive().nullable(),
    quantization: z.enum(['int4', 'int8', 'fp4', 'fp6', 'fp8', 'fp16', 'bf16', 'fp32', 'unknown']),
    supportedParameters: z.array(z.string().regex(/^[a-z_]{1,64}$/)).max(100),
    pricing: pricingEntrySchema,
  })
  .partial()
  .required({ model: true, provider: true })
  .strict();

export type ProviderEntry = z.infer<typeof providerEntrySchema>;
export type ModelEntry = z.infer<typeof modelEntrySchema>;
export type EndpointEntry = z.infer<typeof endpointEntrySchema>;

/** A field a new row must be given. */
export interface MissingField {
  field: string;
  message: string;
}
export type Merged<T> = { ok: true; row: T } | { ok: false; missing: MissingField[] };

const need = <K extends string>(entry: Partial<Record<K, unknown>>, base: unknown, fields: readonly K[], what: string): MissingField[] =>
  base ? [] : fields.filter((f) => entry[f] === undefined).map((field) => ({ field, message: `${field} is required for a new ${what}` }));

const defined = <T extends object>(o: T): Partial<T> => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;

export function mergeProvider(entry: ProviderEntry, base: ProviderRow | null): Merged<ProviderRow> {
  const missing = need(entry, base, ['name', 'family', 'baseUrl'] as const, 'provider');
  if (missing.length) return { ok: false, missing };
  const { dataPolicy, ...fields } = entry;
  const start: ProviderRow = base ?? {
    slug: entry.slug, name: '', family: 'openai', baseUrl: '', privacyPolicyUrl: null, termsOfServiceUrl: null, statusPageUrl: null,
    // Nothing is claimed about a server the catalog knows nothing of, except that it is not known to train.
    trainsOnData: false, retainsPrompts: false, retentionDays: null, zdr: false,
    credentialEnv: null, extraHeaders: null, dialect: null,
  };
  return { ok: true, row: { ...start, ...defined(fields), ...defined(dataPolicy ?? {}) } };
}

export function mergeModel(entry: ModelEntry, base: ModelRow | null, releasedAt: Date): Merged<ModelRow> {
  const missing = need(entry, base, ['name', 'contextLength'] as const, 'model');
  if (missing.length) return { ok: false, missing };
  const { created, ...fields } = entry;
  const start: ModelRow = base ?? {
    id: entry.id, canonicalSlug: entry.id, name: '', description: '', contextLength: 0, inputModalities: ['text'], outputModalities: ['text'],
    tokenizer: 'Other', instructType: null, isModerated: false, releasedAt,
  };
  return { ok: true, row: { ...start, ...defined(fields), ...(created !== undefined ? { releasedAt: new Date(created * 1000) } : {}) } };
}

/** What an OpenAI-compatible server is assumed to accept when an entry does not list its parameters. */
export const DEFAULT_SUPPORTED_PARAMETERS = ['max_tokens', 'temperature', 'top_p', 'stop', 'seed', 'frequency_penalty', 'presence_penalty', 'tools', 'tool_choice', 'response_format'];

export function mergeEndpoint(entry: EndpointEntry, base: EndpointRow | null, model: ModelRow | null): Merged<EndpointRow> {
  const missing = need(entry, base, ['providerModelId'] as const, 'endpoint');
  if (!base) {
    for (const field of ['prompt', 'completion'] as const) {
      if (entry.pricing?.[field] === undefined) missing.push({ field: `pricing.${field}`, message: `pricing.${field} is required for a new endpoint ("0" for free)` });
    }
  }
  if (missing.length) return { ok: false, missing };
  const { pricing, ...fields } = entry;
  const zero = 0n as Money;
  const start: EndpointRow = base ?? {
    model: entry.model, provider: entry.provider, providerModelId: '', contextLength: model?.contextLength ?? 0, maxCompletionTokens: null,
    quantization: 'unknown', supportedParameters: DEFAULT_SUPPORTED_PARAMETERS,
    pricing: Object.fromEntries(PRICE_FIELDS.map((f) => [f, zero])) as EndpointRow['pricing'],
  };
  return { ok: true, row: { ...start, ...defined(fields), pricing: { ...start.pricing, ...defined(pricing ?? {}) } } };
}

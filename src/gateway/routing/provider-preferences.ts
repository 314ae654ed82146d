import { z } from 'zod';
import { parseUsd, type Money } from '../../core/billing/money.js';
import type { ProviderPreferences, Quantization } from '../../core/routing/index.js';

const QUANTIZATIONS = ['int4', 'int8', 'fp4', 'fp6', 'fp8', 'fp16', 'bf16', 'fp32', 'unknown'] as const satisfies readonly Quantization[];
// Slugs or display names, any case ("deepinfra", "DeepInfra"): resolved against the catalog when routed.
const providerList = z.array(z.string().trim().min(1).max(64)).max(50);

// OpenRouter sends prices as numbers or strings; both are read through their decimal text, never as floats.
const usd = z.union([z.number().nonnegative(), z.string()]).transform((v, ctx): Money => {
  try {
    return parseUsd(typeof v === 'number' ? String(v) : v);
  } catch {
    ctx.addIssue({ code: 'custom', message: 'expected a non-negative USD amount' });
    return z.NEVER;
  }
});

const percentileTarget = z.union([
  z.number().positive(),
  z.object({ p50: z.number().positive(), p75: z.number().positive(), p90: z.number().positive(), p99: z.number().positive() }).partial(),
]);

/** The `provider` object of an OpenRouter request (snake_case), validated into ProviderPreferences. */
export const providerPreferencesSchema = z
  .object({
    order: providerList,
    allow_fallbacks: z.boolean(),
    only: providerList,
    ignore: providerList,
    require_parameters: z.boolean(),
    data_collection: z.enum(['allow', 'deny']),
    zdr: z.boolean(),
    quantizations: z.array(z.enum(QUANTIZATIONS)).max(QUANTIZATIONS.length),
    sort: z.union([
      z.enum(['price', 'throughput', 'latency']).transform((by) => ({ by, partition: 'model' as const })),
      z.object({ by: z.enum(['price', 'throughput', 'latency']), partition: z.enum(['model', 'none']).default('model') }),
    ]),
    max_price: z.object({ prompt: usd, completion: usd, request: usd, image: usd }).partial(),
    preferred_min_throughput: percentileTarget,
    preferred_max_latency: percentileTarget,
  })
  .partial()
  .strict()
  .transform(
    (p): ProviderPreferences => ({
      ...(p.order ? { order: p.order } : {}),
      ...(p.allow_fallbacks !== undefined ? { allowFallbacks: p.allow_fallbacks } : {}),
      ...(p.only ? { only: p.only } : {}),
      ...(p.ignore ? { ignore: p.ignore } : {}),
      ...(p.require_parameters !== undefined ? { requireParameters: p.require_parameters } : {}),
      ...(p.data_collection ? { dataCollection: p.data_collection } : {}),
      ...(p.zdr !== undefined ? { zdr: p.zdr } : {}),
      ...(p.quantizations ? { quantizations: p.quantizations } : {}),
      ...(p.sort ? { sort: p.sort } : {}),
      ...(p.max_price ? { maxPrice: p.max_price } : {}),
      ...(p.preferred_min_throughput !== undefined ? { preferredMinThroughput: p.preferred_min_throughput } : {}),
      ...(p.preferred_max_latency !== undefined ? { preferredMaxLatency: p.preferred_max_latency } : {}),
    }),
  );

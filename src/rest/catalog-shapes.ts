import { formatUsd } from '../core/billing/money.js';
import type { Endpoint, Model, Pricing, Provider } from '../persistence/entities/index.js';
import type { EndpointHealthSnapshot } from '../core/health/index.js';

/** Maps catalog entities to OpenRouter's REST JSON (snake_case, prices as decimal strings). */
export const pricingJson = (p: Pricing) => ({
  prompt: formatUsd(p.prompt),
  completion: formatUsd(p.completion),
  request: formatUsd(p.request),
  image: formatUsd(p.image),
  web_search: formatUsd(p.webSearch),
  internal_reasoning: formatUsd(p.internalReasoning),
  input_cache_read: formatUsd(p.inputCacheRead),
  input_cache_write: formatUsd(p.inputCacheWrite),
});

const architectureJson = (m: Model) => ({
  modality: `${m.inputModalities.join('+')}->${m.outputModalities.join('+')}`,
  input_modalities: m.inputModalities,
  output_modalities: m.outputModalities,
  tokenizer: m.tokenizer,
  instruct_type: m.instructType,
});

const modelHeaderJson = (m: Model) => ({
  id: m.id,
  canonical_slug: m.canonicalSlug,
  name: m.name,
  created: Math.floor(m.releasedAt.getTime() / 1000),
  description: m.description,
  context_length: m.contextLength,
  architecture: architectureJson(m),
});

/**
 * A model in `/api/v1/models`. Its pricing and `top_provider` are those of its cheapest endpoint (the
 * one default load balancing favours); `supported_parameters` is the union over its endpoints.
 * `endpoints` must be non-empty and sorted cheapest first.
 */
export function modelJson(m: Model, endpoints: Endpoint[]) {
  const top = endpoints[0]!;
  return {
    ...modelHeaderJson(m),
    pricing: pricingJson(top.pricing),
    top_provider: {
      context_length: top.contextLength,
      max_completion_tokens: top.maxCompletionTokens,
      is_moderated: m.isModerated,
    },
    per_request_limits: null,
    supported_parameters: [...new Set(endpoints.flatMap((e) => e.supportedParameters))].sort(),
  };
}

const endpointStatusCode = { active: 0, degraded: -1, disabled: -5 } as const;

export function endpointJson(m: Model, e: Endpoint, provider: Provider, health?: EndpointHealthSnapshot) {
  return {
    name: `${provider.name} | ${m.id}`,
    model_name: m.name,
    provider_name: provider.name,
    tag: provider.slug,
    context_length: e.contextLength,
    max_completion_tokens: e.maxCompletionTokens,
    max_prompt_tokens: null,
    quantization: e.quantization,
    pricing: pricingJson(e.pricing),
    supported_parameters: e.supportedParameters,
    status: endpointStatusCode[e.status as keyof typeof endpointStatusCode],
    // Measured by this instance; null until enough requests were seen. Uptime in percent like OpenRouter.
    uptime_last_30m: health?.windows['30m'].uptime === undefined ? null : Math.round(health.windows['30m'].uptime * 10_000) / 100,
    latency_last_30m: health?.performance['30m'].latencySeconds ?? null,
    throughput_last_30m: health?.performance['30m'].throughput ?? null,
  };
}

export function modelWithEndpointsJson(m: Model, endpoints: { endpoint: Endpoint; provider: Provider; health?: EndpointHealthSnapshot | undefined }[]) {
  return { ...modelHeaderJson(m), endpoints: endpoints.map(({ endpoint, provider, health }) => endpointJson(m, endpoint, provider, health)) };
}

export const providerJson = (p: Provider) => ({
  name: p.name,
  slug: p.slug,
  privacy_policy_url: p.privacyPolicyUrl,
  terms_of_service_url: p.termsOfServiceUrl,
  status_page_url: p.statusPageUrl,
});

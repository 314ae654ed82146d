import { compare, times, type Money } from '../billing/money.js';
import type { EndpointHealthView, ExclusionReason, ProviderPreferences, RoutableEndpoint, RoutingRequest } from './types.js';

/** Parameters no endpoint may silently drop: without them the answer is a different kind of answer. */
const ESSENTIAL_PARAMETERS: ReadonlySet<string> = new Set(['tools', 'tool_choice', 'response_format', 'structured_outputs']);

const missingFrom = (wanted: readonly string[], have: ReadonlySet<string>) => wanted.filter((p) => !have.has(p));

const exceeds = (price: Money, max: Money | undefined): max is Money => max !== undefined && compare(price, max) > 0;

/**
 * Why an endpoint cannot serve this request, or null when it can. Checks run from the user's explicit
 * provider choices to request fit, so the reported reason is the one a user most likely wants to see.
 */
export function exclusionReason(
  e: RoutableEndpoint,
  request: RoutingRequest,
  prefs: ProviderPreferences,
  health: EndpointHealthView | undefined,
): ExclusionReason | null {
  if (e.status === 'disabled') return { code: 'endpoint_disabled' };
  if (prefs.only && !prefs.only.includes(e.providerSlug)) return { code: 'not_in_only', only: prefs.only };
  if (prefs.ignore?.includes(e.providerSlug)) return { code: 'ignored' };
  if (prefs.quantizations?.length && !prefs.quantizations.includes(e.quantization)) {
    return { code: 'quantization', quantization: e.quantization, allowed: prefs.quantizations };
  }
  if (prefs.dataCollection === 'deny' && e.dataPolicy.trainsOnData) return { code: 'data_collection' };
  if (prefs.zdr && !e.dataPolicy.zdr) return { code: 'zdr' };

  const required = prefs.requireParameters
    ? request.usedParameters
    : request.usedParameters.filter((p) => ESSENTIAL_PARAMETERS.has(p));
  const missing = missingFrom(required, e.supportedParameters);
  if (missing.length) return { code: 'missing_parameters', missing };
  const missingModalities = missingFrom(request.inputModalities, e.inputModalities);
  if (missingModalities.length) return { code: 'input_modality', missing: missingModalities };

  const needed = request.promptTokens + (request.maxTokens ?? 0);
  if (needed > e.contextLength) return { code: 'context_length', needed, available: e.contextLength };
  if (request.maxTokens !== null && e.maxCompletionTokens !== null && request.maxTokens > e.maxCompletionTokens) {
    return { code: 'max_completion_tokens', requested: request.maxTokens, limit: e.maxCompletionTokens };
  }

  const max = prefs.maxPrice;
  if (max) {
    // Caps on prompt/completion are per million tokens: scale the per-token price up, never divide.
    const promptPerMillion = times(e.pricing.prompt, 1_000_000);
    if (exceeds(promptPerMillion, max.prompt)) return { code: 'max_price', field: 'prompt', price: promptPerMillion, max: max.prompt, perMillion: true };
    const completionPerMillion = times(e.pricing.completion, 1_000_000);
    if (exceeds(completionPerMillion, max.completion)) return { code: 'max_price', field: 'completion', price: completionPerMillion, max: max.completion, perMillion: true };
    if (exceeds(e.pricing.request, max.request)) return { code: 'max_price', field: 'request', price: e.pricing.request, max: max.request, perMillion: false };
    if (request.inputModalities.includes('image') && exceeds(e.pricing.image, max.image)) {
      return { code: 'max_price', field: 'image', price: e.pricing.image, max: max.image, perMillion: false };
    }
  }

  if (health?.breaker === 'open') return { code: 'circuit_open' };
  return null;
}

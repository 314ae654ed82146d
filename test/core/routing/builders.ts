import { parseUsd, usdPerMillionToPerToken } from '../../../src/core/billing/money.js';
import { buildRoutingCatalog, type EndpointRecord } from '../../../src/core/routing/catalog.js';
import type { EndpointHealthView, HealthView, PlanInputs } from '../../../src/core/routing/index.js';
import type { RoutingRequest } from '../../../src/core/routing/types.js';

/** An endpoint record with sensible defaults; prices in USD per million tokens for readability. */
export function endpoint(
  provider: string,
  opts: Partial<Omit<EndpointRecord, 'pricing'>> & { promptPerM?: string; completionPerM?: string; requestUsd?: string } = {},
): EndpointRecord {
  const { promptPerM = '1', completionPerM = '1', requestUsd = '0', ...rest } = opts;
  return {
    id: `${rest.modelId ?? 'meta/llama'}@${provider}`,
    modelId: 'meta/llama',
    providerSlug: provider,
    contextLength: 131_072,
    maxCompletionTokens: null,
    quantization: 'fp16',
    supportedParameters: ['max_tokens', 'temperature', 'tools', 'tool_choice', 'response_format', 'seed'],
    inputModalities: ['text'],
    status: 'active',
    dataPolicy: { trainsOnData: false, zdr: false },
    pricing: { prompt: usdPerMillionToPerToken(promptPerM), completion: usdPerMillionToPerToken(completionPerM), request: parseUsd(requestUsd), image: parseUsd('0') },
    ...rest,
  };
}

export function routingRequest(overrides: Partial<RoutingRequest> = {}): RoutingRequest {
  return {
    models: ['meta/llama'],
    provider: {},
    usedParameters: [],
    inputModalities: [],
    promptTokens: 100,
    maxTokens: null,
    stickyKey: null,
    ...overrides,
  };
}

export const healthOf = (views: Record<string, EndpointHealthView> = {}): HealthView => ({ of: (id) => views[id] });

/** A deterministic uniform sequence (mulberry32) so load-balanced plans are reproducible. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function inputs(records: EndpointRecord[], overrides: Partial<Omit<PlanInputs, 'request'>> & { request?: Partial<RoutingRequest> } = {}): PlanInputs {
  const { request, ...rest } = overrides;
  return {
    catalog: buildRoutingCatalog(records),
    health: healthOf(),
    account: { byokProviders: new Set() },
    sticky: { providerFor: () => undefined },
    random: seededRandom(1),
    ...rest,
    request: routingRequest(request),
  };
}

export const providersOf = (plan: { attempts: { endpoint: { providerSlug: string } }[] }) => plan.attempts.map((a) => a.endpoint.providerSlug);

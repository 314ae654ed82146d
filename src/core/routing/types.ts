import type { Money } from '../billing/money.js';

export type Quantization = 'int4' | 'int8' | 'fp4' | 'fp6' | 'fp8' | 'fp16' | 'bf16' | 'fp32' | 'unknown';

/** Per-token prices for prompt/completion/cache, per-unit for request and image, in pico-dollars. */
export interface EndpointPricing {
  prompt: Money;
  completion: Money;
  request: Money;
  image: Money;
}

/** An endpoint as the planner sees it; built once per catalog version (see buildRoutingCatalog). */
export interface RoutableEndpoint {
  id: string;
  modelId: string;
  providerSlug: string;
  contextLength: number;
  maxCompletionTokens: number | null;
  quantization: Quantization;
  supportedParameters: ReadonlySet<string>;
  inputModalities: ReadonlySet<string>;
  pricing: EndpointPricing;
  status: 'active' | 'degraded' | 'disabled';
  dataPolicy: { trainsOnData: boolean; zdr: boolean };
  /** prompt + completion per token: the price load balancing and `sort: price` use. */
  blendedPrice: Money;
}

export interface RoutingCatalog {
  /** Endpoints of a model, cheapest first; undefined for an unknown model. */
  endpointsOf(modelId: string): readonly RoutableEndpoint[] | undefined;
  /** Every endpoint, for views across models (e.g. live health by provider). */
  all(): readonly RoutableEndpoint[];
}

export type Percentiles = Partial<Record<'p50' | 'p75' | 'p90' | 'p99', number>>;

export interface ProviderPreferences {
  order?: readonly string[];
  /** Default true: other providers may follow `order` (or the first choice when there is no order). */
  allowFallbacks?: boolean;
  only?: readonly string[];
  ignore?: readonly string[];
  requireParameters?: boolean;
  dataCollection?: 'allow' | 'deny';
  zdr?: boolean;
  quantizations?: readonly Quantization[];
  sort?: { by: 'price' | 'throughput' | 'latency'; partition: 'model' | 'none' };
  /** prompt/completion in USD per million tokens, request/image per unit — all as pico-dollars. */
  maxPrice?: Partial<Record<'prompt' | 'completion' | 'request' | 'image', Money>>;
  /** Tokens per second; endpoints below it are tried later, never excluded. */
  preferredMinThroughput?: number | Percentiles;
  /** Seconds to first token; endpoints above it are tried later, never excluded. */
  preferredMaxLatency?: number | Percentiles;
}

/** What routing needs to know about a request (the gateway derives it from the chat request). */
export interface RoutingRequest {
  /** `model` then `models[]`, in order, without duplicates. */
  models: readonly string[];
  provider: ProviderPreferences;
  /** OpenRouter parameter names the request actually uses (tools, response_format, seed…). */
  usedParameters: readonly string[];
  /** Input modalities the messages use beyond text (image, file, audio). */
  inputModalities: readonly string[];
  promptTokens: number;
  maxTokens: number | null;
  stickyKey: string | null;
}

export interface EndpointHealthView {
  /** Significant outage in the last 30 s: load balancing moves it behind the stable endpoints. */
  significantOutage: boolean;
  /** From 30-minute uptime; `fallback_only` (< 80 %) endpoints are only tried after the others. */
  status?: 'unknown' | 'healthy' | 'degraded' | 'fallback_only';
  breaker: 'closed' | 'open' | 'half-open';
  /** Seconds to first token and tokens per second, when measured. */
  latencySeconds?: Percentiles;
  throughput?: Percentiles;
}

export interface HealthView {
  of(endpointId: string): EndpointHealthView | undefined;
}

export interface AccountRouting {
  /** Providers the account has its own (BYOK) key for: their endpoints are tried first. */
  byokProviders: ReadonlySet<string>;
}

export interface StickyView {
  /** The provider this conversation last used for the model, while its memory lasts. */
  providerFor(stickyKey: string, modelId: string): string | undefined;
}

export type ExclusionReason =
  | { code: 'endpoint_disabled' }
  | { code: 'not_in_only'; only: readonly string[] }
  | { code: 'ignored' }
  | { code: 'quantization'; quantization: Quantization; allowed: readonly Quantization[] }
  | { code: 'data_collection' }
  | { code: 'zdr' }
  | { code: 'missing_parameters'; missing: readonly string[] }
  | { code: 'input_modality'; missing: readonly string[] }
  | { code: 'context_length'; needed: number; available: number }
  | { code: 'max_completion_tokens'; requested: number; limit: number }
  | { code: 'max_price'; field: 'prompt' | 'completion' | 'request' | 'image'; price: Money; max: Money; perMillion: boolean }
  | { code: 'circuit_open' }
  | { code: 'fallbacks_disabled' };

export interface Exclusion {
  modelId: string;
  endpointId: string;
  providerSlug: string;
  reason: ExclusionReason;
}

export type AttemptReason =
  | 'byok'
  | 'sticky'
  | 'order'
  | 'sorted'
  | 'weighted_pick'
  | 'price_fallback'
  | 'unstable_fallback';

export interface PlannedAttempt {
  modelId: string;
  endpoint: RoutableEndpoint;
  reason: AttemptReason;
  /** Probability of being the weighted pick, for load-balanced candidates. */
  weight?: number;
}

export type PlanMode = 'load-balanced' | 'ordered' | 'sorted';

export interface Plan {
  mode: PlanMode;
  attempts: PlannedAttempt[];
  excluded: Exclusion[];
  unknownModels: string[];
}

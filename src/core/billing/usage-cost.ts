import { add, compare, max, percentOf, sum, times, ZERO, type Money } from './money.js';

/** Per-token (or per-unit) list prices of the endpoint that served, in pico-dollars. */
export interface BillablePricing {
  prompt: Money;
  completion: Money;
  request: Money;
  image: Money;
  internalReasoning: Money;
  inputCacheRead: Money;
  inputCacheWrite: Money;
}

/** Token counts as the provider reported them, split the way prices are. */
export interface BillableUsage {
  inputUncached: number;
  inputCacheRead: number;
  inputCacheWrite: number;
  outputText: number;
  outputReasoning: number;
  images?: number;
}

export interface CostBreakdown {
  total: Money;
  /** What the cached input would have cost at the full prompt price, minus what it did cost. */
  cacheDiscount: Money;
}

/**
 * The exact cost of a completed request: every token class at its own price, plus the per-request
 * fee. Reasoning tokens are output: billed at `internalReasoning` when the endpoint prices them
 * separately, else at the completion price. No rounding happens anywhere (integer pico-dollars).
 */
export function usageCost(p: BillablePricing, u: BillableUsage): CostBreakdown {
  const reasoningPrice = p.internalReasoning > 0n ? p.internalReasoning : p.completion;
  const total = sum([
    times(p.prompt, u.inputUncached),
    times(p.inputCacheRead, u.inputCacheRead),
    times(p.inputCacheWrite, u.inputCacheWrite),
    times(p.completion, u.outputText),
    times(reasoningPrice, u.outputReasoning),
    times(p.image, u.images ?? 0),
    p.request,
  ]);
  const cacheDiscount = max(ZERO, (times(p.prompt, u.inputCacheRead) - times(p.inputCacheRead, u.inputCacheRead)) as Money);
  return { total, cacheDiscount };
}

/**
 * The most output tokens one endpoint may generate for a request: the client's `max_tokens`, the
 * endpoint's completion limit and the context room left after the prompt bound, whichever is least.
 * The hold covers exactly this many, and it is the output cap sent upstream (reasoning included).
 */
export function outputCap(endpoint: { contextLength: number; maxCompletionTokens: number | null }, promptTokens: number, maxTokens: number | null): number {
  const room = Math.max(0, endpoint.contextLength - promptTokens);
  return Math.min(maxTokens ?? Infinity, endpoint.maxCompletionTokens ?? Infinity, room);
}

export interface ReservationCandidate {
  pricing: Pick<BillablePricing, 'prompt' | 'completion' | 'request' | 'internalReasoning'> & Partial<Pick<BillablePricing, 'inputCacheWrite'>>;
  contextLength: number;
  maxCompletionTokens: number | null;
  /** Share of the price charged on credits, in basis points (a BYOK attempt pays only the BYOK fee); all of it when absent. */
  chargedBasisPoints?: bigint;
}

/** The prompt as the hold sees it: `bound` tokens are priced (no tokenizer counts more), `estimate` sizes the output room. */
export interface PromptSize {
  bound: number;
  estimate: number;
}

/**
 * The most a request can cost on any endpoint it may be sent to: the prompt bound at the dearer of
 * the prompt and cache-write prices, plus every token it may generate (the output cap sent upstream)
 * at the dearer of completion/reasoning price, plus the request fee — maximised over the plan,
 * because failover may land on any of them. The bill can never exceed it.
 */
export function worstCaseCost(candidates: readonly ReservationCandidate[], prompt: PromptSize, maxTokens: number | null): Money {
  let worst = ZERO;
  for (const c of candidates) {
    const outputTokens = outputCap(c, prompt.estimate, maxTokens);
    const outputPrice = compare(c.pricing.internalReasoning, c.pricing.completion) > 0 ? c.pricing.internalReasoning : c.pricing.completion;
    const promptPrice = max(c.pricing.prompt, c.pricing.inputCacheWrite ?? ZERO);
    const listCost = add(add(times(promptPrice, prompt.bound), times(outputPrice, outputTokens)), c.pricing.request);
    const cost = c.chargedBasisPoints === undefined ? listCost : percentOf(listCost, c.chargedBasisPoints, 'up');
    if (cost > worst) worst = cost;
  }
  return worst;
}

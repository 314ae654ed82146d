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

export interface ReservationCandidate {
  pricing: Pick<BillablePricing, 'prompt' | 'completion' | 'request' | 'internalReasoning'>;
  contextLength: number;
  maxCompletionTokens: number | null;
  /** Share of the price charged on credits, in basis points (a BYOK attempt pays only the BYOK fee); all of it when absent. */
  chargedBasisPoints?: bigint;
}

/**
 * The most a request can cost on any endpoint it may be sent to: the prompt estimate at the prompt
 * price, plus every token it may generate at the dearer of completion/reasoning price, plus the
 * request fee — maximised over the plan, because failover may land on any of them.
 */
export function worstCaseCost(candidates: readonly ReservationCandidate[], promptTokens: number, maxTokens: number | null): Money {
  let worst = ZERO;
  for (const c of candidates) {
    const room = Math.max(0, c.contextLength - promptTokens);
    const outputTokens = Math.min(maxTokens ?? c.maxCompletionTokens ?? room, c.maxCompletionTokens ?? room, room);
    const outputPrice = compare(c.pricing.internalReasoning, c.pricing.completion) > 0 ? c.pricing.internalReasoning : c.pricing.completion;
    const listCost = add(add(times(c.pricing.prompt, promptTokens), times(outputPrice, outputTokens)), c.pricing.request);
    const cost = c.chargedBasisPoints === undefined ? listCost : percentOf(listCost, c.chargedBasisPoints, 'up');
    if (cost > worst) worst = cost;
  }
  return worst;
}

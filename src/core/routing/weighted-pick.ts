import type { RoutableEndpoint } from './types.js';

/**
 * Probability of each endpoint being the load-balanced pick: proportional to 1/price² (OpenRouter's
 * rule). Free endpoints, if any, share all the probability; prices are scaled by the cheapest one so
 * the float weights stay well-conditioned (these are odds, not money).
 */
export function pickProbabilities(endpoints: readonly RoutableEndpoint[]): number[] {
  const free = endpoints.map((e) => e.blendedPrice === 0n);
  const freeCount = free.filter(Boolean).length;
  if (freeCount > 0) return free.map((isFree) => (isFree ? 1 / freeCount : 0));
  const cheapest = Number(endpoints.reduce((m, e) => (e.blendedPrice < m ? e.blendedPrice : m), endpoints[0]!.blendedPrice));
  const weights = endpoints.map((e) => (cheapest / Number(e.blendedPrice)) ** 2);
  const total = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => w / total);
}

/** Index drawn from the distribution with one uniform number in [0, 1). */
export function drawIndex(probabilities: readonly number[], uniform: number): number {
  let cumulative = 0;
  for (let i = 0; i < probabilities.length; i++) {
    cumulative += probabilities[i]!;
    if (uniform < cumulative) return i;
  }
  // Rounding can leave the cumulative sum a hair under 1: the last non-zero entry takes the remainder.
  for (let i = probabilities.length - 1; i >= 0; i--) if (probabilities[i]! > 0) return i;
  return 0;
}

import { percentOf, ZERO, type Money } from './money.js';

export interface ByokFeeTerms {
  /** e.g. 500n = 5 % of what the request would have cost on platform credits. */
  basisPoints: bigint;
  /** BYOK requests per calendar month (UTC) that carry no fee. */
  freeRequestsPerMonth: number;
}

/**
 * The fee for one BYOK request: nothing while the account is within its free monthly allowance
 * (`requestsThisMonth` counts earlier BYOK requests), then a percentage of the equivalent price,
 * rounded up to the pico-dollar.
 */
export function byokFee(equivalentCost: Money, requestsThisMonth: number, terms: ByokFeeTerms): Money {
  if (requestsThisMonth < terms.freeRequestsPerMonth) return ZERO;
  return percentOf(equivalentCost, terms.basisPoints, 'up');
}

import { formatUsdFixed, type Money } from '../core/billing/money.js';

/** OpenRouter reports credits as JSON numbers; rounded to 1e-9 USD here, for display only. */
export function displayUsd(m: Money): number;
export function displayUsd(m: Money | null | undefined): number | null;
export function displayUsd(m: Money | null | undefined): number | null {
  return m == null ? null : Number(formatUsdFixed(m, 9));
}

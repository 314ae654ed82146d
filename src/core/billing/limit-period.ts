import { max, sub, ZERO, type Money } from './money.js';

export type LimitReset = 'none' | 'daily' | 'weekly' | 'monthly';

/**
 * Start (UTC) of the key-limit period containing `now`: midnight, Monday midnight or the 1st of the
 * month, as OpenRouter resets them. `none` never resets, so its period starts at the epoch.
 */
export function limitPeriodStart(reset: LimitReset, now: Date): Date {
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth();
  const d = now.getUTCDate();
  switch (reset) {
    case 'none':
      return new Date(0);
    case 'daily':
      return new Date(Date.UTC(y, m, d));
    case 'weekly': {
      const sinceMonday = (now.getUTCDay() + 6) % 7;
      return new Date(Date.UTC(y, m, d - sinceMonday));
    }
    case 'monthly':
      return new Date(Date.UTC(y, m, 1));
  }
}

export interface KeyLimitState {
  limit: Money | null | undefined;
  limitReset: LimitReset;
  periodUsage: Money;
  periodStartedAt: Date;
  /** What generations in flight hold of the limit right now. */
  held: Money;
}

/**
 * What a key may still spend in its current period: limit − usage this period − holds, never
 * below zero; null without a limit. The stored usage counter belongs to an older period when the
 * period rolled over since it was last written (it is reset lazily on the next reservation).
 */
export function limitRemaining(key: KeyLimitState, now: Date): Money | null {
  if (key.limit == null) return null;
  const used = key.periodStartedAt < limitPeriodStart(key.limitReset, now) ? ZERO : key.periodUsage;
  return max(ZERO, sub(sub(key.limit, used), key.held));
}

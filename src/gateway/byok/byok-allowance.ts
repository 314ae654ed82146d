import { limitPeriodStart } from '../../core/billing/limit-period.js';

/**
 * BYOK requests each account made this calendar month (UTC), for the BYOK fee's free allowance: read
 * once per account and month, then counted in memory, so settling a BYOK request needs no query.
 */
export interface ByokAllowance {
  /** Loads the account's count for the month of `now` if it is not known yet (admission of a BYOK request). */
  prepare(accountId: string, now: number): Promise<void>;
  /** BYOK requests before this one this month; then counts this one. Synchronous once prepared. */
  take(accountId: string, now: number): number;
}

export function createByokAllowance(countSince: (accountId: string, since: Date) => Promise<number>, { maxAccounts = 100_000 } = {}): ByokAllowance {
  const counts = new Map<string, { month: number; count: number }>();
  const monthOf = (now: number) => limitPeriodStart('monthly', new Date(now)).getTime();
  return {
    async prepare(accountId, now) {
      const month = monthOf(now);
      if (counts.get(accountId)?.month === month) return;
      const count = await countSince(accountId, new Date(month));
      // Counted while loading (a concurrent settlement): that value already includes ours.
      if (counts.get(accountId)?.month === month) return;
      if (counts.size >= maxAccounts) counts.delete(counts.keys().next().value!);
      counts.set(accountId, { month, count });
    },
    take(accountId, now) {
      const month = monthOf(now);
      const entry = counts.get(accountId);
      const earlier = entry?.month === month ? entry.count : 0;
      counts.set(accountId, { month, count: earlier + 1 });
      return earlier;
    },
  };
}

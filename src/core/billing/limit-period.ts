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

import type { EntityManager } from '@mikro-orm/postgresql';
import { money, negate, type Money } from '../../core/billing/money.js';
import { limitPeriodStart } from '../../core/billing/limit-period.js';

type Row = Record<string, unknown>;
const asMoney = (v: unknown): Money => money(BigInt(String(v ?? 0)));

/** Usage sums for a key and an account (positive amounts). */
export class KeyUsageQueries {
  constructor(private readonly em: EntityManager) {}

  /**
   * Spend of a key since the start of the current day, week and month (UTC), from its generations — the
   * same rows `viewer.usage` aggregates, bucketed by when each request started.
   */
  async usageSince(apiKeyId: string, now: Date): Promise<{ daily: Money; weekly: Money; monthly: Money }> {
    const [day, week, month] = (['daily', 'weekly', 'monthly'] as const).map((p) => limitPeriodStart(p, now)) as [Date, Date, Date];
    const [row] = await this.em.getConnection().execute<Row[]>(
      `select
         coalesce(sum(cost) filter (where created_at >= ?), 0) as daily,
         coalesce(sum(cost) filter (where created_at >= ?), 0) as weekly,
         coalesce(sum(cost) filter (where created_at >= ?), 0) as monthly
       from generation where api_key_id = ? and created_at >= ?`,
      [day, week, month, apiKeyId, week < month ? week : month],
    );
    return { daily: asMoney(row?.daily), weekly: asMoney(row?.weekly), monthly: asMoney(row?.monthly) };
  }

  /** What the key's BYOK requests cost at list price, paid to providers with the account's own keys. */
  async byokUsage(apiKeyId: string): Promise<Money> {
    const [row] = await this.em.getConnection().execute<Row[]>(
      'select coalesce(sum(byok_usage), 0) as total from generation where api_key_id = ? and is_byok',
      [apiKeyId],
    );
    return asMoney(row?.total);
  }

  /** Everything ever credited (grants, purchases, refunds) and everything spent (usage and fees). */
  async accountTotals(accountId: string): Promise<{ credits: Money; usage: Money }> {
    const [row] = await this.em.getConnection().execute<Row[]>(
      `select coalesce(sum(amount) filter (where amount > 0), 0) as credits,
              coalesce(sum(amount) filter (where amount < 0), 0) as spent
       from ledger_entry where account_id = ?`,
      [accountId],
    );
    return { credits: asMoney(row?.credits), usage: negate(asMoney(row?.spent)) };
  }
}

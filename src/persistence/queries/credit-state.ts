import type { EntityManager } from '@mikro-orm/postgresql';
import { money, type Money } from '../../core/billing/money.js';

type Row = Record<string, unknown>;
const asMoney = (v: unknown): Money => money(BigInt(String(v ?? 0)));

/** An account's committed balance (the ledger sum it caches); null for an unknown account. */
export async function committedBalance(em: EntityManager, accountId: string): Promise<Money | null> {
  const [row] = await em.getConnection().execute<Row[]>('select balance from account where id = ?', [accountId]);
  return row ? asMoney(row.balance) : null;
}

/** A key's committed usage in its current limit period, and when that period started. */
export async function committedKeyUsage(em: EntityManager, apiKeyId: string): Promise<{ periodUsage: Money; periodStart: Date } | null> {
  const [row] = await em.getConnection().execute<Row[]>('select period_usage, period_started_at from api_key where id = ?', [apiKeyId]);
  return row ? { periodUsage: asMoney(row.period_usage), periodStart: new Date(String(row.period_started_at)) } : null;
}

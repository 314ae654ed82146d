import type { EntityManager } from '@mikro-orm/postgresql';
import { money, type Money } from '../../core/billing/money.js';

export type UsageGrouping = 'day' | 'hour' | 'model' | 'provider' | 'key';

export interface UsageBucket {
  /** ISO timestamp of the bucket start (day/hour), model id, provider slug or API key id ('' for none). */
  key: string;
  requests: number;
  errors: number;
  promptTokens: number;
  completionTokens: number;
  reasoningTokens: number;
  cachedTokens: number;
  cost: Money;
  byokUsage: Money;
  /** Median time to first token of the requests that measured one. */
  ttftP50Ms: number | null;
}

// Whitelisted expressions only: the grouping never comes from user text.
const GROUP_BY: Record<UsageGrouping, string> = {
  day: `to_char(date_trunc('day', created_at at time zone 'UTC'), 'YYYY-MM-DD"T"00:00:00"Z"')`,
  hour: `to_char(date_trunc('hour', created_at at time zone 'UTC'), 'YYYY-MM-DD"T"HH24:00:00"Z"')`,
  model: `coalesce(model, '')`,
  provider: `coalesce(provider, '')`,
  key: `coalesce(api_key_id::text, '')`,
};

type Row = Record<string, unknown>;

/** Usage analytics from SQL aggregates over the account's generations (index: account_id, created_at). */
export async function usageByBucket(em: EntityManager, accountId: string, from: Date, to: Date, groupBy: UsageGrouping): Promise<UsageBucket[]> {
  const rows = await em.getConnection().execute<Row[]>(
    `select ${GROUP_BY[groupBy]} as bucket,
            count(*) as requests,
            count(*) filter (where status <> 'succeeded') as errors,
            coalesce(sum(tokens_prompt), 0) as prompt,
            coalesce(sum(tokens_completion), 0) as completion,
            coalesce(sum(tokens_reasoning), 0) as reasoning,
            coalesce(sum(tokens_cached), 0) as cached,
            coalesce(sum(cost), 0) as cost,
            coalesce(sum(byok_usage), 0) as byok,
            percentile_disc(0.5) within group (order by ttft_ms) as p50
       from generation
      where account_id = ? and created_at >= ? and created_at < ?
      group by 1
      order by 1`,
    [accountId, from, to],
  );
  return rows.map((r) => ({
    key: String(r.bucket),
    requests: Number(r.requests),
    errors: Number(r.errors),
    promptTokens: Number(r.prompt),
    completionTokens: Number(r.completion),
    reasoningTokens: Number(r.reasoning),
    cachedTokens: Number(r.cached),
    cost: money(BigInt(String(r.cost))),
    byokUsage: money(BigInt(String(r.byok))),
    ttftP50Ms: r.p50 === null || r.p50 === undefined ? null : Number(r.p50),
  }));
}

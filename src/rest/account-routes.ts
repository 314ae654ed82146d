import { Hono } from 'hono';
import type { EntityManager } from '@mikro-orm/postgresql';
import { formatUsdFixed, max, sub, ZERO, type Money } from '../core/billing/money.js';
import { limitPeriodStart } from '../core/billing/limit-period.js';
import { AccountSchema, ApiKeySchema } from '../persistence/entities/index.js';
import { KeyUsageQueries } from '../persistence/repositories/key-usage.js';
import type { Authenticator } from '../gateway/auth/authenticator.js';
import { requireKey, type AuthEnv } from './auth.js';

/** OpenRouter reports credits as JSON numbers; they are rounded here for display only. */
const usd = (m: Money): number => Number(formatUsdFixed(m, 9));

/** `GET /api/v1/key` and `GET /api/v1/credits` for the calling key. */
export function accountRoutes(em: EntityManager, auth: Authenticator): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  const keyed = requireKey(auth);

  app.get('/key', keyed, async (c) => {
    const principal = c.get('principal');
    const fork = em.fork();
    const key = await fork.findOneOrFail(ApiKeySchema, { id: principal.key.id });
    const now = new Date();
    const usage = await new KeyUsageQueries(fork).usageSince(key.id, now);
    const periodUsage = key.periodStartedAt < limitPeriodStart(key.limitReset, now) ? ZERO : key.periodUsage;
    return c.json({
      data: {
        label: key.prefix,
        name: key.name,
        limit: key.limit == null ? null : usd(key.limit),
        limit_remaining: key.limit == null ? null : usd(max(ZERO, sub(sub(key.limit, periodUsage), key.reserved))),
        limit_reset: key.limitReset === 'none' ? null : key.limitReset,
        include_byok_in_limit: key.includeByokInLimit,
        usage: usd(key.usage),
        usage_daily: usd(usage.daily),
        usage_weekly: usd(usage.weekly),
        usage_monthly: usd(usage.monthly),
        byok_usage: 0,
        is_free_tier: false,
        expires_at: key.expiresAt?.toISOString() ?? null,
      },
    });
  });

  app.get('/credits', keyed, async (c) => {
    const fork = em.fork();
    const account = await fork.findOneOrFail(AccountSchema, { id: c.get('principal').accountId });
    const totals = await new KeyUsageQueries(fork).accountTotals(account.id);
    return c.json({ data: { total_credits: usd(totals.credits), total_usage: usd(totals.usage) } });
  });
  return app;
}

import { Hono } from 'hono';
import type { EntityManager } from '@mikro-orm/postgresql';
import { limitRemaining } from '../core/billing/limit-period.js';
import { accountQueries } from '../persistence/queries/account-queries.js';
import { KeyUsageQueries } from '../persistence/queries/key-usage.js';
import type { Authenticator } from '../gateway/auth/authenticator.js';
import type { Reservations } from '../gateway/billing/reservations.js';
import { requireKey, type AuthEnv } from './auth.js';
import { displayUsd } from './display-usd.js';

/** `GET /api/v1/key` and `GET /api/v1/credits` for the calling key. */
export function accountRoutes(em: EntityManager, auth: Authenticator, reservations: Reservations): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  const keyed = requireKey(auth);

  app.get('/key', keyed, async (c) => {
    const principal = c.get('principal');
    const fork = em.fork();
    const key = (await accountQueries(fork).key(principal.accountId, principal.key.id))!;
    const now = new Date();
    const queries = new KeyUsageQueries(fork);
    const [usage, byokUsage] = await Promise.all([queries.usageSince(key.id, now), queries.byokUsage(key.id)]);
    return c.json({
      data: {
        label: key.prefix,
        name: key.name,
        limit: key.limit == null ? null : displayUsd(key.limit),
        limit_remaining: displayUsd(limitRemaining({ ...key, held: (await reservations.held(principal.accountId, key.id)).key }, now)),
        limit_reset: key.limitReset === 'none' ? null : key.limitReset,
        include_byok_in_limit: key.includeByokInLimit,
        usage: displayUsd(key.usage),
        usage_daily: displayUsd(usage.daily),
        usage_weekly: displayUsd(usage.weekly),
        usage_monthly: displayUsd(usage.monthly),
        byok_usage: displayUsd(byokUsage),
        is_free_tier: false,
        expires_at: key.expiresAt?.toISOString() ?? null,
      },
    });
  });

  app.get('/credits', keyed, async (c) => {
    const fork = em.fork();
    const account = (await accountQueries(fork).account(c.get('principal').accountId))!;
    const totals = await new KeyUsageQueries(fork).accountTotals(account.id);
    return c.json({ data: { total_credits: displayUsd(totals.credits), total_usage: displayUsd(totals.usage) } });
  });
  return app;
}

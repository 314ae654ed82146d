import { Hono } from 'hono';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Authenticator } from '../gateway/auth/authenticator.js';
import type { Logger } from '../logger.js';
import type { HealthStore } from '../core/health/index.js';
import { errorResponse } from './errors.js';
import { safeError } from '../logger.js';
import { catalogRoutes } from './catalog-routes.js';
import { accountRoutes } from './account-routes.js';
import { keyRoutes } from './key-routes.js';
import { completionRoutes } from './completion-routes.js';
import type { GenerationDeps } from '../gateway/generation/generation-deps.js';
import type { GenerationReader } from '../persistence/queries/generation-reader.js';
import type { Metrics } from '../observability/metrics.js';
import type { RateLimitObserver } from '../gateway/rate-limit/observed-rate-limiter.js';
import { rateLimitHeaders } from './rate-limit-headers.js';
import type { AccountManagement } from '../gateway/accounts/manage-accounts.js';
import { tenantRoutes } from './tenant-routes.js';

export interface RestDeps {
  em: EntityManager;
  auth: Authenticator;
  health: HealthStore;
  logger: Logger;
  completions: () => GenerationDeps;
  generationReader: GenerationReader;
  sseKeepAliveMs: number;
  metrics: Metrics;
  /** Reports the per-key limiter's decision for each inference request (X-RateLimit-* headers). */
  rateLimits: RateLimitObserver;
  accounts: AccountManagement;
  isDatabaseReachable(): Promise<boolean>;
}

/** The OpenRouter-compatible REST surface under /api/v1, plus liveness/readiness probes. */
export function createRestApp(deps: RestDeps): Hono {
  const app = new Hono();
  app.get('/health', (c) => c.json({ status: 'ok' }));
  // For Prometheus inside the deployment: counts and histograms only, no accounts, keys or prompts.
  app.get('/metrics', async (c) => {
    const { contentType, body } = await deps.metrics.scrape();
    return c.body(body, 200, { 'content-type': contentType });
  });
  app.get('/ready', async (c) =>
    (await deps.isDatabaseReachable()) ? c.json({ status: 'ready' }) : errorResponse(c, 503, 'Database is not reachable'),
  );
  app.route('/api/v1', catalogRoutes(deps.em, deps.health));
  app.route('/api/v1', accountRoutes(deps.em, deps.auth));
  app.route('/api/v1', keyRoutes(deps.em, deps.auth));
  app.route('/api/v1', tenantRoutes(deps.accounts, deps.auth));
  app.use('/api/v1/chat/completions', rateLimitHeaders(deps.rateLimits));
  app.route('/api/v1', completionRoutes({ pipeline: deps.completions, generations: deps.generationReader, auth: deps.auth, keepAliveMs: deps.sseKeepAliveMs }));

  app.notFound((c) => errorResponse(c, 404, `No route for ${c.req.method} ${c.req.path}`));
  app.onError((err, c) => {
    deps.logger.error({ err: safeError(err), path: c.req.path }, 'REST handler failed');
    return errorResponse(c, 500, 'Internal server error');
  });
  return app;
}

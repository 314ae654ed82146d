import { Hono } from 'hono';
import type { EntityManager } from '@mikro-orm/postgresql';
import { CatalogRepository } from '../persistence/queries/catalog-queries.js';
import type { HealthStore } from '../core/health/index.js';
import { errorResponse } from './errors.js';
import { modelJson, modelWithEndpointsJson, providerJson } from './catalog-shapes.js';

const MAX_PARAMETERS = 20;

/** OpenRouter's public catalog: models, a model's endpoints, providers. */
export function catalogRoutes(em: EntityManager, health: HealthStore): Hono {
  const app = new Hono();
  const catalog = () => new CatalogRepository(em.fork());

  app.get('/models', async (c) => {
    const raw = c.req.query('supported_parameters');
    const supportedParameters = raw ? raw.split(',').map((s) => s.trim()).filter(Boolean) : [];
    if (supportedParameters.length > MAX_PARAMETERS) {
      return errorResponse(c, 400, `supported_parameters accepts at most ${MAX_PARAMETERS} names`);
    }
    const repo = catalog();
    const models = await repo.findModels({ supportedParameters }, 'NEWEST', 0, 10_000);
    const endpoints = await repo.findEndpointsOfModels(models.map((m) => m.id));
    return c.json({
      data: models.map((m) => modelJson(m, endpoints.filter((e) => e.model.id === m.id))),
    });
  });

  app.get('/models/:author/:slug/endpoints', async (c) => {
    const id = `${c.req.param('author')}/${c.req.param('slug')}`;
    const repo = catalog();
    const [model] = await repo.findModelsByIds([id]);
    if (!model) return errorResponse(c, 404, `Model ${id} not found`, { model: id });
    const endpoints = await repo.findEndpointsOfModels([id]);
    const providers = new Map((await repo.findProvidersBySlugs(endpoints.map((e) => e.provider.slug))).map((p) => [p.slug, p]));
    const snapshots = await health.snapshotMany(endpoints.map((e) => e.id), Date.now());
    return c.json({
      data: modelWithEndpointsJson(
        model,
        endpoints.map((endpoint) => ({ endpoint, provider: providers.get(endpoint.provider.slug)!, health: snapshots.get(endpoint.id) })),
      ),
    });
  });

  app.get('/providers', async (c) => c.json({ data: (await catalog().findProviders()).map(providerJson) }));
  return app;
}

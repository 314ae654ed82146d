import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseTargets } from '../support/databases.js';
import { startTestApp, type RunningApp } from '../support/app.js';

const PRICE = /^\d+(\.\d{1,12})?$/;
const PRICE_KEYS = ['prompt', 'completion', 'request', 'image', 'web_search', 'internal_reasoning', 'input_cache_read', 'input_cache_write'];

interface ModelJson {
  id: string;
  pricing: Record<string, string>;
  supported_parameters: string[];
  top_provider: { context_length: number };
  architecture: { input_modalities: string[] };
}

describe.each(await databaseTargets())('REST catalog on $name', (target) => {
  let running: RunningApp;
  beforeAll(async () => {
    running = await startTestApp(target);
  });
  afterAll(() => running?.stop());

  const get = async (path: string) => {
    const res = await fetch(`${running.url}${path}`);
    return { status: res.status, body: (await res.json()) as any };
  };

  it('lists models in OpenRouter shape with exact price strings', async () => {
    const { status, body } = await get('/api/v1/models');
    expect(status).toBe(200);
    const models = body.data as ModelJson[];
    expect(models.length).toBeGreaterThanOrEqual(15);
    for (const m of models) {
      expect(m.id).toMatch(/^[a-z0-9-]+\/[a-z0-9.:-]+$/);
      expect(Object.keys(m.pricing).sort()).toEqual([...PRICE_KEYS].sort());
      for (const price of Object.values(m.pricing)) expect(price).toMatch(PRICE);
      expect(m.top_provider.context_length).toBeGreaterThan(0);
      expect(m.architecture.input_modalities).toContain('text');
    }
    const gpt4o = models.find((m) => m.id === 'openai/gpt-4o')!;
    expect(gpt4o.pricing.prompt).toBe('0.0000025');
    expect(gpt4o.pricing.completion).toBe('0.00001');
  });

  it('filters models by supported_parameters', async () => {
    const all = (await get('/api/v1/models')).body.data as ModelJson[];
    const { body } = await get('/api/v1/models?supported_parameters=tools,response_format');
    const filtered = body.data as ModelJson[];
    expect(filtered.length).toBeGreaterThan(0);
    expect(filtered.length).toBeLessThan(all.length);
    for (const m of filtered) expect(m.supported_parameters).toEqual(expect.arrayContaining(['tools', 'response_format']));
  });

  it('lists the endpoints of an open-weight model across providers', async () => {
    const { status, body } = await get('/api/v1/models/meta-llama/llama-3.3-70b-instruct/endpoints');
    expect(status).toBe(200);
    const endpoints = body.data.endpoints as { tag: string; quantization: string; pricing: { prompt: string } }[];
    expect(body.data.id).toBe('meta-llama/llama-3.3-70b-instruct');
    expect(new Set(endpoints.map((e) => e.tag)).size).toBeGreaterThanOrEqual(3);
    expect(new Set(endpoints.map((e) => e.pricing.prompt)).size).toBeGreaterThanOrEqual(2);
    expect(new Set(endpoints.map((e) => e.quantization)).size).toBeGreaterThanOrEqual(2);
  });

  it('answers an unknown model or route with an OpenRouter-shaped 404', async () => {
    const missing = await get('/api/v1/models/nobody/nothing/endpoints');
    expect(missing).toEqual({ status: 404, body: { error: { code: 404, message: expect.stringContaining('nobody/nothing'), metadata: { model: 'nobody/nothing' } } } });
    const route = await get('/api/v1/nope');
    expect(route.status).toBe(404);
    expect(route.body.error.code).toBe(404);
  });

  it('lists providers and reports liveness and readiness', async () => {
    const providers = (await get('/api/v1/providers')).body.data as { slug: string; privacy_policy_url: string }[];
    expect(providers.map((p) => p.slug)).toEqual(expect.arrayContaining(['openai', 'anthropic', 'google', 'groq']));
    expect(await get('/health')).toEqual({ status: 200, body: { status: 'ok' } });
    expect(await get('/ready')).toEqual({ status: 200, body: { status: 'ready' } });
  });
});

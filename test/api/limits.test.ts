import { loadConfig } from '../../src/config.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseTargets } from '../support/databases.js';
import { startTestApp, type RunningApp } from '../support/app.js';

const post = async (url: string, query: string) => {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  return { status: res.status, body: (await res.json()) as { data?: unknown; errors?: { message: string }[] } };
};

// Limits do not depend on the database; the embedded one is enough.
const [pglite] = await databaseTargets();

describe('GraphQL abuse limits', () => {
  let running: RunningApp;
  beforeAll(async () => {
    running = await startTestApp(pglite!, { graphql: { ...loadConfig({}).graphql, maxDepth: 6, maxCost: 5_000, anonymousMaxCost: 5_000, maxAliases: 5_000, maxTokens: 100_000, maxDocumentLength: 1_000_000 } });
  });
  afterAll(() => running?.stop());

  it('rejects a query nested deeper than the limit with a clear error, before touching the database', async () => {
    running.queries.length = 0;
    const deep = '{ models { edges { node { endpoints { model { endpoints { model { endpoints { provider { slug } } } } } } } } } }';
    const { body } = await post(running.url, deep);
    expect(body.data).toBeUndefined();
    expect(body.errors?.[0]?.message).toMatch(/depth limit/i);
    expect(running.queries).toHaveLength(0);
  });

  it('rejects a query whose cost exceeds the limit', async () => {
    const aliases = Array.from({ length: 2_000 }, (_, i) => `a${i}: providers { slug name family }`).join(' ');
    const { body } = await post(running.url, `{ ${aliases} }`);
    expect(body.errors?.[0]?.message).toMatch(/cost limit/i);
  });

  it('accepts an ordinary query within both limits', async () => {
    const { status, body } = await post(running.url, '{ providers { slug } }');
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
  });
});

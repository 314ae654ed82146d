import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureConsoleBuilt } from '../../scripts/build-console.js';
import { CONSOLE_DIST_DIR, createConsoleSite } from '../../src/transport/console-site.js';
import { databaseTargets } from '../support/databases.js';
import { startTestApp, type RunningApp } from '../support/app.js';

const [pglite] = await databaseTargets();

describe('the console, served by the API server', () => {
  let running: RunningApp;
  beforeAll(async () => {
    await ensureConsoleBuilt({ log: () => {} });
    running = await startTestApp(pglite!);
  }, 120_000);
  afterAll(() => running?.stop());

  it('serves the built app at / and for its client-side routes, with a same-origin-only CSP', async () => {
    const index = await readFile(join(CONSOLE_DIST_DIR, 'index.html'), 'utf8');
    for (const path of ['/', '/catalog', '/models/openai/gpt-4o', '/activity/gen-123?x=1']) {
      const res = await fetch(`${running.url}${path}`);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/text\/html/);
      expect(res.headers.get('content-security-policy')).toMatch(/default-src 'self'; connect-src 'self'/);
      expect(await res.text()).toBe(index);
    }
  });

  it('serves hashed assets for good and answers a missing one with 404, not the app', async () => {
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(await readFile(join(CONSOLE_DIST_DIR, 'index.html'), 'utf8'))![1]!;
    const res = await fetch(`${running.url}${asset}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/javascript/);
    expect(res.headers.get('cache-control')).toMatch(/immutable/);
    expect((await fetch(`${running.url}/assets/index-gone.js`)).status).toBe(404);
    expect((await fetch(`${running.url}/../package.json`)).status).toBe(404);
  });

  it('leaves the API where it was', async () => {
    expect(await (await fetch(`${running.url}/health`)).json()).toEqual({ status: 'ok' });
    const models = await fetch(`${running.url}/api/v1/models`);
    expect(models.headers.get('content-type')).toMatch(/json/);
    const unknownApi = await fetch(`${running.url}/api/v1/nope`);
    expect(unknownApi.status).toBe(404);
    expect(await unknownApi.json()).toMatchObject({ error: { code: 404 } });
    // Only GET and HEAD reach the console; anything else elsewhere is the API's 404.
    const post = await fetch(`${running.url}/catalog`, { method: 'POST' });
    expect(post.status).toBe(404);
    expect(await post.json()).toMatchObject({ error: { code: 404 } });
  });

  it('serves GraphiQL with its assets inlined: no script, style or worker from another host', async () => {
    const res = await fetch(`${running.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('renderYogaGraphiQL');
    expect(html).not.toMatch(/<(script|link)[^>]+(src|href)=["']?https?:/i);
    expect(html).not.toMatch(/unpkg\.com|jsdelivr|cdn\./i);
  });
});

describe('a server whose console is not built', () => {
  let empty: string;
  beforeAll(async () => (empty = await mkdtemp(join(tmpdir(), 'switchyard-no-console-'))));
  afterAll(() => rm(empty, { recursive: true, force: true }));

  it('says how to build it instead of failing', async () => {
    const res = await createConsoleSite(empty).request('/catalog');
    expect(res.status).toBe(503);
    expect(await res.text()).toMatch(/npm run build:console/);
  });
});

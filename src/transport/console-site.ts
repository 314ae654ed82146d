import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Hono, type Context } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';

/** The project's root: the nearest folder up with a package.json (src/ under tsx, dist/src/ when compiled). */
function projectRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(resolve(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) return resolve(from, '../..');
  }
}

/** Where `npm run build:console` (and `npm start`, when the bundle is missing or stale) puts the console. */
export const CONSOLE_DIST_DIR = resolve(projectRoot(import.meta.dirname), 'console/dist');

/** Paths the API owns; everything else a browser asks for with GET belongs to the console. */
export const isApiPath = (pathname: string): boolean =>
  pathname === '/graphql' || pathname.startsWith('/graphql/') || pathname.startsWith('/api/') || pathname === '/api' || ['/health', '/ready', '/metrics'].includes(pathname);

// The console talks only to this origin (HTTP and graphql-ws): the browser enforces it too.
const HTML_HEADERS = {
  'content-security-policy': "default-src 'self'; connect-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'",
  'cache-control': 'no-cache',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
};

const NOT_BUILT = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Switchyard</title>
<body style="font-family:system-ui;margin:3rem;max-width:40rem">
<h1>The console is not built</h1>
<p><code>npm start</code> builds it before serving; when the server is started another way, run
<code>npm run build:console</code> once. The API is at <a href="/graphql">/graphql</a> and <code>/api/v1</code>.</p></body></html>`;

/**
 * The single-page console: hashed assets are cached for good, any other GET without a file extension
 * gets index.html (client-side routes), and a missing bundle gets a page that says how to build it.
 */
export function createConsoleSite(distDir: string = CONSOLE_DIST_DIR): Hono {
  const site = new Hono();
  const indexHtml = resolve(distDir, 'index.html');
  const withHtmlHeaders = (c: Context) => Object.entries(HTML_HEADERS).forEach(([k, v]) => c.header(k, v));

  site.use(
    '*',
    serveStatic({
      root: distDir,
      onFound: (path, c) => {
        if (path.endsWith('.html')) withHtmlHeaders(c);
        else if (c.req.path.startsWith('/assets/')) c.header('cache-control', 'public, max-age=31536000, immutable');
        else c.header('cache-control', 'no-cache');
        c.header('x-content-type-options', 'nosniff');
      },
    }),
  );
  const serveIndex = serveStatic({ path: indexHtml, onFound: (_p, c) => withHtmlHeaders(c) });
  site.get('*', async (c, next) => {
    // A missing file (/assets/old-hash.js, /favicon.ico) is a 404, not the app.
    if (/\.[a-z0-9]+$/i.test(c.req.path)) return c.text('Not found', 404);
    if (!existsSync(indexHtml)) return c.html(NOT_BUILT, 503);
    return (await serveIndex(c, next)) ?? c.text('Not found', 404);
  });
  return site;
}

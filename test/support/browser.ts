import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium (`apt-get install chromium`), never a downloaded browser; override with CHROMIUM_PATH. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));

/** Screenshots of every page, for people to look at (gitignored). */
export const ARTIFACTS_DIR = resolve(import.meta.dirname, '../../test-artifacts/console');

/**
 * Whether the browser suite runs. Without Chromium a local run skips it with a warning; under CI=true
 * it fails, so a missing browser can never pass as green.
 */
export function browserAvailable(): boolean {
  if (CHROMIUM_PATH) return true;
  if (process.env.CI === 'true') throw new Error('CI=true but Chromium is not installed (apt-get install -y chromium, or set CHROMIUM_PATH)');
  console.warn('Chromium not found: skipping the browser tests (apt-get install -y chromium)');
  return false;
}

export const launchChromium = (): Promise<Browser> => chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: ['--no-sandbox', '--disable-dev-shm-usage'] });

/**
 * A browser context that may talk only to `origin`: every other request is aborted and recorded
 * (HTTP through request interception, WebSockets through WebSocket routing, and whatever the page's
 * CSP refused), as are uncaught page errors.
 */
export async function isolatedContext(browser: Browser, origin: string, options: { viewport?: { width: number; height: number } } = {}) {
  const host = new URL(origin).host;
  const offLimits: string[] = [];
  const pageErrors: string[] = [];
  const local = (url: string) => {
    const u = new URL(url);
    if (u.protocol === 'data:' || u.protocol === 'blob:' || u.protocol === 'about:') return true;
    return (u.protocol === 'http:' || u.protocol === 'ws:') && u.host === host;
  };
  const context: BrowserContext = await browser.newContext({ viewport: options.viewport ?? { width: 1280, height: 900 }, permissions: ['clipboard-read', 'clipboard-write'] });
  await context.route('**/*', (route) => {
    if (local(route.request().url())) return route.continue();
    offLimits.push(route.request().url());
    return route.abort('blockedbyclient');
  });
  await context.routeWebSocket(
    () => true,
    (ws) => {
      if (local(ws.url())) return void ws.connectToServer();
      offLimits.push(ws.url());
      return ws.close({ code: 1008, reason: 'off limits in tests' });
    },
  );
  context.on('page', (page) => {
    page.on('pageerror', (error) => pageErrors.push(error.message));
    // The console's CSP stops a foreign request before interception could see it: that counts too.
    page.on('console', (message) => {
      if (message.type() === 'error' && /Refused to (connect|load|frame)/.test(message.text())) offLimits.push(message.text());
    });
  });
  return { context, offLimits, pageErrors };
}

export async function screenshot(page: Page, dir: string, name: string): Promise<void> {
  await mkdir(join(ARTIFACTS_DIR, dir), { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS_DIR, dir, `${name}.png`), fullPage: true });
}

export type WireFamily = 'openai' | 'anthropic' | 'gemini';

export type SimRoute =
  | { family: 'openai' }
  | { family: 'anthropic' }
  | { family: 'gemini'; model: string; streaming: boolean; sse: boolean };

export type RouteMatch =
  | { kind: 'health' }
  | { kind: 'api'; providerSlug: string | undefined; route: SimRoute }
  | { kind: 'none' };

const PROVIDER_PREFIX = /^\/p\/([a-z0-9][a-z0-9._-]*)(\/.*)?$/i;
const GEMINI_ACTION = /\/models\/([^/:]+):(generateContent|streamGenerateContent)$/;

/**
 * Routes by path suffix, so any base path works: `/p/<slug>` picks the provider profile and whatever
 * follows (`/v1`, `/openai/v1`, `/inference/v1`…) mirrors the real base URL's path.
 */
export function matchRoute(method: string, url: URL): RouteMatch {
  const prefixed = PROVIDER_PREFIX.exec(url.pathname);
  const providerSlug = prefixed?.[1]?.toLowerCase();
  const path = prefixed ? (prefixed[2] ?? '/') : url.pathname;
  if (method === 'GET' && path === '/health') return { kind: 'health' };
  if (method !== 'POST') return { kind: 'none' };
  if (path.endsWith('/chat/completions')) return { kind: 'api', providerSlug, route: { family: 'openai' } };
  if (path.endsWith('/messages')) return { kind: 'api', providerSlug, route: { family: 'anthropic' } };
  const gemini = GEMINI_ACTION.exec(path);
  if (gemini) {
    const streaming = gemini[2] === 'streamGenerateContent';
    const route: SimRoute = { family: 'gemini', model: decodeURIComponent(gemini[1] ?? ''), streaming, sse: url.searchParams.get('alt') === 'sse' };
    return { kind: 'api', providerSlug, route };
  }
  return { kind: 'none' };
}

/** Base URL a simulated provider should use instead of `realBaseUrl` (same path under /p/<slug>). */
export function simulatedBaseUrl(simulatorUrl: string, providerSlug: string, realBaseUrl: string): string {
  const path = new URL(realBaseUrl).pathname.replace(/\/+$/, '');
  return `${simulatorUrl.replace(/\/+$/, '')}/p/${providerSlug}${path}`;
}

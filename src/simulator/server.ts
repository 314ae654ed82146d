import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { realClock, type SimClock } from './clock.js';
import { FORMATS } from './formats.js';
import { sendJson } from './http-io.js';
import { defaultProfiles, fastProfile, withFaultRate, type SimProfile } from './profiles.js';
import { PromptCache } from './prompt-cache.js';
import { respond, type AuthPolicy, type RespondDeps } from './respond.js';
import { matchRoute } from './router.js';

export interface SimulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  /** Profile per provider slug (`/p/<slug>/…`); defaults to `defaultProfiles`. */
  profiles?: Readonly<Record<string, SimProfile>>;
  /** For paths without `/p/<slug>` and for unknown slugs; defaults to `fastProfile`. */
  fallbackProfile?: SimProfile;
  /** Reject requests without the family's credential (Bearer, x-api-key, x-goog-api-key), or with one the policy refuses. */
  requireAuth?: AuthPolicy;
  maxBodyBytes?: number;
  clock?: SimClock;
  random?: () => number;
  /**
   * Share of requests that fail before the first token, per provider slug (`*` for every provider,
   * including unprefixed paths): mixed 429/5xx/reset/stall, replacing the profile's own faults.
   */
  faultRates?: Readonly<Record<string, number>>;
}

export interface RunningSimulator {
  /** e.g. http://127.0.0.1:4010 (no trailing slash). */
  url: string;
  port: number;
  stop(): Promise<void>;
}

function notFound(res: ServerResponse, req: IncomingMessage): void {
  sendJson(res, 404, { error: { message: `No simulated API at ${req.method} ${req.url}`, type: 'invalid_request_error', code: 'not_found' } });
}

/** Starts the upstream simulator: OpenAI, Anthropic and Gemini wire formats on one HTTP server. */
export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const rates = options.faultRates ?? {};
  const withRate = (slug: string, profile: SimProfile) => {
    const rate = rates[slug] ?? rates['*'];
    return rate === undefined ? profile : withFaultRate(profile, rate);
  };
  const baseProfiles = options.profiles ?? defaultProfiles;
  const profiles = Object.fromEntries(Object.entries(baseProfiles).map(([slug, profile]) => [slug, withRate(slug, profile)]));
  const fallbackProfile = options.fallbackProfile ?? fastProfile;
  const fallbackFor = (slug: string | undefined) => withRate(slug ?? '*', fallbackProfile);
  const deps: RespondDeps = {
    clock: options.clock ?? realClock,
    random: options.random ?? Math.random,
    requireAuth: options.requireAuth ?? false,
    maxBodyBytes: options.maxBodyBytes ?? 10 * 1024 * 1024,
    promptCache: new PromptCache(),
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://simulator');
    const match = matchRoute(req.method ?? 'GET', url);
    if (match.kind === 'health') return sendJson(res, 200, { status: 'ok' });
    if (match.kind === 'none') return notFound(res, req);
    const format = FORMATS[match.route.family];
    const profile = (match.providerSlug !== undefined ? profiles[match.providerSlug] : undefined) ?? fallbackFor(match.providerSlug);
    respond({ req, res, url, route: match.route, format, profile, providerSlug: match.providerSlug }, deps).catch((error: unknown) => {
      if (res.headersSent) return void res.destroy();
      const { status, body } = format.error('server_error', `simulator failure: ${String(error)}`);
      sendJson(res, status, body);
    });
  });
  server.keepAliveTimeout = 30_000;

  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('simulator has no TCP address');
  const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  return {
    url: `http://${urlHost}:${address.port}`,
    port: address.port,
    stop: () =>
      new Promise<void>((resolve) => {
        // Streams in progress (possibly stalled on purpose) would hold close() open: end them now.
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  };
}

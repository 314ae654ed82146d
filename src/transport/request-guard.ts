import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Authenticator } from '../gateway/auth/authenticator.js';
import { bearerToken } from '../gateway/auth/api-key-secret.js';
import { retryAfterSeconds, type RateLimiter } from '../gateway/rate-limit/rate-limiter.js';
import { jsonNestsDeeperThan } from './nesting.js';
import { clientAddress } from './client-address.js';

export interface RequestGuardOptions {
  maxBodyBytes: number;
  maxJsonDepth: number;
  trustProxy: boolean;
  auth: Authenticator;
  /** Requests without a valid key, per client address; none when that limit is off. */
  anonymousLimiter?: RateLimiter;
}

/** Probes answer load balancers and monitoring: never limited, never read a body. */
const PROBES = new Set(['/health', '/ready', '/metrics']);

/** A body the guard has read whole (both surfaces parse bodies whole anyway, so nothing is lost by it). */
type BodyRead = { kind: 'read'; body: Buffer } | { kind: 'too_large' } | { kind: 'aborted' };

/**
 * What every HTTP request passes before a surface sees it: the per-address limit for callers without a
 * valid key, then the body — read up to `maxBodyBytes` whatever its framing (Content-Length or chunked),
 * and refused when JSON nests deeper than `maxJsonDepth`. On success the body is handed to Hono
 * and Yoga ready-read (`rawBody`, which @hono/node-server's adapter takes instead of the stream); otherwise the answer is sent here, in OpenRouter's error shape.
 */
export async function guardRequest(req: IncomingMessage, res: ServerResponse, options: RequestGuardOptions): Promise<boolean> {
  const path = req.url?.split('?')[0] ?? '/';
  if (PROBES.has(path)) return true;
  if (options.anonymousLimiter) {
    const who = await options.auth.authenticate(bearerToken(req.headers.authorization));
    if (who.kind !== 'authenticated') {
      const decision = await options.anonymousLimiter.hit(`ip:${clientAddress(req, options.trustProxy)}`, Date.now());
      if (!decision.allowed) {
        refuse(res, 429, 'Too many requests without an API key from this address; retry later or send a key', { 'retry-after': String(retryAfterSeconds(decision)) });
        req.resume();
        return false;
      }
    }
  }
  if (req.method === 'GET' || req.method === 'HEAD') return true;
  const read = await readBody(req, options.maxBodyBytes);
  if (read.kind === 'aborted') return false;
  if (read.kind === 'too_large') {
    refuse(res, 413, `Request body too large (at most ${options.maxBodyBytes} bytes)`, { connection: 'close' });
    // Stop the upload: discard what is in flight for a moment (so the client can read the answer), then hang up.
    req.resume();
    res.once('finish', () => setTimeout(() => req.socket.destroy(), 1_000).unref());
    return false;
  }
  if (startsLikeJson(read.body) && jsonNestsDeeperThan(read.body, options.maxJsonDepth)) {
    refuse(res, 400, `JSON nested too deeply (at most ${options.maxJsonDepth} levels)`);
    return false;
  }
  Object.assign(req, { rawBody: read.body });
  return true;
}

function readBody(req: IncomingMessage, maxBytes: number): Promise<BodyRead> {
  if (Number(req.headers['content-length'] ?? 0) > maxBytes) return Promise.resolve({ kind: 'too_large' });
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (result: BodyRead) => {
      req.off('data', onData).off('end', onEnd).off('error', onError).off('aborted', onError);
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        req.pause();
        return finish({ kind: 'too_large' });
      }
      chunks.push(chunk);
    };
    const onEnd = () => finish({ kind: 'read', body: Buffer.concat(chunks, size) });
    const onError = () => finish({ kind: 'aborted' });
    req.on('data', onData).on('end', onEnd).on('error', onError).on('aborted', onError);
  });
}

const startsLikeJson = (body: Buffer): boolean => {
  for (const b of body) {
    if (b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09) continue;
    return b === 0x7b || b === 0x5b;
  }
  return false;
};

function refuse(res: ServerResponse, status: number, message: string, headers: Record<string, string> = {}): void {
  const body = JSON.stringify({ error: { code: status, message } });
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers });
  res.end(body);
}

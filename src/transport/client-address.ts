import type { IncomingMessage } from 'node:http';

/**
 * The address a request came from. Behind a load balancer (`TRUST_PROXY=true`) that is the last entry of
 * `X-Forwarded-For` — the one our proxy appended; earlier entries are whatever the client claimed.
 */
export function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = req.headers['x-forwarded-for'];
    const last = (Array.isArray(forwarded) ? forwarded.join(',') : forwarded)?.split(',').at(-1)?.trim();
    if (last) return last;
  }
  return req.socket.remoteAddress ?? 'unknown';
}

import type { IncomingMessage, ServerResponse } from 'node:http';

export type BodyResult = { ok: true; value: unknown } | { ok: false; reason: 'too_large' | 'invalid_json'; message: string };

/** Reads and parses a JSON request body of at most `maxBytes`. */
export async function readJsonBody(req: IncomingMessage, maxBytes: number): Promise<BodyResult> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    // Keep draining past the limit: leaving the loop would destroy the socket before the 413 is sent.
    if (size <= maxBytes) chunks.push(chunk);
  }
  if (size > maxBytes) return { ok: false, reason: 'too_large', message: `request body exceeds ${maxBytes} bytes` };
  try {
    return { ok: true, value: JSON.parse(Buffer.concat(chunks).toString('utf8')) };
  } catch {
    return { ok: false, reason: 'invalid_json', message: 'request body is not valid JSON' };
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** Writes and waits for the socket to drain when it is full; resolves early when the client is gone. */
export function writeChunk(res: ServerResponse, text: string, signal: AbortSignal): Promise<void> {
  if (res.write(text) || signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = (): void => {
      res.off('drain', done);
      signal.removeEventListener('abort', done);
      resolve();
    };
    res.on('drain', done);
    signal.addEventListener('abort', done, { once: true });
  });
}

/** Ends the connection with a TCP reset, as a crashing upstream or a load balancer would. */
export function resetConnection(req: IncomingMessage): void {
  const socket = req.socket;
  if (typeof socket.resetAndDestroy === 'function') socket.resetAndDestroy();
  else socket.destroy();
}

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { UpstreamHttpClient, type HttpClientOptions } from '../../src/adapters/http-client.js';
import { openAiAdapter } from '../../src/adapters/openai/index.js';
import { completeOnce, streamCompletion } from '../../src/adapters/invoke.js';
import type { ChatRequest } from '../../src/core/llm/request.js';
import { collect, comparable, fixtureText, productionTarget } from './support.js';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

let server: Server;
let baseUrl: string;
let handler: Handler = (_req, res) => res.end();
const sockets = new Set<Socket>();
let connections = 0;
const clients: UpstreamHttpClient[] = [];

beforeAll(async () => {
  server = createServer((req, res) => handler(req, res));
  server.on('connection', (socket) => {
    connections++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});

afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close()));
});

afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise((resolve) => server.close(resolve));
});

function client(options: Partial<HttpClientOptions> = {}): UpstreamHttpClient {
  const created = new UpstreamHttpClient({ connectTimeoutMs: 1000, firstByteTimeoutMs: 2000, idleTimeoutMs: 2000, ...options });
  clients.push(created);
  return created;
}

const request: ChatRequest = { messages: [{ role: 'user', content: 'Hi' }] };
const target = () => productionTarget('openai', 'openai', 'gpt-4o', { baseUrl, apiKey: 'sk-test' });
const stream = (c: UpstreamHttpClient, signal?: AbortSignal) =>
  collect(streamCompletion(openAiAdapter, c, request, target(), signal ? { signal } : {}));

function sse(res: ServerResponse): void {
  res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8' });
  res.flushHeaders();
}

const firstChunk = 'data: {"choices":[{"index":0,"delta":{"content":"Hel"}}]}\n\n';

describe('UpstreamHttpClient over real HTTP', () => {
  it('streams a fixture end to end and reuses one keep-alive connection', { timeout: 5000 }, async () => {
    let seen: { url?: string; auth?: string; body?: unknown } = {};
    handler = (req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c));
      req.on('end', () => {
        seen = { url: req.url, auth: req.headers.authorization, body: JSON.parse(body) };
        sse(res);
        res.end(fixtureText('openai', 'text.sse'));
      });
    };
    const c = client();
    const before = connections;
    const first = await stream(c);
    // The parser stops at [DONE]; the socket goes back to the pool once its tail is drained.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const second = await stream(c);
    expect(first).toEqual(second);
    expect(first.at(-1)).toEqual({ type: 'finish', reason: 'stop', nativeReason: 'stop' });
    expect(seen).toMatchObject({ url: '/v1/chat/completions', auth: 'Bearer sk-test', body: { stream: true, stream_options: { include_usage: true } } });
    expect(connections - before).toBe(1);
  });

  it('no headers within firstByteTimeoutMs → timeout', { timeout: 5000 }, async () => {
    handler = () => undefined;
    const parts = await stream(client({ firstByteTimeoutMs: 150 }));
    expect(parts).toMatchObject([{ type: 'error', error: { code: 'timeout', metadata: { phase: 'first_byte' } } }]);
  });

  it('headers but no first chunk within firstByteTimeoutMs → timeout (TTFT guard)', { timeout: 5000 }, async () => {
    handler = (_req, res) => sse(res);
    const parts = await stream(client({ firstByteTimeoutMs: 150, idleTimeoutMs: 5000 }));
    expect(parts).toMatchObject([{ type: 'error', error: { code: 'timeout', metadata: { phase: 'first_byte' } } }]);
  });

  it('a stall between chunks → timeout after the parts already received', { timeout: 5000 }, async () => {
    handler = (_req, res) => {
      sse(res);
      res.write(firstChunk);
    };
    const parts = await stream(client({ idleTimeoutMs: 150 }));
    expect(comparable(parts)).toEqual([{ type: 'text-delta', text: 'Hel' }, { type: 'error', code: 'timeout' }]);
    expect(parts.at(-1)).toMatchObject({ error: { metadata: { phase: 'idle' } } });
  });

  it('a slow consumer is not an idle upstream', { timeout: 5000 }, async () => {
    handler = (_req, res) => {
      sse(res);
      res.end(fixtureText('openai', 'text.sse'));
    };
    const parts = [];
    for await (const part of streamCompletion(openAiAdapter, client({ idleTimeoutMs: 50 }), request, target())) {
      parts.push(part);
      if (parts.length === 1) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(parts.at(-1)).toMatchObject({ type: 'finish' });
  });

  it('aborting the signal ends the stream as cancelled and closes the upstream socket at once', { timeout: 5000 }, async () => {
    let serverSideClosed: Promise<void> = Promise.resolve();
    handler = (req, res) => {
      serverSideClosed = new Promise((resolve) => req.socket.once('close', () => resolve()));
      sse(res);
      res.write(firstChunk);
    };
    const controller = new AbortController();
    const parts = [];
    const started = Date.now();
    for await (const part of streamCompletion(openAiAdapter, client({ idleTimeoutMs: 10_000 }), request, target(), { signal: controller.signal })) {
      parts.push(part);
      if (part.type === 'text-delta') controller.abort();
    }
    await serverSideClosed;
    expect(Date.now() - started).toBeLessThan(1000);
    expect(comparable(parts)).toEqual([{ type: 'text-delta', text: 'Hel' }, { type: 'error', code: 'cancelled' }]);
  });

  it('an already-aborted signal never reaches the network', async () => {
    const controller = new AbortController();
    controller.abort();
    expect(comparable(await stream(client(), controller.signal))).toEqual([{ type: 'error', code: 'cancelled' }]);
  });

  it('connection reset mid-stream → upstream_unavailable', { timeout: 5000 }, async () => {
    handler = (req, res) => {
      sse(res);
      res.write(firstChunk, () => setTimeout(() => req.socket.destroy(), 20));
    };
    expect(comparable(await stream(client()))).toEqual([{ type: 'text-delta', text: 'Hel' }, { type: 'error', code: 'upstream_unavailable' }]);
  });

  it('connection refused → upstream_unavailable', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const parts = await collect(
      streamCompletion(openAiAdapter, client(), request, productionTarget('openai', 'openai', 'm', { baseUrl: `http://127.0.0.1:${port}/v1` })),
    );
    expect(comparable(parts)).toEqual([{ type: 'error', code: 'upstream_unavailable' }]);
  });

  it('HTTP 429 → rate_limited with retry-after, classified by the adapter', async () => {
    handler = (_req, res) => {
      res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '2' });
      res.end(fixtureText('openai', 'error-429.json'));
    };
    expect(await stream(client())).toMatchObject([{ type: 'error', error: { code: 'rate_limited', metadata: { retryAfterMs: 2000, providerStatus: 429 } } }]);
  });

  it('200 with the wrong content type → upstream_bad_response with a snippet', async () => {
    handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html>captive portal</html>');
    };
    const parts = await stream(client());
    expect(parts).toMatchObject([{ type: 'error', error: { code: 'upstream_bad_response', metadata: { reason: 'wrong_content_type' } } }]);
    expect(parts[0]?.type === 'error' && parts[0].error.metadata.rawSnippet).toContain('captive portal');
  });

  it('an oversized body → upstream_bad_response, snippet ≤ 500 chars', { timeout: 5000 }, async () => {
    handler = (_req, res) => {
      sse(res);
      const line = `data: {"choices":[{"index":0,"delta":{"content":"${'x'.repeat(1000)}"}}]}\n\n`;
      for (let i = 0; i < 200; i++) res.write(line);
      res.end();
    };
    const parts = await stream(client({ maxResponseBytes: 64 * 1024 }));
    const last = parts.at(-1);
    expect(last).toMatchObject({ type: 'error', error: { code: 'upstream_bad_response', metadata: { reason: 'oversized' } } });
    expect(last?.type === 'error' && (last.error.metadata.rawSnippet ?? '').length).toBeLessThanOrEqual(500);
  });

  it('non-stream: malformed JSON → upstream_bad_response; good JSON → parts', async () => {
    handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"choices": [');
    };
    expect(comparable(await completeOnce(openAiAdapter, client(), request, target()))).toEqual([{ type: 'error', code: 'upstream_bad_response' }]);
    handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      res.end(fixtureText('openai', 'text.json'));
    };
    expect((await completeOnce(openAiAdapter, client(), request, target())).at(-1)).toEqual({ type: 'finish', reason: 'stop', nativeReason: 'stop' });
  });
});

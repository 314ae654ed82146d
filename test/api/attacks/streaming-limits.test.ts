import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Worker } from 'node:worker_threads';
import WebSocket from 'ws';
import { loadConfig } from '../../../src/config.js';
import { databaseTargets } from '../../support/databases.js';
import { startTestApp, TEST_KEYS, type RunningApp } from '../../support/app.js';
import { RESPONSIVE_MS, slowestHealthDuring } from '../../support/health-probe.js';

const [target] = await databaseTargets();
const defaults = loadConfig({});
const MIB = 1024 * 1024;

type Connected = { socket: WebSocket } | { closed: { code: number; reason: string } };

/** A graphql-transport-ws connection: acknowledged, or closed (with its code and reason). */
function connect(url: string, payload: Record<string, unknown> = {}): Promise<Connected> {
  return new Promise((resolve) => {
    const socket = new WebSocket(`${url.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws');
    socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload })));
    socket.on('message', (data) => {
      if (JSON.parse(String(data)).type === 'connection_ack') resolve({ socket });
    });
    socket.on('error', () => {});
    socket.on('close', (code, reason) => resolve({ closed: { code, reason: String(reason) } }));
  });
}

/** Connects until accepted: a slot is free again once the server has seen the close, shortly after the client did. */
async function connectOnceFree(url: string, payload: Record<string, unknown> = {}): Promise<WebSocket> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const c = await connect(url, payload);
    if ('socket' in c) return c.socket;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('no slot became free');
}

const HEALTH = 'subscription { providerHealth { providerSlug } }';

/** Subscribes over an open socket; resolves with 'running' at its first event, or the error it got. */
function subscribe(socket: WebSocket, id: string, query: string): Promise<'running' | string> {
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      const message = JSON.parse(String(data));
      if (message.id !== id) return;
      socket.off('message', onMessage);
      if (message.type === 'next' && !message.payload.errors) resolve('running');
      else resolve(JSON.stringify(message.payload));
    };
    socket.on('message', onMessage);
    socket.send(JSON.stringify({ id, type: 'subscribe', payload: { query } }));
  });
}

/** A GraphQL subscription over HTTP (SSE). Resolves once the response has started: status and a reader. */
async function sse(url: string, query: string, headers: Record<string, string> = {}) {
  const abort = new AbortController();
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...headers },
    body: JSON.stringify({ query }),
    signal: abort.signal,
  });
  return { res, close: () => abort.abort() };
}

/** The first data event of an SSE response (bounded wait: an open stream that never says anything fails the test). */
async function firstEvent(res: Response, withinMs = 15_000): Promise<string> {
  const reader = res.body!.getReader();
  let text = '';
  const deadline = Date.now() + withinMs;
  while (!/data: .*\n/.test(text)) {
    const next = await Promise.race([reader.read(), new Promise<'late'>((r) => setTimeout(() => r('late'), Math.max(0, deadline - Date.now())))]);
    if (next === 'late') throw new Error(`no event within ${withinMs} ms (got ${JSON.stringify(text)})`);
    if (next.done) break;
    text += new TextDecoder().decode(next.value);
  }
  reader.releaseLock();
  return text;
}

describe('WebSocket and SSE limits bind anonymous and authenticated clients alike', () => {
  let running: RunningApp;
  const open: WebSocket[] = [];
  const closers: (() => void)[] = [];
  beforeAll(async () => {
    running = await startTestApp(target!, { healthFeed: { intervalMs: 50, refreshMs: 30_000 } });
  });
  afterAll(async () => {
    open.forEach((s) => s.terminate());
    closers.forEach((c) => c());
    await running?.stop();
  });
  /** Waits until the server's metrics show `expected` slots held (of one kind, or in all), as the server sees them. */
  const untilHeld = async (expected: number, series = '') => {
    for (let attempt = 0; ; attempt++) {
      const metrics = await (await fetch(`${running.url}/metrics`)).text();
      const held = [...metrics.matchAll(/^switchyard_open_streams\{([^}]*)\} (\d+)$/gm)].filter((m) => m[1]!.includes(series)).reduce((sum, m) => sum + Number(m[2]), 0);
      if (held === expected) return;
      if (attempt > 500) throw new Error(`expected ${expected} slots held, metrics say: ${metrics.split('\n').filter((l) => l.startsWith('switchyard_open_streams')).join(', ')}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  /** Closes everything this suite opened and waits until the server has released every slot. */
  const release = async () => {
    const closing = open.splice(0).map((s) => new Promise((r) => (s.once('close', r), s.close())));
    await Promise.all(closing);
    closers.splice(0).forEach((c) => c());
    await untilHeld(0);
  };
  beforeEach(release);

  it('closes an anonymous connection that sends a 20 MB frame (maxPayload) with 1009', async () => {
    const frameAttack = () =>
      new Promise<unknown>((resolve, reject) => {
        const worker = new Worker(new URL('../../support/ws-frame-attack.mjs', import.meta.url), { workerData: { url: running.url, bytes: 20 * MIB } });
        worker.once('message', (result) => void worker.terminate().then(() => resolve(result)));
        worker.once('error', reject);
      });
    const { result, slowestMs } = await slowestHealthDuring(running.url, frameAttack);
    expect(result).toEqual({ closed: { code: 1009, reason: expect.any(String) } });
    expect(slowestMs).toBeLessThan(RESPONSIVE_MS);
  });

  it('accepts at most ANONYMOUS_MAX_CONNECTIONS_PER_IP of 200 anonymous connections, and keyed connections still', async () => {
    const results = await Promise.all(Array.from({ length: 200 }, () => connect(running.url)));
    const accepted = results.flatMap((r) => ('socket' in r ? [r.socket] : []));
    open.push(...accepted);
    expect(accepted.length).toBe(defaults.anonymous.connectionsPerIp);
    const closed = results.flatMap((r) => ('closed' in r ? [r.closed] : []));
    expect(new Set(closed.map((c) => c.code))).toEqual(new Set([1008]));
    expect(closed[0]!.reason).toMatch(/too many anonymous connections/i);
    const keyed = await connect(running.url, { authorization: `Bearer ${TEST_KEYS.inference}` });
    expect('socket' in keyed).toBe(true);
    if ('socket' in keyed) open.push(keyed.socket);
    await release();
    open.push(await connectOnceFree(running.url));
    await release();
  });

  it('bounds anonymous subscriptions per address across connections (20 × 99 providerHealth drove 114 % CPU)', async () => {
    const sockets: WebSocket[] = [];
    for (let i = 0; i < 2; i++) sockets.push(await connectOnceFree(running.url));
    open.push(...sockets);
    const outcomes = await Promise.all(sockets.flatMap((s, c) => Array.from({ length: 30 }, (_, i) => subscribe(s, `${c}-${i}`, HEALTH))));
    expect(outcomes.filter((o) => o === 'running')).toHaveLength(defaults.anonymous.subscriptionsPerIp);
    expect(outcomes.find((o) => o !== 'running')).toMatch(/TOO_MANY_SUBSCRIPTIONS/);
    await release();
  });

  it('counts GraphQL subscriptions over SSE against the key, together with its WebSocket connections', async () => {
    const limit = defaults.websocket.maxConnectionsPerKey;
    const auth = { authorization: `Bearer ${TEST_KEYS.inference}` };
    for (let i = 0; i < limit; i++) {
      const stream = await sse(running.url, 'subscription { routingDecisions { __typename } }', auth);
      closers.push(stream.close);
      expect(stream.res.status).toBe(200);
    }
    // An SSE response may start before its subscription does: wait until the server holds all of them.
    await untilHeld(limit, 'owner="key",resource="subscription"');
    const over = await sse(running.url, 'subscription { routingDecisions { __typename } }', auth);
    closers.push(over.close);
    expect(await firstEvent(over.res)).toMatch(/TOO_MANY_CONNECTIONS/);
    const ws = await connect(running.url, auth);
    expect(ws).toEqual({ closed: { code: 1008, reason: expect.stringMatching(/too many connections for this API key/i) } });
    await release();
    open.push(await connectOnceFree(running.url, auth));
    await release();
  });

  it('counts anonymous SSE subscriptions against the address', async () => {
    for (let i = 0; i < defaults.anonymous.connectionsPerIp; i++) {
      const stream = await sse(running.url, HEALTH);
      closers.push(stream.close);
      const first = await firstEvent(stream.res);
      expect(first, first).not.toMatch(/errors/);
    }
    const over = await sse(running.url, HEALTH);
    closers.push(over.close);
    expect(await firstEvent(over.res)).toMatch(/TOO_MANY_CONNECTIONS/);
    await release();
  });
});

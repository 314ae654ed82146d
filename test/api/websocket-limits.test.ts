import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { print } from 'graphql';
import WebSocket from 'ws';
import { fastProfile, startSimulator, type RunningSimulator } from '../../src/simulator/index.js';
import { DEFAULT_WS_LIMITS } from '../../src/transport/http-server.js';
import { databaseTargets } from '../support/databases.js';
import { startTestApp, TEST_KEYS, type RunningApp } from '../support/app.js';
import { CompleteDocument } from '../gql/graphql.js';
import { REDIS_URL, redisAvailable } from '../support/redis.js';

const [target] = await databaseTargets();
const logs = [{ log: 'in-memory log', redisUrl: undefined }, ...((await redisAvailable()) ? [{ log: 'Redis log', redisUrl: REDIS_URL }] : [])];
const SOAK_TOKENS = 10_000;

/** A raw graphql-transport-ws connection, acknowledged (or closed: resolves with the close code and reason). */
function connect(url: string, key: string): Promise<{ socket: WebSocket } | { closed: { code: number; reason: string } }> {
  return new Promise((resolve) => {
    const socket = new WebSocket(`${url.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws');
    socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${key}` } })));
    socket.on('message', (data) => {
      if (JSON.parse(String(data)).type === 'connection_ack') resolve({ socket });
    });
    socket.on('close', (code, reason) => resolve({ closed: { code, reason: String(reason) } }));
  });
}

describe.each(logs)('graphql-ws limits and soak ($log)', ({ redisUrl }) => {
  let running: RunningApp;
  let simulator: RunningSimulator;
  const sockets: WebSocket[] = [];
  beforeAll(async () => {
    // Every answer is SOAK_TOKENS tokens, streamed as fast as possible.
    simulator = await startSimulator({ profiles: {}, fallbackProfile: { ...fastProfile, completionTokens: SOAK_TOKENS } });
    running = await startTestApp(target!, {
      websocket: { maxConnectionsPerKey: 2, maxSubscriptionsPerKey: 200, maxBufferedBytes: DEFAULT_WS_LIMITS.maxBufferedBytes },
      redisUrl,
      upstreams: { simulate: 'all', simulatorProfile: 'fast', simulatorUrl: simulator.url, credentials: {} },
    });
  });
  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await running?.stop();
    await simulator?.stop();
  });

  it('closes a connection beyond the per-key limit with 1008 and a reason, and frees the slot on close', async () => {
    const first = await connect(running.url, TEST_KEYS.management);
    const second = await connect(running.url, TEST_KEYS.management);
    if (!('socket' in first) || !('socket' in second)) throw new Error('the first two connections should be accepted');
    sockets.push(first.socket, second.socket);
    const third = await connect(running.url, TEST_KEYS.management);
    expect(third).toEqual({ closed: { code: 1008, reason: expect.stringMatching(/Too many connections for this API key/) } });
    first.socket.close();
    await new Promise((r) => setTimeout(r, 100));
    const again = await connect(running.url, TEST_KEYS.management);
    expect('socket' in again).toBe(true);
    if ('socket' in again) sockets.push(again.socket);
  });

  it(`streams ${SOAK_TOKENS.toLocaleString('en')} token events over one connection and loses none`, async () => {
    const connected = await connect(running.url, TEST_KEYS.inference);
    if (!('socket' in connected)) throw new Error(`refused: ${JSON.stringify(connected.closed)}`);
    const { socket } = connected;
    sockets.push(socket);
    const started = performance.now();
    const cursors: number[] = [];
    let deltas = 0;
    let finished: { text: string } | undefined;
    await new Promise<void>((resolve, reject) => {
      socket.on('message', (data) => {
        const message = JSON.parse(String(data));
        if (message.type === 'next') {
          const event = message.payload.data?.complete;
          if (!event) return reject(new Error(JSON.stringify(message.payload.errors)));
          cursors.push(Number(event.cursor));
          if (event.__typename === 'TextDelta') deltas++;
          if (event.__typename === 'CompletionFinished') finished = event;
        }
        if (message.type === 'complete') resolve();
        if (message.type === 'error') reject(new Error(JSON.stringify(message.payload)));
      });
      socket.send(JSON.stringify({
        id: 'soak',
        type: 'subscribe',
        payload: { query: print(CompleteDocument), variables: { input: { model: 'meta-llama/llama-3.3-70b-instruct', maxTokens: SOAK_TOKENS, messages: [{ role: 'user', content: 'soak' }], provider: { order: ['groq'], allowFallbacks: false } } } },
      }));
    });
    const seconds = (performance.now() - started) / 1000;
    expect(deltas).toBe(SOAK_TOKENS);
    expect(cursors).toEqual(cursors.map((_, i) => i + 1));
    expect(finished).toBeDefined();
    console.info(`graphql-ws soak (${redisUrl ? 'Redis' : 'in-memory'} log): ${cursors.length} events in ${seconds.toFixed(2)} s = ${Math.round(cursors.length / seconds)} events/s on one connection`);
  }, 60_000);
});

// One attack of issue 14, run in a worker thread so the attacker's own CPU work (building and masking
// megabytes) never delays the /health probes of the thread that measures. Posts back what happened.
import { request } from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';
import WebSocket from 'ws';

const { url, key, attack } = workerData;
const MIB = 1024 * 1024;
const wsUrl = `${url.replace(/^http/, 'ws')}/graphql`;

function chunked(path, prefix, totalBytes, headers = {}) {
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const filler = Buffer.alloc(64 * 1024, 'a');
    const req = request(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked', ...headers } });
    req.on('response', (res) => {
      answered = true;
      res.resume();
      res.on('end', () => resolve(`HTTP ${res.statusCode} after ${(sent / MIB).toFixed(1)} MiB sent`));
    });
    req.on('error', (e) => (answered ? undefined : reject(e)));
    const pump = () => {
      while (!answered && sent < totalBytes) {
        sent += filler.length;
        if (!req.write(filler)) return void req.once('drain', pump);
      }
      if (!answered) req.end('"}]}');
    };
    req.write(prefix);
    pump();
  });
}

const connect = (payload = {}) =>
  new Promise((resolve) => {
    const socket = new WebSocket(wsUrl, 'graphql-transport-ws');
    socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload })));
    socket.on('message', (d) => JSON.parse(String(d)).type === 'connection_ack' && resolve(socket));
    socket.on('error', () => {});
    socket.on('close', (code) => resolve(code));
  });

const attacks = {
  async 'chunked 200 MB chat completion body'() {
    return chunked('/api/v1/chat/completions', '{"model":"meta-llama/llama-3.3-70b-instruct","messages":[{"role":"user","content":"', 200 * MIB, { authorization: `Bearer ${key}` });
  },
  async 'anonymous 14,000 routePlan aliases (5 MB)'() {
    const field = (i) => `a${i}: routePlan(input: { model: "meta-llama/llama-3.3-70b-instruct", promptTokens: 1000, maxTokens: 1000 }) { ... on RoutePlan { mode attempts { probability endpoint { id } } excluded { code message } explanation unknownModels } }`;
    const query = `{ ${Array.from({ length: 14_000 }, (_, i) => field(i)).join('\n')} }`;
    const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
    return `HTTP ${res.status}: ${(await res.text()).slice(0, 80)}`;
  },
  async 'anonymous 90 MB WebSocket frame'() {
    const socket = new WebSocket(wsUrl, 'graphql-transport-ws');
    return new Promise((resolve) => {
      socket.on('open', () => socket.send(Buffer.alloc(90 * MIB, 0x78)));
      socket.on('error', () => {});
      socket.on('close', (code) => resolve(`closed ${code}`));
    });
  },
  async '200 anonymous WebSocket connections × 99 providerHealth subscriptions'() {
    const sockets = await Promise.all(Array.from({ length: 200 }, () => connect()));
    const open = sockets.filter((s) => typeof s !== 'number');
    let running = 0;
    let refused = 0;
    await Promise.all(open.map((s, c) => new Promise((resolve) => {
      const pending = new Set(Array.from({ length: 99 }, (_, i) => `${c}-${i}`));
      s.on('message', (d) => {
        const m = JSON.parse(String(d));
        if (!pending.delete(m.id)) return;
        if (m.type === 'next' && !m.payload.errors) running++;
        else refused++;
        if (pending.size === 0) resolve();
      });
      for (const id of pending) s.send(JSON.stringify({ id, type: 'subscribe', payload: { query: 'subscription { providerHealth { providerSlug health { status } } }' } }));
    })));
    await new Promise((r) => setTimeout(r, 3_000)); // let the subscriptions run (and cost) for a while
    open.forEach((s) => s.close());
    return `${open.length} connections accepted, ${running} subscriptions running, ${refused} refused`;
  },
  async 'JSON nested 5,000 deep in tool parameters'() {
    const nested = `${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}`;
    const body = `{"model":"meta-llama/llama-3.3-70b-instruct","messages":[{"role":"user","content":"hi"}],"tools":[{"type":"function","function":{"name":"f","parameters":${nested}}}]}`;
    const res = await fetch(`${url}/api/v1/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` }, body });
    return `HTTP ${res.status}`;
  },
};

parentPort.postMessage(await attacks[attack]());

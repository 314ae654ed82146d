// The request hot path against a bare pass-through proxy: the simulator, the gateway and a minimal proxy
// each run in their own process; this process generates the load. `npx tsx bench/gateway.ts`
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import { Agent, request } from 'undici';
import { percentiles } from './stats.js';
import { freePort, start, waitUntilUp } from './processes.js';

const KEY = 'sk-sy-v1-bench-inference-key-000000000000000000000000';
const PROMPT = 'Explain how a router picks a provider for a request, in detail.';
const DIRECT_PATH = '/p/groq/openai/v1/chat/completions';
const SEQUENTIAL = 400;
const LOAD_SECONDS = 8;
const CONNECTIONS = 32;

interface Target {
  name: 'simulator (direct)' | 'pass-through proxy' | 'gateway';
  url: string;
  headers: Record<string, string>;
  body(stream: boolean): string;
}

const directBody = (stream: boolean) => JSON.stringify({ model: 'llama-3.3-70b-versatile', messages: [{ role: 'user', content: PROMPT }], max_tokens: 60, stream, ...(stream ? { stream_options: { include_usage: true } } : {}) });

const dispatcher = new Agent({ connections: 64, pipelining: 1 });

/** One request: total time, and time to the first content chunk when streamed (ms). */
async function timed(target: Target, stream: boolean): Promise<{ totalMs: number; firstMs: number }> {
  const started = performance.now();
  const res = await request(target.url, { method: 'POST', headers: target.headers, body: target.body(stream), dispatcher });
  if (res.statusCode !== 200) throw new Error(`${target.name}: HTTP ${res.statusCode} ${await res.body.text()}`);
  let firstMs = NaN;
  for await (const chunk of res.body) {
    if (Number.isNaN(firstMs) && (!stream || String(chunk).includes('"content"'))) firstMs = performance.now() - started;
  }
  return { totalMs: performance.now() - started, firstMs };
}

async function sequential(targets: Target[], stream: boolean) {
  const samples = new Map(targets.map((t) => [t.name, { total: new Float64Array(SEQUENTIAL), first: new Float64Array(SEQUENTIAL) }]));
  for (const t of targets) for (let i = 0; i < 20; i++) await timed(t, stream); // warm up connections and JIT
  for (let i = 0; i < SEQUENTIAL; i++) {
    for (const t of targets) {
      const { totalMs, firstMs } = await timed(t, stream);
      samples.get(t.name)!.total[i] = totalMs;
      samples.get(t.name)!.first[i] = firstMs;
    }
  }
  return new Map([...samples].map(([name, s]) => [name, { total: percentiles(s.total), first: percentiles(s.first) }]));
}

async function throughput(target: Target, stream: boolean): Promise<number> {
  const result = await autocannon({ url: target.url, method: 'POST', headers: target.headers, body: target.body(stream), connections: CONNECTIONS, duration: LOAD_SECONDS });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${target.name}: ${result.non2xx} non-2xx, ${result.errors} errors under load`);
  return Math.round(result.requests.average);
}

/** `databaseUrl`: run the gateway on that (empty) PostgreSQL database instead of the embedded PGlite. */
export async function benchGateway(databaseUrl?: string) {
  const [simPort, proxyPort, gatewayPort] = [await freePort(), await freePort(), await freePort()];
  const dataDir = await mkdtemp(join(tmpdir(), 'switchyard-bench-'));
  const simulatorUrl = `http://127.0.0.1:${simPort}`;
  const children = [
    start(['src/simulator/main.ts', '--port', String(simPort), '--fast']),
    start(['bench/passthrough-proxy.ts', String(proxyPort), simulatorUrl]),
    start(['src/main.ts'], {
      PORT: String(gatewayPort), DATA_DIR: dataDir, SIMULATOR_URL: simulatorUrl, SIMULATE_PROVIDERS: 'all', LOG_LEVEL: 'warn',
      RATE_LIMIT_REQUESTS_PER_MINUTE: '0', BOOTSTRAP_API_KEY: KEY, REDIS_URL: '',
      ...(databaseUrl ? { DATABASE_URL: databaseUrl, AUTO_MIGRATE: 'true', BOOTSTRAP_DEV_ACCOUNT: 'true' } : { DATABASE_URL: '' }),
    }),
  ];
  try {
    await Promise.all([waitUntilUp(`${simulatorUrl}/health`), waitUntilUp(`http://127.0.0.1:${proxyPort}/health`), waitUntilUp(`http://127.0.0.1:${gatewayPort}/health`)]);
    const json = { 'content-type': 'application/json' };
    const targets: Target[] = [
      { name: 'simulator (direct)', url: `${simulatorUrl}${DIRECT_PATH}`, headers: { ...json, authorization: 'Bearer x' }, body: directBody },
      { name: 'pass-through proxy', url: `http://127.0.0.1:${proxyPort}${DIRECT_PATH}`, headers: { ...json, authorization: 'Bearer x' }, body: directBody },
      {
        name: 'gateway',
        url: `http://127.0.0.1:${gatewayPort}/api/v1/chat/completions`,
        headers: { ...json, authorization: `Bearer ${KEY}` },
        body: (stream) => JSON.stringify({ model: 'meta-llama/llama-3.3-70b-instruct', provider: { order: ['groq'], allow_fallbacks: false }, messages: [{ role: 'user', content: PROMPT }], max_tokens: 60, stream }),
      },
    ];
    const rows = [];
    for (const stream of [false, true]) {
      const latency = await sequential(targets, stream);
      const rps = new Map<string, number>();
      for (const t of targets) rps.set(t.name, await throughput(t, stream));
      const direct = latency.get('simulator (direct)')!;
      for (const t of targets) {
        const l = latency.get(t.name)!;
        const measure = stream ? l.first : l.total;
        const base = stream ? direct.first : direct.total;
        rows.push({
          mode: stream ? 'SSE' : 'JSON',
          target: t.name,
          'req/s': rps.get(t.name),
          'req/s vs proxy': +(rps.get(t.name)! / rps.get('pass-through proxy')!).toFixed(2),
          [stream ? 'TTFT p50 ms' : 'latency p50 ms']: measure.p50,
          'p99 ms': measure.p99,
          'added p50 ms': +(measure.p50 - base.p50).toFixed(2),
          'added p99 ms': +(measure.p99 - base.p99).toFixed(2),
        });
      }
    }
    return rows;
  } finally {
    for (const child of children) child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    await rm(dataDir, { recursive: true, force: true });
    await dispatcher.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]!).href) console.table(await benchGateway(process.argv[2]));

// Issue 14's attacks against a server in its own process, with /health probed every 10 ms throughout;
// the target is /health under 50 ms during each. `npx tsx bench/attacks.ts`
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { percentiles } from './stats.js';

const KEY = 'sk-sy-v1-bench-attack-inference-key-00000000000000000';
export const ATTACKS = [
  'chunked 200 MB chat completion body',
  'anonymous 14,000 routePlan aliases (5 MB)',
  'anonymous 90 MB WebSocket frame',
  '200 anonymous WebSocket connections × 99 providerHealth subscriptions',
  'JSON nested 5,000 deep in tool parameters',
] as const;

async function waitUntilUp(url: string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${url}/health`)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not come up`);
}

export async function benchAttacks(): Promise<Record<string, unknown>[]> {
  const dataDir = await mkdtemp(join(tmpdir(), 'switchyard-attacks-'));
  const port = 4600 + Math.floor(Math.random() * 300);
  const url = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'silent', BOOTSTRAP_API_KEY: KEY, SIMULATE_PROVIDERS: 'all', SIMULATOR_PROFILE: 'fast', HEALTH_PUSH_INTERVAL_MS: '100' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    await waitUntilUp(url);
    const rows: Record<string, unknown>[] = [];
    for (const attack of ATTACKS) {
      const samples: number[] = [];
      let failed = 0;
      let done = false;
      const probing = (async () => {
        while (!done) {
          const started = performance.now();
          try {
            await (await fetch(`${url}/health`)).arrayBuffer();
            samples.push(performance.now() - started);
          } catch {
            failed++;
          }
          await new Promise((r) => setTimeout(r, 10));
        }
      })();
      const outcome = await new Promise<string>((resolve, reject) => {
        const worker = new Worker(new URL('./attack-worker.mjs', import.meta.url), { workerData: { url, key: KEY, attack } });
        worker.once('message', (m) => void worker.terminate().then(() => resolve(String(m))));
        worker.once('error', reject);
      });
      done = true;
      await probing;
      const p = percentiles(Float64Array.from(samples));
      rows.push({ attack, outcome, probes: samples.length, 'failed probes': failed, 'health p50 ms': p.p50, 'health p99 ms': p.p99, 'health max ms': Math.round(Math.max(...samples) * 10) / 10, 'under 50 ms': Math.max(...samples) < 50 ? 'yes' : 'no' });
    }
    return rows;
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    await rm(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) console.table(await benchAttacks());

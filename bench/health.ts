// Health core costs: record() throughput and snapshot() latency for an endpoint carrying realistic
// traffic (a mix of outcomes over the last 30 minutes), plus the memory one endpoint's state takes.
import { pathToFileURL } from 'node:url';
import {
  createEndpointHealth,
  createInMemoryHealthStore,
  DEFAULT_HEALTH_CONFIG,
  recordOutcome,
  snapshotEndpoint,
  type EndpointHealth,
  type Outcome,
} from '../src/core/health/index.js';

const T0 = 1_700_000_000_000;
const ENDPOINTS = Array.from({ length: 10 }, (_, i) => `ep-${i}`);

/** A deterministic mix: 90 % successes with spread latency/throughput, 5 % failures, 4 % 429s, 1 % client errors. */
function outcomeFor(i: number): Outcome {
  const r = (i * 7919) % 100;
  if (r < 5) return { kind: 'failure', cause: 'server_error' };
  if (r < 9) return { kind: 'rate_limited' };
  if (r < 10) return { kind: 'client_error' };
  return { kind: 'success', ttftMs: 150 + ((i * 104_729) % 2_000), tokensPerSecond: 20 + ((i * 15_485_863) % 180) };
}

function time(iterations: number, run: (i: number) => void): number {
  const start = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) run(i);
  return Number(process.hrtime.bigint() - start) / 1_000; // µs
}

async function timeAsync(iterations: number, run: (i: number) => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) await run(i);
  return Number(process.hrtime.bigint() - start) / 1_000;
}

/** Bytes held by one endpoint's typed arrays (object headers not included). */
function stateBytes(health: EndpointHealth): number {
  const rings = [...Object.values(health.uptime)];
  const sketches = [...Object.values(health.latencyMs), ...Object.values(health.throughput)];
  return (
    rings.reduce((sum, r) => sum + r.epochs.byteLength + r.counts.byteLength, 0) +
    sketches.reduce((sum, r) => sum + r.epochs.byteLength + r.sketches.reduce((s, k) => s + k.bins.byteLength, 0), 0)
  );
}

export async function benchHealth(iterations = 500_000) {
  // 30 minutes of traffic spread over 10 endpoints, one outcome every 5 ms.
  const store = createInMemoryHealthStore();
  const spanMs = 30 * 60_000;
  const spacing = spanMs / iterations;
  const recordUs = await timeAsync(iterations, (i) => store.record(ENDPOINTS[i % 10]!, outcomeFor(i), T0 + i * spacing));
  const now = T0 + spanMs;

  const pure = createEndpointHealth();
  const recordPureUs = time(iterations, (i) => recordOutcome(pure, outcomeFor(i), T0 + i * spacing, DEFAULT_HEALTH_CONFIG));

  const snapshots = 20_000;
  await timeAsync(2_000, () => store.snapshot('ep-0', now)); // warm-up for the JIT
  const snapshotUs = await timeAsync(snapshots, (i) => store.snapshot(ENDPOINTS[i % 10]!, now + (i % 1_000)));
  const manyUs = await timeAsync(snapshots / 10, () => store.snapshotMany(ENDPOINTS, now));
  // Without the store's per-second reuse: the 4 percentile sets are recomputed from the window's sketches.
  const freshUs = time(snapshots, (i) => snapshotEndpoint('ep', pure, now, DEFAULT_HEALTH_CONFIG));

  return {
    'store.record() ops/s': Math.round(iterations / (recordUs / 1e6)),
    'recordOutcome() ops/s (sync)': Math.round(iterations / (recordPureUs / 1e6)),
    'store.snapshot() µs/op (percentiles reused within 1 s)': +(snapshotUs / snapshots).toFixed(2),
    'store.snapshotMany(10 ids) µs/op': +(manyUs / (snapshots / 10)).toFixed(2),
    'snapshotEndpoint() µs/op (percentiles recomputed)': +(freshUs / snapshots).toFixed(2),
    'state per busy endpoint (KB)': +(stateBytes(pure) / 1024).toFixed(1),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log('Health core (in-memory store, 30 min of mixed traffic over 10 endpoints):');
  console.table(await benchHealth());
}

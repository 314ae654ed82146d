// `npm run bench:failover`: the gateway in front of a simulator where 30 % of upstream attempts fail
// before the first token (mixed 429/5xx/reset/stall), on a model served by six providers (and, for
// comparison, pinned to three). Measures how many requests are answered, that each is billed exactly
// once, and what failing over adds to latency. Own processes on loopback, embedded database.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Agent, request } from 'undici';
import { freePort, start, waitUntilUp } from './processes.js';
import { percentiles } from './stats.js';

const KEY = 'sk-sy-v1-bench-failover-key-0000000000000000000000000';
const MODEL = 'meta-llama/llama-3.3-70b-instruct';
const FAULT_RATE = 0.3;
const REQUESTS = Number(process.env.FAILOVER_REQUESTS ?? 2000);
const CONCURRENCY = 8;
/** A stall holds the response this long; the gateway gives up on the first byte after FIRST_BYTE_MS. */
const STALL_MS = 5_000;
const FIRST_BYTE_MS = 750;

interface Outcome {
  ok: boolean;
  latencyMs: number;
  generationId: string | null;
  cost: number;
  status: number;
}

const dispatcher = new Agent({ connections: CONCURRENCY * 2 });

async function complete(url: string, provider: Record<string, unknown>): Promise<Outcome> {
  const started = performance.now();
  const res = await request(`${url}/api/v1/chat/completions`, {
    method: 'POST',
    dispatcher,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` },
    body: JSON.stringify({ model: MODEL, provider, max_tokens: 20, messages: [{ role: 'user', content: `Failover probe ${Math.random()}` }] }),
  });
  const body = (await res.body.json()) as { choices?: { message?: { content?: string } }[]; usage?: { cost?: number } };
  const generationId = (res.headers['x-generation-id'] as string | undefined) ?? null;
  const ok = res.statusCode === 200 && (body.choices?.[0]?.message?.content?.length ?? 0) > 0;
  return { ok, latencyMs: performance.now() - started, generationId, cost: body.usage?.cost ?? 0, status: res.statusCode };
}

async function generation(url: string, id: string): Promise<{ total_cost: number; provider_responses: { status: string }[] }> {
  const res = await request(`${url}/api/v1/generation?id=${id}`, { dispatcher, headers: { authorization: `Bearer ${KEY}` } });
  return ((await res.body.json()) as { data: { total_cost: number; provider_responses: { status: string }[] } }).data;
}

async function graphql<T>(url: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await request(`${url}/graphql`, { method: 'POST', dispatcher, headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` }, body: JSON.stringify({ query, variables }) });
  const json = (await res.body.json()) as { data: T; errors?: unknown };
  if (json.errors) throw new Error(JSON.stringify(json.errors));
  return json.data;
}

/** Every ledger entry of the account (exact decimal strings) and its balance. */
async function ledger(url: string): Promise<{ balance: string; entries: { kind: string; amount: string; generationId: string | null }[] }> {
  const entries: { kind: string; amount: string; generationId: string | null }[] = [];
  let after: string | null = null;
  for (;;) {
    const page: any = await graphql(url, `query($after: String) { viewer { ledger(first: 100, after: $after) { pageInfo { hasNextPage endCursor } edges { node { kind amount generationId } } } } }`, { after });
    entries.push(...page.viewer.ledger.edges.map((e: any) => e.node));
    if (!page.viewer.ledger.pageInfo.hasNextPage) break;
    after = page.viewer.ledger.pageInfo.endCursor;
  }
  const { viewer } = await graphql<{ viewer: { account: { balance: string } } }>(url, '{ viewer { account { balance } } }');
  return { balance: viewer.account.balance, entries };
}

/** USD decimal string → pico-dollars, exactly. */
const pico = (usd: string): bigint => {
  const [whole, fraction = ''] = usd.replace('-', '').split('.');
  const value = BigInt(whole!) * 10n ** 12n + BigInt((fraction + '0'.repeat(12)).slice(0, 12));
  return usd.startsWith('-') ? -value : value;
};

async function scenario(url: string, name: string, provider: Record<string, unknown>) {
  const outcomes: Outcome[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < REQUESTS) {
        next++;
        outcomes.push(await complete(url, provider));
      }
    }),
  );
  const firstTry: number[] = [];
  const failedOver: number[] = [];
  let billingMismatches = 0;
  let failedAttempts = 0;
  for (const o of outcomes) {
    if (!o.generationId) continue;
    const g = await generation(url, o.generationId);
    const failures = g.provider_responses.filter((r) => r.status !== 'succeeded').length;
    failedAttempts += failures;
    // Billed once, at what the response said: a failed request costs nothing.
    if (o.ok ? Math.abs(g.total_cost - o.cost) > 1e-12 : g.total_cost !== 0) billingMismatches++;
    if (o.ok) (failures === 0 ? firstTry : failedOver).push(o.latencyMs);
  }
  const answered = outcomes.filter((o) => o.ok).length;
  const first = percentiles(Float64Array.from(firstTry));
  const over = percentiles(Float64Array.from(failedOver));
  return {
    scenario: name,
    requests: outcomes.length,
    'answered %': +((answered / outcomes.length) * 100).toFixed(2),
    unanswered: outcomes.length - answered,
    'failed attempts': failedAttempts,
    'failed over': failedOver.length,
    'billing mismatches': billingMismatches,
    'p50 / p99 ms, first try': `${first.p50} / ${first.p99}`,
    'p50 / p99 ms, failed over': `${over.p50} / ${over.p99}`,
    'added by failover p50 ms': +(over.p50 - first.p50).toFixed(1),
    statuses: [...new Set(outcomes.filter((o) => !o.ok).map((o) => o.status))].join(' ') || '-',
  };
}

export async function benchFailover() {
  const [simPort, gatewayPort] = [await freePort(), await freePort()];
  const dataDir = await mkdtemp(join(tmpdir(), 'switchyard-failover-'));
  const simulatorUrl = `http://127.0.0.1:${simPort}`;
  const url = `http://127.0.0.1:${gatewayPort}`;
  const children = [
    start(['src/simulator/main.ts', '--port', String(simPort), '--fast', '--fault-rate', `*=${FAULT_RATE}`, '--stall-ms', String(STALL_MS)]),
    start(['src/main.ts'], {
      PORT: String(gatewayPort), DATA_DIR: dataDir, SIMULATOR_URL: simulatorUrl, SIMULATE_PROVIDERS: 'all', LOG_LEVEL: 'warn',
      RATE_LIMIT_REQUESTS_PER_MINUTE: '0', BOOTSTRAP_API_KEY: KEY, REDIS_URL: '', DATABASE_URL: '', UPSTREAM_FIRST_BYTE_TIMEOUT_MS: String(FIRST_BYTE_MS),
    }),
  ];
  try {
    await Promise.all([waitUntilUp(`${simulatorUrl}/health`), waitUntilUp(`${url}/health`)]);
    const before = await ledger(url);
    const rows = [
      await scenario(url, `${MODEL}: 6 providers`, {}),
      await scenario(url, 'pinned to 3 providers', { only: ['groq', 'together', 'deepinfra'] }),
    ];
    // The ledger judges billing: one usage entry per billed generation, and balance = Σ ledger.
    const after = await ledger(url);
    const usage = after.entries.filter((e) => e.kind === 'USAGE');
    const ids = usage.map((e) => e.generationId);
    const sum = after.entries.reduce((total, e) => total + pico(e.amount), 0n);
    console.log(
      `ledger: ${usage.length - before.entries.filter((e) => e.kind === 'USAGE').length} usage entries written, ${ids.length - new Set(ids).size} generations billed twice, ` +
        `balance ${after.balance} ${pico(after.balance) === sum ? '=' : '≠'} Σ ledger`,
    );
    return rows;
  } finally {
    for (const child of children) child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    await rm(dataDir, { recursive: true, force: true });
    await dispatcher.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]!).href) {
  console.log(`\n== Failover: ${FAULT_RATE * 100} % of upstream attempts fail before the first token (429/5xx/reset/stall), ${REQUESTS} requests per scenario, ${CONCURRENCY} concurrent ==`);
  console.table(await benchFailover());
}

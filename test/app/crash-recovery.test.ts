import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseUsd, sum, ZERO, type Money } from '../../src/core/billing/money.js';
import { fastProfile, startSimulator, type RunningSimulator } from '../../src/simulator/index.js';
import { databaseTargets, type DatabaseTarget } from '../support/databases.js';
import { REDIS_URL, deleteKeysWithPrefix, testRedis } from '../support/redis.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';

const KEY = 'sy-test-crash-recovery-key-0000000000000000';
const STREAMS = 20;

/** Starts a streamed completion and resolves once its first content chunk arrived (the answer is being delivered). */
async function streamUntilOutput(url: string): Promise<string> {
  const res = await fetch(`${url}/api/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` },
    body: JSON.stringify({ model: 'meta-llama/llama-3.3-70b-instruct', stream: true, max_tokens: 800, provider: { order: ['groq'], allow_fallbacks: false }, messages: [{ role: 'user', content: 'A long story, please.' }] }),
  });
  expect(res.status).toBe(200);
  const id = res.headers.get('x-generation-id')!;
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let seen = '';
  while (!seen.includes('"content"')) {
    const { done, value } = await reader.read();
    if (done) throw new Error('stream ended before output');
    seen += decoder.decode(value);
  }
  // Keep reading in the background until the process dies under it.
  void (async () => {
    try {
      while (!(await reader.read()).done);
    } catch {
      // the server was killed
    }
  })();
  return id;
}

const GENERATION = `query ($id: String!) { generation(id: $id) { status cost completionTokens } viewer { account { balance reserved } } }`;
async function generationOf(url: string, id: string) {
  const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` }, body: JSON.stringify({ query: GENERATION, variables: { id } }) });
  const body = (await res.json()) as { data: { generation: { status: string; cost: string; completionTokens: number } | null; viewer: { account: { balance: string; reserved: string } } } };
  return body.data;
}

/** Polls a condition that another process makes true, up to a deadline. */
async function eventually<T>(check: () => Promise<T | undefined>, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}

const killed = async (server: ServerProcess) => {
  server.child.kill('SIGKILL');
  await server.exited;
};

/** Every delivered generation billed exactly once, within its hold, and nothing left held. */
async function expectSettled(url: string, ids: string[], initial: Money) {
  const records = await Promise.all(ids.map((id) => eventually(async () => (await generationOf(url, id)).generation ?? undefined)));
  for (const g of records) {
    expect(g.status).toBe('cancelled');
    expect(g.completionTokens).toBeGreaterThan(0);
    expect(parseUsd(g.cost)).toBeGreaterThan(0n);
  }
  const { account } = (await generationOf(url, ids[0]!)).viewer;
  expect(parseUsd(account.reserved)).toBe(ZERO);
  expect(parseUsd(account.balance)).toBe(initial - sum(records.map((g) => parseUsd(g.cost))));
}

const postgres = (await databaseTargets()).find((t): t is DatabaseTarget => t.name === 'postgres');

describe('a server killed mid-stream', () => {
  let simulator: RunningSimulator;
  const dirs: string[] = [];
  beforeAll(async () => {
    // Slow, long answers: every stream is still delivering when the process is killed.
    simulator = await startSimulator({ profiles: {}, fallbackProfile: { ...fastProfile, tokensPerSecond: 40, completionTokens: 2_000 } });
  });
  afterAll(async () => {
    await simulator?.stop();
    await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
  });
  const common = () => ({ PORT: '0', SIMULATOR_URL: simulator.url, SIMULATE_PROVIDERS: 'all', BOOTSTRAP_DEV_ACCOUNT: 'true', BOOTSTRAP_API_KEY: KEY, RATE_LIMIT_REQUESTS_PER_MINUTE: '0', LOG_LEVEL: 'info' });

  it('on the embedded default: the restarted server bills every delivered generation once (from its journal) and frees every hold', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'switchyard-crash-'));
    dirs.push(dataDir);
    const first = startServerProcess({ ...common(), DATA_DIR: dataDir });
    const url = await first.listening;
    const initial = parseUsd((await generationOf(url, 'gen-none')).viewer.account.balance);
    const ids = await Promise.all(Array.from({ length: STREAMS }, () => streamUntilOutput(url)));
    await killed(first);

    const second = startServerProcess({ ...common(), DATA_DIR: dataDir });
    const again = await second.listening;
    try {
      await expectSettled(again, ids, initial);
    } finally {
      second.child.kill('SIGTERM');
      await second.exited;
    }
  }, 120_000);

  it.runIf(postgres)('on PostgreSQL + Redis: a peer instance settles what the killed one delivered, and frees its holds', async () => {
    const db = await postgres!.create();
    const prefix = `sy-crash-${process.pid}-${Date.now()}:`;
    const url = (db.config as { url: string }).url;
    const env = { ...common(), DATABASE_URL: url, REDIS_URL, REDIS_PREFIX: prefix, DATA_DIR: await mkdtemp(join(tmpdir(), 'switchyard-crash-')) };
    const a = startServerProcess({ ...env, AUTO_MIGRATE: 'true' });
    const onA = await a.listening;
    const b = startServerProcess(env);
    const onB = await b.listening;
    const redis = testRedis();
    try {
      const initial = parseUsd((await generationOf(onA, 'gen-none')).viewer.account.balance);
      const ids = await Promise.all(Array.from({ length: STREAMS }, () => streamUntilOutput(onA)));
      await killed(a);
      await expectSettled(onB, ids, initial);
      await redis.connect();
      // B released A's holds in the shared gate: nothing is held for the account any more.
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        const { rows } = await client.query<{ id: string; balance: string; ledger: string }>(
          `select a.id, a.balance, coalesce((select sum(amount) from ledger_entry l where l.account_id = a.id), 0) as ledger from account a`,
        );
        for (const r of rows) expect(BigInt(r.balance)).toBe(BigInt(r.ledger));
        const account = rows.find((r) => BigInt(r.balance) !== parseUsd('0'))!;
        expect(await redis.hget(`${prefix}credit:a:${account.id}`, 'held')).toBe('0');
      } finally {
        await client.end();
      }
    } finally {
      b.child.kill('SIGTERM');
      await b.exited;
      await deleteKeysWithPrefix(redis, prefix).catch(() => {});
      redis.disconnect();
      await db.dispose();
    }
  }, 180_000);
});

// viewer.usage at scale: one account with a million generations over 30 days on PostgreSQL (and PGlite),
// each grouping timed over the whole month and over one day. `npx tsx bench/usage.ts`
import { pathToFileURL } from 'node:url';
import { openDatabase } from '../src/persistence/database.js';
import { AccountRepository } from '../src/persistence/repositories/account-repository.js';
import { usageByBucket, type UsageGrouping } from '../src/persistence/queries/usage-queries.js';
import { issueApiKey } from '../src/gateway/accounts/issue-api-key.js';
import { databaseTargets } from '../test/support/databases.js';

const ROWS = Number(process.env.USAGE_BENCH_ROWS ?? 1_000_000);
const DAY = 86_400_000;

async function timeMs(run: () => Promise<unknown>): Promise<number> {
  const samples = [];
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  return Math.round(samples.sort((a, b) => a - b)[1]!);
}

export async function benchUsage(targetNames: string[] = ['postgres']) {
  const rows = [];
  for (const target of (await databaseTargets()).filter((t) => targetNames.includes(t.name))) {
    const scratch = await target.create();
    const db = await openDatabase(scratch.config);
    try {
      await db.migrate();
      const em = db.orm.em.fork();
      const account = await new AccountRepository(em).createAccount('usage bench');
      const keys = [];
      for (let k = 0; k < 5; k++) keys.push((await issueApiKey(em.fork(), { accountId: account.id, name: `k${k}`, kind: 'inference' })).key.id);
      const end = Date.now();
      const loadStarted = performance.now();
      await db.orm.em.getConnection().execute(
        `insert into generation (id, account_id, api_key_id, requested_models, model, provider, status, tokens_prompt, tokens_completion, tokens_reasoning, tokens_cached, cost, latency_ms, created_at)
         select 'gen-bench-' || i, ?, (array[?, ?, ?, ?, ?]::uuid[])[1 + i % 5], '{m}', 'model-' || (i % 40), 'provider-' || (i % 11),
                (case when i % 50 = 0 then 'failed' else 'succeeded' end)::text, 200 + i % 300, 50 + i % 400, 0, i % 100, (1000000 + i % 9000000)::numeric, 100 + i % 2000,
                to_timestamp((? - (i::bigint * ? / ?)) / 1000.0)
         from generate_series(1, ?) as i`,
        [account.id, ...keys, end, 30 * DAY, ROWS, ROWS],
      );
      await db.orm.em.getConnection().execute('analyze generation');
      const loadSeconds = ((performance.now() - loadStarted) / 1000).toFixed(1);
      for (const groupBy of ['day', 'hour', 'model', 'provider', 'key'] as UsageGrouping[]) {
        const month = await timeMs(() => usageByBucket(db.orm.em.fork(), account.id, new Date(end - 30 * DAY), new Date(end + 1), groupBy));
        const day = await timeMs(() => usageByBucket(db.orm.em.fork(), account.id, new Date(end - DAY), new Date(end + 1), groupBy));
        rows.push({ database: target.name, rows: ROWS, 'load s': loadSeconds, groupBy, '30 days ms': month, '1 day ms': day });
      }
    } finally {
      await db.close();
      await scratch.dispose();
    }
  }
  return rows;
}

if (import.meta.url === pathToFileURL(process.argv[1]!).href) console.table(await benchUsage(process.argv.slice(2).length ? process.argv.slice(2) : undefined));

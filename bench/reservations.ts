// Reservations per second: reserve the worst case, then settle, as every request does. One hot account
// and key (every request queues on the same two rows: the worst case) and 16 independent accounts.
import { parseUsd } from '../src/core/billing/money.js';
import { openDatabase } from '../src/persistence/database.js';
import { AccountRepository } from '../src/persistence/repositories/account-repository.js';
import { CreditLedger } from '../src/persistence/repositories/credit-ledger.js';
import { issueApiKey } from '../src/gateway/accounts/issue-api-key.js';
import { databaseTargets } from '../test/support/databases.js';

const REQUESTS = 2_000;
const CONCURRENCY = 16;

async function run(target: Awaited<ReturnType<typeof databaseTargets>>[number], accounts: number) {
  const scratch = await target.create();
  const db = await openDatabase(scratch.config);
  try {
    await db.migrate();
    const em = db.orm.em.fork();
    const payers: { accountId: string; apiKeyId: string }[] = [];
    for (let i = 0; i < accounts; i++) {
      const account = await new AccountRepository(em).createAccount(`bench ${i}`);
      await new CreditLedger(em.fork()).credit(account.id, 'grant', parseUsd('1000000'), `bench-grant-${i}`);
      const { key } = await issueApiKey(em.fork(), { accountId: account.id, name: 'bench', kind: 'inference', limit: parseUsd('1000000') });
      payers.push({ accountId: account.id, apiKeyId: key.id });
    }
    let next = 0;
    let reserveMs = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < REQUESTS) {
          const n = next++;
          const payer = payers[n % payers.length]!;
          const generationId = `gen-bench-${n}`;
          const ledger = new CreditLedger(db.orm.em.fork());
          const t = performance.now();
          const reserved = await ledger.reserve({ generationId, ...payer, amount: parseUsd('0.01'), keyPeriodStart: new Date(0), expiresAt: new Date(Date.now() + 60_000) });
          reserveMs += performance.now() - t;
          if (!reserved.ok) throw new Error(`refused: ${reserved.reason}`);
          await ledger.settle({ generationId, ...payer, cost: parseUsd('0.004'), keyPeriodStart: new Date(0) });
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    return { database: target.name, accounts, 'reserve+settle /s': Math.round(REQUESTS / seconds), 'mean reserve ms': +(reserveMs / REQUESTS).toFixed(2) };
  } finally {
    await db.close();
    await scratch.dispose();
  }
}

export async function benchReservations() {
  const rows = [];
  for (const target of await databaseTargets()) for (const accounts of [1, 16]) rows.push(await run(target, accounts));
  return rows;
}

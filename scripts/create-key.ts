// Mints a new API key for an account (default: the development account) and prints it once.
// Usage: npm run key:create -- [--management] [--account "Development"] [--name "my key"]
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/persistence/database.js';
import { AccountRepository } from '../src/persistence/repositories/account-repository.js';
import { issueApiKey } from '../src/gateway/accounts/issue-api-key.js';
import { DEV_ACCOUNT_NAME } from '../src/gateway/accounts/bootstrap.js';

const { values } = parseArgs({
  options: { management: { type: 'boolean', default: false }, account: { type: 'string', default: DEV_ACCOUNT_NAME }, name: { type: 'string' } },
});
const db = await openDatabase(loadConfig().database);
try {
  const account = await new AccountRepository(db.orm.em.fork()).findAccountByName(values.account!);
  if (!account) throw new Error(`No account named "${values.account}" (start the server once to create the development account)`);
  const kind = values.management ? 'management' : 'inference';
  const { plaintext } = await issueApiKey(db.orm.em.fork(), { accountId: account.id, name: values.name ?? `CLI ${kind} key`, kind });
  console.log(`New ${kind} key for "${account.name}" (shown only now):\n  ${plaintext}`);
} finally {
  await db.close();
}

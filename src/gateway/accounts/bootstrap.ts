import type { EntityManager } from '@mikro-orm/postgresql';
import { parseUsd } from '../../core/billing/money.js';
import { AccountRepository } from '../../persistence/repositories/account-repository.js';
import { CreditLedger } from '../../persistence/repositories/credit-ledger.js';
import { hashApiKey } from '../auth/api-key-secret.js';
import { issueApiKey } from './issue-api-key.js';

export const DEV_ACCOUNT_NAME = 'Development';
const DEV_GRANT = parseUsd('10');

export interface BootstrapOptions {
  /** Known keys for automation (BOOTSTRAP_API_KEY / BOOTSTRAP_MANAGEMENT_KEY); random when absent. */
  inferenceKey?: string;
  managementKey?: string;
}

export type BootstrapResult =
  /** `generated` holds the keys made up here (shown once); configured keys are not repeated back. */
  | { kind: 'created'; accountId: string; generated: { inference?: string; management?: string } }
  | { kind: 'existing'; accountId: string; addedKeys: ('inference' | 'management')[] };

/**
 * Makes sure a development account with credits exists. Keys are shown only when created: the
 * database keeps hashes. A configured key that is missing (e.g. a new BOOTSTRAP_API_KEY) is added.
 */
export async function bootstrapDevAccount(em: EntityManager, options: BootstrapOptions = {}): Promise<BootstrapResult> {
  const repo = new AccountRepository(em.fork());
  const existing = await repo.findAccountByName(DEV_ACCOUNT_NAME);
  if (!existing) {
    const account = await repo.createAccount(DEV_ACCOUNT_NAME);
    await new CreditLedger(em.fork()).credit(account.id, 'grant', DEV_GRANT, `bootstrap-grant:${account.id}`, 'Development credits');
    const inference = await issueApiKey(em.fork(), { accountId: account.id, name: 'Development inference key', kind: 'inference' }, options.inferenceKey);
    const management = await issueApiKey(em.fork(), { accountId: account.id, name: 'Development management key', kind: 'management' }, options.managementKey);
    return {
      kind: 'created',
      accountId: account.id,
      generated: { ...(options.inferenceKey ? {} : { inference: inference.plaintext }), ...(options.managementKey ? {} : { management: management.plaintext }) },
    };
  }
  const addedKeys: ('inference' | 'management')[] = [];
  for (const [kind, plaintext] of [['inference', options.inferenceKey], ['management', options.managementKey]] as const) {
    if (plaintext && !(await repo.findKeyByHash(hashApiKey(plaintext)))) {
      await issueApiKey(em.fork(), { accountId: existing.id, name: `Configured ${kind} key`, kind }, plaintext);
      addedKeys.push(kind);
    }
  }
  return { kind: 'existing', accountId: existing.id, addedKeys };
}

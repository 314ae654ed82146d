import type { EntityManager } from '@mikro-orm/postgresql';
import { AccountRepository } from '../../persistence/repositories/account-repository.js';
import { hashApiKey } from '../auth/api-key-secret.js';
import { issueApiKey } from './issue-api-key.js';

export const OPERATOR_ACCOUNT_NAME = 'Platform operator';

/**
 * Makes the configured OPERATOR_KEY a management key of the operator account (created on first use).
 * Keys of that account carry the operator scope: catalog administration and credit grants.
 */
export async function ensureOperatorKey(em: EntityManager, operatorKey: string): Promise<void> {
  const repo = new AccountRepository(em.fork());
  if (await repo.findKeyByHash(hashApiKey(operatorKey))) return;
  const account = (await repo.findAccountByName(OPERATOR_ACCOUNT_NAME)) ?? (await repo.createAccount(OPERATOR_ACCOUNT_NAME, { isOperator: true }));
  await issueApiKey(em.fork(), { accountId: account.id, name: 'Operator key (OPERATOR_KEY)', kind: 'management' }, operatorKey);
}

import type { EntityManager } from '@mikro-orm/postgresql';
import { isUuid } from '../../core/ids.js';
import { AccountSchema, ApiKeySchema, ByokKeySchema, LedgerEntrySchema, type Account, type ApiKey, type ByokKey, type LedgerEntry } from '../entities/index.js';

/**
 * The read side of accounts, keys and credits for the surfaces: every lookup scoped the way the
 * caller may see it (a key or BYOK key of another account reads like a missing one).
 */
export const accountQueries = (em: EntityManager) => ({
  account: (id: string): Promise<Account | null> => (isUuid(id) ? em.findOne(AccountSchema, { id }) : Promise.resolve(null)),
  accounts: (ids: readonly string[]): Promise<Account[]> => {
    const valid = ids.filter(isUuid);
    return valid.length ? em.find(AccountSchema, { id: { $in: valid } }) : Promise.resolve([]);
  },
  /** A live (not deleted) key of the account. */
  key: (accountId: string, id: string): Promise<ApiKey | null> => (isUuid(id) ? em.findOne(ApiKeySchema, { id, account: accountId, deletedAt: null }) : Promise.resolve(null)),
  keys: (accountId: string, ids: readonly string[]): Promise<ApiKey[]> => em.find(ApiKeySchema, { id: { $in: ids.filter(isUuid) }, account: accountId, deletedAt: null }),
  byokKeys: (accountId: string, ids: readonly string[]): Promise<ByokKey[]> => em.find(ByokKeySchema, { id: { $in: ids.filter(isUuid) }, account: accountId }),
  /** The account's credit movements, newest first. */
  ledger: (accountId: string, offset: number, limit: number): Promise<LedgerEntry[]> =>
    em.find(LedgerEntrySchema, { account: accountId }, { orderBy: { createdAt: 'desc', id: 'desc' }, offset, limit }),
});

import type { EntityManager } from '@mikro-orm/postgresql';
import type { Money } from '../../core/billing/money.js';
import { AccountSchema, ApiKeySchema, type Account, type ApiKey } from '../entities/index.js';

export interface NewKeyRecord {
  accountId: string;
  hash: string;
  prefix: string;
  name: string;
  kind: 'inference' | 'management';
  limit?: Money | null;
  limitReset?: 'none' | 'daily' | 'weekly' | 'monthly';
  includeByokInLimit?: boolean;
  expiresAt?: Date | null;
}

/** Accounts and their API keys (only hashes of keys ever reach this layer). */
export class AccountRepository {
  constructor(private readonly em: EntityManager) {}

  async createAccount(name: string, options: { isOperator?: boolean } = {}): Promise<Account> {
    const account = this.em.create(AccountSchema, { name, isOperator: options.isOperator ?? false });
    await this.em.persistAndFlush(account);
    return account;
  }

  async createKey(record: NewKeyRecord): Promise<ApiKey> {
    const key = this.em.create(ApiKeySchema, {
      account: record.accountId,
      hash: record.hash,
      prefix: record.prefix,
      name: record.name,
      kind: record.kind,
      limit: record.limit ?? null,
      limitReset: record.limitReset ?? 'none',
      includeByokInLimit: record.includeByokInLimit ?? false,
      expiresAt: record.expiresAt ?? null,
    });
    await this.em.persistAndFlush(key);
    return key;
  }

  /** The key with its account, one query; null when no key has this hash. */
  findKeyByHash(hash: string): Promise<ApiKey | null> {
    return this.em.findOne(ApiKeySchema, { hash, deletedAt: null }, { populate: ['account'] });
  }

  findAccount(id: string): Promise<Account | null> {
    return this.em.findOne(AccountSchema, { id });
  }

  findAccountByName(name: string): Promise<Account | null> {
    return this.em.findOne(AccountSchema, { name }, { orderBy: { createdAt: 'asc' } });
  }
}

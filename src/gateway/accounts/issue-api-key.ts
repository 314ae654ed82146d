import type { EntityManager } from '@mikro-orm/postgresql';
import { AccountRepository, type NewKeyRecord } from '../../persistence/repositories/account-repository.js';
import type { ApiKey } from '../../persistence/entities/index.js';
import { generateApiKey, hashApiKey } from '../auth/api-key-secret.js';

export type KeyOptions = Omit<NewKeyRecord, 'hash' | 'prefix'>;

/**
 * Creates a key and returns its plaintext, which exists only in this return value. `plaintext` may
 * be supplied (a known automation key from configuration); otherwise 256 random bits are drawn.
 */
export async function issueApiKey(em: EntityManager, options: KeyOptions, plaintext?: string): Promise<{ key: ApiKey; plaintext: string }> {
  const secret = plaintext ?? generateApiKey().plaintext;
  const key = await new AccountRepository(em).createKey({
    ...options,
    hash: hashApiKey(secret),
    prefix: secret.slice(0, 13),
  });
  return { key, plaintext: secret };
}

import type { EntityManager } from '@mikro-orm/postgresql';
import { ByokKeySchema } from '../../persistence/entities/index.js';
import type { Keyring } from '../secrets/keyring.js';
import { decryptSecret } from '../secrets/secret-box.js';
import { byokSecretOwner } from '../secrets/secret-owner.js';

/** An account's key for one provider, as the request path needs it. */
export type ByokCredential =
  | { kind: 'usable'; apiKey: string; alwaysUse: boolean }
  /** Stored, but it cannot be opened (no SECRET_KEY, or sealed under a key no longer in the keyring). */
  | { kind: 'unreadable'; alwaysUse: boolean };

export interface ByokCredentials {
  /** The account's BYOK keys by provider slug (cached: read on every request). */
  forAccount(accountId: string): Promise<ReadonlyMap<string, ByokCredential>>;
  /** Drop an account's cached keys after they changed. */
  forget(accountId: string): void;
}

const NONE: ReadonlyMap<string, ByokCredential> = new Map();

/**
 * Decrypted BYOK keys per account, cached for `ttlMs` so the request path reads the database at most
 * once per account per TTL. Changes made on this instance apply at once; on other instances within the TTL.
 */
export function createByokCredentials(
  em: EntityManager,
  keyring: Keyring | undefined,
  { ttlMs = 30_000, maxAccounts = 10_000, onUnreadable = (_accountId: string, _provider: string, _error: unknown) => {} } = {},
): ByokCredentials {
  const cache = new Map<string, { value: ReadonlyMap<string, ByokCredential>; until: number }>();
  const epochs = new Map<string, number>();

  async function load(accountId: string): Promise<ReadonlyMap<string, ByokCredential>> {
    const rows = await em.fork().find(ByokKeySchema, { account: accountId }, { populate: ['provider'] });
    if (rows.length === 0) return NONE;
    const byProvider = new Map<string, ByokCredential>();
    for (const row of rows) {
      const slug = row.provider.slug;
      try {
        if (!keyring) throw new Error('no SECRET_KEY configured');
        byProvider.set(slug, { kind: 'usable', apiKey: decryptSecret(keyring, row.sealedSecret, byokSecretOwner(accountId, slug)), alwaysUse: row.alwaysUse });
      } catch (error) {
        onUnreadable(accountId, slug, error);
        byProvider.set(slug, { kind: 'unreadable', alwaysUse: row.alwaysUse });
      }
    }
    return byProvider;
  }

  return {
    async forAccount(accountId) {
      const now = Date.now();
      const hit = cache.get(accountId);
      if (hit && hit.until > now) return hit.value;
      const epoch = epochs.get(accountId) ?? 0;
      const value = await load(accountId);
      // Changed while loading (a key set or deleted): use what was read once, but don't keep it.
      if ((epochs.get(accountId) ?? 0) !== epoch) return value;
      if (cache.size >= maxAccounts) cache.delete(cache.keys().next().value!);
      cache.set(accountId, { value, until: now + ttlMs });
      return value;
    },
    forget(accountId) {
      cache.delete(accountId);
      epochs.set(accountId, (epochs.get(accountId) ?? 0) + 1);
      if (epochs.size > maxAccounts) epochs.delete(epochs.keys().next().value!);
    },
  };
}

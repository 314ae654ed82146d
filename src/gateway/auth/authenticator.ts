import type { EntityManager } from '@mikro-orm/postgresql';
import { AccountRepository } from '../../persistence/repositories/account-repository.js';
import type { ApiKey } from '../../persistence/entities/index.js';
import { hashApiKey } from './api-key-secret.js';
import type { AuthResult, Principal } from './principal.js';

interface CachedKey {
  /** null: no such key (cached too, so a flood of bad keys doesn't hit the database). */
  found: { principal: Principal; disabled: boolean; suspended: boolean } | null;
  cachedUntil: number;
}

export interface Authenticator {
  authenticate(token: string | null, now?: number): Promise<AuthResult>;
  /** Drop a key from the cache after it was changed (disabled, deleted, limit updated). */
  forget(keyHash: string): void;
  /** Drop every key of an account (suspended, resumed, renamed, routing defaults changed). */
  forgetAccount(accountId: string): void;
}

const toPrincipal = (key: ApiKey): Principal => ({
  accountId: key.account.id,
  accountName: key.account.name,
  isOperator: key.account.isOperator,
  accountDefaults: {
    ignoredProviders: key.account.ignoredProviders ?? [],
    dataCollection: key.account.denyDataCollection ? 'deny' : 'allow',
    zdrOnly: key.account.zdrOnly ?? false,
  },
  key: {
    id: key.id,
    name: key.name,
    kind: key.kind,
    limit: key.limit ?? null,
    limitReset: key.limitReset,
    includeByokInLimit: key.includeByokInLimit,
    expiresAt: key.expiresAt ?? null,
  },
});

/**
 * Resolves API keys to principals. Runs on every request, so lookups are cached for `ttlMs`
 * (bounded size); expiry is still checked against the clock on every call.
 */
export function createAuthenticator(em: EntityManager, { ttlMs = 30_000, maxEntries = 50_000 } = {}): Authenticator {
  const cache = new Map<string, CachedKey>();

  async function lookup(hash: string, now: number): Promise<CachedKey['found']> {
    const cached = cache.get(hash);
    if (cached && cached.cachedUntil > now) return cached.found;
    const key = await new AccountRepository(em.fork()).findKeyByHash(hash);
    const found = key ? { principal: toPrincipal(key), disabled: key.disabled, suspended: key.account.suspendedAt != null } : null;
    if (cache.size >= maxEntries) cache.delete(cache.keys().next().value!);
    cache.set(hash, { found, cachedUntil: now + ttlMs });
    return found;
  }

  return {
    async authenticate(token, now = Date.now()) {
      if (token === null) return { kind: 'anonymous' };
      const found = await lookup(hashApiKey(token), now);
      if (!found) return { kind: 'rejected', reason: 'invalid', message: 'Invalid API key' };
      if (found.disabled) return { kind: 'rejected', reason: 'disabled', message: 'This API key is disabled' };
      if (found.suspended) return { kind: 'rejected', reason: 'suspended', message: 'This account is suspended' };
      const expiresAt = found.principal.key.expiresAt;
      if (expiresAt && expiresAt.getTime() <= now) {
        return { kind: 'rejected', reason: 'expired', message: `This API key expired at ${expiresAt.toISOString()}` };
      }
      return { kind: 'authenticated', principal: found.principal };
    },
    forget: (hash) => void cache.delete(hash),
    forgetAccount(accountId) {
      for (const [hash, entry] of cache) if (entry.found?.principal.accountId === accountId) cache.delete(hash);
    },
  };
}

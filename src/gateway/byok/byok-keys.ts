import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import { ByokKeySchema, ProviderSchema, type ByokKey } from '../../persistence/entities/index.js';
import { isUuid } from '../../core/ids.js';
import type { Principal } from '../auth/principal.js';
import { requireManagement } from '../accounts/require-management.js';
import { encryptSecret } from '../secrets/secret-box.js';
import { byokSecretOwner } from '../secrets/secret-owner.js';
import { maskSecret } from '../secrets/mask-secret.js';
import type { Keyring } from '../secrets/keyring.js';
import { InvalidInputError, NotFoundError, UnavailableError } from '../user-errors.js';
import type { ByokCredentials } from './byok-credentials.js';

const setInput = z.object({
  provider: z.string().trim().min(1, 'provider must name a provider slug'),
  // Provider keys are opaque tokens: no whitespace inside, bounded so a pasted document is refused.
  secret: z.string().trim().min(8, 'secret is too short to be a provider key').max(1000, 'secret must be at most 1000 characters').regex(/^\S+$/, 'secret must not contain whitespace'),
  alwaysUse: z.boolean(),
});

export type SetByokKeyInput = z.input<typeof setInput>;

/** An account's own provider keys: sealed on write, listed masked, never returned in plaintext. */
export class ByokKeys {
  constructor(
    private readonly em: EntityManager,
    private readonly keyring: Keyring | undefined,
    private readonly credentials: ByokCredentials,
  ) {}

  async list(principal: Principal): Promise<ByokKey[]> {
    requireManagement(principal, 'Managing BYOK keys');
    return this.em.find(ByokKeySchema, { account: principal.accountId }, { orderBy: { createdAt: 'asc' }, populate: ['provider'] });
  }

  /** Creates the account's key for a provider, or replaces it (one per provider). */
  async set(principal: Principal, input: SetByokKeyInput): Promise<ByokKey> {
    requireManagement(principal, 'Managing BYOK keys');
    const keyring = this.keyring;
    if (!keyring) throw new UnavailableError('BYOK is not available on this server: the operator has not configured SECRET_KEY');
    const parsed = setInput.safeParse(input);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new InvalidInputError(issue.message, issue.path.join('.') || null);
    }
    const { provider: slug, secret, alwaysUse } = parsed.data;
    const provider = await this.em.findOne(ProviderSchema, { slug });
    if (!provider) throw new InvalidInputError(`No provider "${slug}"`, 'provider');
    const sealedSecret = encryptSecret(keyring, secret, byokSecretOwner(principal.accountId, provider.slug));
    const existing = await this.em.findOne(ByokKeySchema, { account: principal.accountId, provider });
    const key = existing
      ? this.em.assign(existing, { sealedSecret, mask: maskSecret(secret), alwaysUse })
      : this.em.create(ByokKeySchema, { account: principal.accountId, provider, sealedSecret, mask: maskSecret(secret), alwaysUse });
    await this.em.flush();
    this.credentials.forget(principal.accountId);
    return key;
  }

  /** Another account's key id is reported exactly like a missing one. */
  async delete(principal: Principal, id: string): Promise<string> {
    requireManagement(principal, 'Managing BYOK keys');
    const key = isUuid(id) ? await this.em.findOne(ByokKeySchema, { id, account: principal.accountId }) : null;
    if (!key) throw new NotFoundError(`No BYOK key ${id}`);
    await this.em.removeAndFlush(key);
    this.credentials.forget(principal.accountId);
    return id;
  }
}

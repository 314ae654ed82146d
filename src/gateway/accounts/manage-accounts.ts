import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import { AccountSchema, type Account } from '../../persistence/entities/index.js';
import { AccountRepository } from '../../persistence/repositories/account-repository.js';
import { isUuid } from '../../core/ids.js';
import type { Principal } from '../auth/principal.js';
import { requireOperator } from '../admin/grant-credits.js';
import { ForbiddenError, InvalidInputError, NotFoundError } from '../user-errors.js';
import { issueApiKey } from './issue-api-key.js';
import { requireManagement } from './require-management.js';

/** Told when an account changed, so every instance drops the cached principals of its keys at once. */
export type AccountChanged = (accountId: string) => void;

const name = z.string().trim().min(1, 'name must not be empty').max(200, 'name must be at most 200 characters');
const routingDefaults = z
  .object({
    ignoredProviders: z.array(z.string().trim().toLowerCase().min(1).max(64)).max(50, 'at most 50 ignored providers'),
    dataCollection: z.enum(['allow', 'deny']),
    zdrOnly: z.boolean(),
  })
  .partial();

export type RoutingDefaultsInput = z.infer<typeof routingDefaults>;

function parse<T>(schema: z.ZodType<T>, input: unknown, field: string): T {
  const result = schema.safeParse(input);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new InvalidInputError(issue.message, [field, ...issue.path].join('.'));
  }
  return result.data;
}

/**
 * Tenant administration: the operator creates, renames, suspends and resumes accounts; an account's
 * own management key (or the operator) sets its routing defaults. Every change is announced, so the
 * authenticators of all instances forget the account's keys and the next request sees it.
 */
export class AccountManagement {
  constructor(
    private readonly em: EntityManager,
    private readonly changed: AccountChanged,
  ) {}

  /** A new account with its first management key, whose secret is returned only here. */
  async create(principal: Principal, input: { name: string; keyName?: string; routingDefaults?: RoutingDefaultsInput }): Promise<{ account: Account; managementKey: string }> {
    requireOperator(principal);
    const accountName = parse(name, input.name, 'name');
    const defaults = parse(routingDefaults, input.routingDefaults ?? {}, 'routingDefaults');
    const keyName = parse(name.max(100, 'keyName must be at most 100 characters'), input.keyName ?? 'First management key', 'keyName');
    const em = this.em.fork();
    const account = await em.transactional(async (tx) => {
      const created = tx.create(AccountSchema, { name: accountName, ...columnsOf(defaults) });
      await tx.flush();
      return created;
    });
    const { plaintext } = await issueApiKey(this.em.fork(), { accountId: account.id, name: keyName, kind: 'management' });
    return { account, managementKey: plaintext };
  }

  async get(principal: Principal, accountId: string): Promise<Account> {
    if (!principal.isOperator && principal.accountId !== accountId) throw new NotFoundError(`No account ${accountId}`);
    return this.find(this.em.fork(), accountId);
  }

  rename(principal: Principal, accountId: string, newName: string): Promise<Account> {
    requireOperator(principal);
    const value = parse(name, newName, 'name');
    return this.change(accountId, (account) => void (account.name = value));
  }

  /** Suspended: every key of the account is refused with 403 from now on (on every instance). */
  suspend(principal: Principal, accountId: string): Promise<Account> {
    requireOperator(principal);
    if (accountId === principal.accountId) throw new ForbiddenError('The operator account cannot suspend itself');
    return this.change(accountId, (account) => void (account.suspendedAt ??= new Date()));
  }

  resume(principal: Principal, accountId: string): Promise<Account> {
    requireOperator(principal);
    return this.change(accountId, (account) => void (account.suspendedAt = null));
  }

  /** By the operator, or by a management key of the account itself. */
  setRoutingDefaults(principal: Principal, accountId: string, input: RoutingDefaultsInput): Promise<Account> {
    if (!principal.isOperator) {
      if (principal.accountId !== accountId) throw new NotFoundError(`No account ${accountId}`);
      requireManagement(principal, 'Changing account settings');
    }
    const defaults = parse(routingDefaults, input, 'routingDefaults');
    return this.change(accountId, (account) => void Object.assign(account, columnsOf(defaults)));
  }

  private async change(accountId: string, apply: (account: Account) => void): Promise<Account> {
    const em = this.em.fork();
    const account = await this.find(em, accountId);
    apply(account);
    await em.flush();
    this.changed(account.id);
    return account;
  }

  private async find(em: EntityManager, accountId: string): Promise<Account> {
    const account = isUuid(accountId) ? await new AccountRepository(em).findAccount(accountId) : null;
    if (!account) throw new NotFoundError(`No account ${accountId}`);
    return account;
  }
}

function columnsOf(defaults: RoutingDefaultsInput): Partial<Pick<Account, 'ignoredProviders' | 'denyDataCollection' | 'zdrOnly'>> {
  return {
    ...(defaults.ignoredProviders ? { ignoredProviders: [...new Set(defaults.ignoredProviders)] } : {}),
    ...(defaults.dataCollection ? { denyDataCollection: defaults.dataCollection === 'deny' } : {}),
    ...(defaults.zdrOnly !== undefined ? { zdrOnly: defaults.zdrOnly } : {}),
  };
}

/** An account's routing defaults, in the routing vocabulary. */
export const routingDefaultsOf = (account: Account) => ({
  ignoredProviders: account.ignoredProviders ?? [],
  dataCollection: account.denyDataCollection ? ('deny' as const) : ('allow' as const),
  zdrOnly: account.zdrOnly ?? false,
});

export const accountStatusOf = (account: Account): 'active' | 'suspended' => (account.suspendedAt ? 'suspended' : 'active');

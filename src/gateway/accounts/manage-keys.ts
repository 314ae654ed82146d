import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import { parseUsd, type Money } from '../../core/billing/money.js';
import { ApiKeySchema, type ApiKey } from '../../persistence/entities/index.js';
import type { Authenticator } from '../auth/authenticator.js';
import type { Principal } from '../auth/principal.js';
import { ForbiddenError, InvalidInputError, NotFoundError } from '../user-errors.js';
import { issueApiKey } from './issue-api-key.js';
import { requireManagement } from './require-management.js';
import { isUuid } from '../../core/ids.js';

const MAX_LIMIT = parseUsd('1000000');

const keyFields = z.object({
  name: z.string().trim().min(1, 'name must not be empty').max(100, 'name must be at most 100 characters'),
  limit: z
    .custom<Money>((v) => typeof v === 'bigint')
    .refine((v) => v >= 0n && v <= MAX_LIMIT, 'limit must be between 0 and 1000000 USD')
    .nullable(),
  limitReset: z.enum(['none', 'daily', 'weekly', 'monthly']),
  includeByokInLimit: z.boolean(),
  disabled: z.boolean(),
  expiresAt: z.date().nullable(),
});

export type CreateKeyInput = Partial<Omit<z.infer<typeof keyFields>, 'disabled'>> & { name: string; kind?: 'inference' | 'management' };
export type UpdateKeyInput = Partial<z.infer<typeof keyFields>>;

function parse<T>(schema: z.ZodType<T>, input: unknown): T {
  const result = schema.safeParse(input);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new InvalidInputError(issue.message, issue.path.join('.') || null);
  }
  return result.data;
}

const requireKeyManagement = (principal: Principal) => requireManagement(principal, 'Managing keys');

/** Key administration for one account. Every lookup is scoped to the caller's account. */
export class KeyManagement {
  constructor(
    private readonly em: EntityManager,
    private readonly auth: Authenticator,
  ) {}

  async list(principal: Principal): Promise<ApiKey[]> {
    requireKeyManagement(principal);
    return this.em.find(ApiKeySchema, { account: principal.accountId, deletedAt: null }, { orderBy: { createdAt: 'asc' } });
  }

  async get(principal: Principal, id: string): Promise<ApiKey> {
    requireKeyManagement(principal);
    return this.owned(principal, id);
  }

  async create(principal: Principal, input: CreateKeyInput): Promise<{ key: ApiKey; secret: string }> {
    requireKeyManagement(principal);
    const fields = parse(keyFields.partial().required({ name: true }).omit({ disabled: true }), input);
    if (fields.expiresAt && fields.expiresAt.getTime() <= Date.now()) throw new InvalidInputError('expiresAt must be in the future', 'expiresAt');
    const { key, plaintext } = await issueApiKey(this.em, { accountId: principal.accountId, kind: input.kind ?? 'inference', ...fields });
    return { key, secret: plaintext };
  }

  async update(principal: Principal, id: string, input: UpdateKeyInput): Promise<ApiKey> {
    requireKeyManagement(principal);
    const fields = parse(keyFields.partial(), input);
    const key = await this.owned(principal, id);
    this.em.assign(key, fields);
    await this.em.flush();
    this.auth.forget(key.hash);
    return key;
  }

  async delete(principal: Principal, id: string): Promise<string> {
    requireKeyManagement(principal);
    const key = await this.owned(principal, id);
    if (key.id === principal.key.id) throw new ForbiddenError('A key cannot delete itself');
    // Soft: a generation still running with this key settles against its row; the key never authenticates again.
    key.deletedAt = new Date();
    key.disabled = true;
    await this.em.flush();
    this.auth.forget(key.hash);
    return key.id;
  }

  /** Another account's key is reported exactly like a missing one, so ids reveal nothing. */
  private async owned(principal: Principal, id: string): Promise<ApiKey> {
    const key = isUuid(id) ? await this.em.findOne(ApiKeySchema, { id, account: principal.accountId, deletedAt: null }) : null;
    if (!key) throw new NotFoundError(`No key ${id}`);
    return key;
  }
}

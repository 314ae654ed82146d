import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { createdAt, updatedAt } from './timestamps.js';
import { AccountSchema } from './account.js';
import { ProviderSchema } from './provider.js';

/**
 * An account's own key for a provider. Only the sealed (AES-256-GCM) secret is stored, bound to its
 * account and provider; `mask` ("sk-…abcd") is all that is ever shown again.
 */
export const ByokKeySchema = defineEntity({
  name: 'ByokKey',
  tableName: 'byok_key',
  uniques: [{ properties: ['account', 'provider'] }],
  properties: {
    id: p.uuid().primary().onCreate(() => crypto.randomUUID()),
    account: () => p.manyToOne(AccountSchema).deleteRule('cascade'),
    provider: () => p.manyToOne(ProviderSchema).deleteRule('cascade'),
    sealedSecret: p.text(),
    mask: p.string().length(32),
    /** Use only this key for the provider (never fall back to platform credits on its endpoints). */
    alwaysUse: p.boolean().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
});

export type ByokKey = InferEntity<typeof ByokKeySchema>;

import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { createdAt } from './timestamps.js';
import { AccountSchema } from './account.js';
import { ApiKeySchema } from './api-key.js';
import { moneyProperty } from '../money-type.js';

export const ledgerKinds = ['purchase', 'fee', 'usage', 'byok_fee', 'refund', 'grant'] as const;

/** Append-only: credits are positive, charges negative; the balance is their sum. */
export const LedgerEntrySchema = defineEntity({
  name: 'LedgerEntry',
  tableName: 'ledger_entry',
  indexes: [{ properties: ['apiKey', 'createdAt'] }, { properties: ['account', 'createdAt'] }],
  properties: {
    id: p.uuid().primary().onCreate(() => crypto.randomUUID()),
    account: () => p.manyToOne(AccountSchema).deleteRule('cascade'),
    kind: p.enum([...ledgerKinds]),
    amount: moneyProperty(),
    idempotencyKey: p.string().length(200).unique(),
    generationId: p.string().length(64).nullable().index(),
    /** The key whose request incurred a usage entry (for per-key usage by period). */
    apiKey: () => p.manyToOne(ApiKeySchema).nullable().deleteRule('set null'),
    description: p.text().nullable(),
    createdAt: createdAt(),
  },
});

export type LedgerEntry = InferEntity<typeof LedgerEntrySchema>;

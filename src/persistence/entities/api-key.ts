import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { createdAt } from './timestamps.js';
import { AccountSchema } from './account.js';
import { moneyProperty } from '../money-type.js';

export const apiKeyKinds = ['inference', 'management'] as const;
export const limitResets = ['none', 'daily', 'weekly', 'monthly'] as const;

/** Only a hash of the key is stored; `prefix` lets a user recognise it ("sk-sy-v1-abc…"). */
export const ApiKeySchema = defineEntity({
  name: 'ApiKey',
  tableName: 'api_key',
  properties: {
    id: p.uuid().primary().onCreate(() => crypto.randomUUID()),
    account: () => p.manyToOne(AccountSchema).index().deleteRule('cascade'),
    hash: p.string().length(128).unique(),
    prefix: p.string().length(32),
    name: p.string().length(200),
    kind: p.enum([...apiKeyKinds]).default('inference'),
    limit: moneyProperty().nullable(),
    limitReset: p.enum([...limitResets]).default('none'),
    includeByokInLimit: p.boolean().default(false),
    /** Held by in-flight generations of this key; counts against `limit`. */
    reserved: moneyProperty().default('0'),
    /** Spent in the current limit period (reset lazily when a new period starts). */
    periodUsage: moneyProperty().default('0'),
    periodStartedAt: p.datetime().defaultRaw('current_timestamp'),
    /** Spent over the key's lifetime. */
    usage: moneyProperty().default('0'),
    expiresAt: p.datetime().nullable(),
    disabled: p.boolean().default(false),
    /** Deleted keys are kept (a generation running with one still settles against it) but never authenticate. */
    deletedAt: p.datetime().nullable(),
    createdAt: createdAt(),
  },
});

export type ApiKey = InferEntity<typeof ApiKeySchema>;

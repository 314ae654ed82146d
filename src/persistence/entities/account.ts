import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { createdAt } from './timestamps.js';
import { moneyProperty } from '../money-type.js';

/** A tenant. `balance` is a cache of the ledger sum; `reserved` is held by in-flight generations. */
export const AccountSchema = defineEntity({
  name: 'Account',
  tableName: 'account',
  properties: {
    id: p.uuid().primary().onCreate(() => crypto.randomUUID()),
    name: p.string().length(200),
    balance: moneyProperty().default('0'),
    reserved: moneyProperty().default('0'),
    isOperator: p.boolean().default(false),
    /** Set while the account is suspended: its keys are refused (403). */
    suspendedAt: p.datetime().nullable(),
    /** Provider preferences applied to every request of the account (providers never used, data policy). */
    ignoredProviders: p.array().default([]),
    denyDataCollection: p.boolean().default(false),
    zdrOnly: p.boolean().default(false),
    createdAt: createdAt(),
  },
});

export type Account = InferEntity<typeof AccountSchema>;

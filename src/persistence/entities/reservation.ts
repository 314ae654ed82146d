import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { createdAt } from './timestamps.js';
import { AccountSchema } from './account.js';
import { ApiKeySchema } from './api-key.js';
import { moneyProperty } from '../money-type.js';

/**
 * Credit held for one in-flight generation (id = generation id). Released at settlement, or by the
 * sweeper once `expiresAt` passes (a crashed process never settles).
 */
export const ReservationSchema = defineEntity({
  name: 'Reservation',
  tableName: 'reservation',
  properties: {
    id: p.string().length(64).primary(),
    account: () => p.manyToOne(AccountSchema).index().deleteRule('cascade'),
    // Deleting a key must not drop holds silently: account.reserved still counts them.
    apiKey: () => p.manyToOne(ApiKeySchema).nullable().deleteRule('set null'),
    amount: moneyProperty(),
    expiresAt: p.datetime().index(),
    createdAt: createdAt(),
  },
});

export type Reservation = InferEntity<typeof ReservationSchema>;

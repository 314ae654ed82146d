import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { createdAt } from './timestamps.js';
import { GenerationSchema } from './generation.js';

export const attemptStatuses = ['succeeded', 'failed', 'cancelled'] as const;

/** One upstream call made for a generation, in plan order. */
export const AttemptSchema = defineEntity({
  name: 'Attempt',
  tableName: 'attempt',
  uniques: [{ properties: ['generation', 'ordinal'] }],
  properties: {
    id: p.uuid().primary().onCreate(() => crypto.randomUUID()),
    generation: () => p.manyToOne(GenerationSchema).deleteRule('cascade'),
    ordinal: p.integer(),
    provider: p.string().length(64),
    endpointId: p.uuid().nullable(),
    status: p.enum([...attemptStatuses]),
    errorClass: p.string().length(64).nullable(),
    httpStatus: p.integer().nullable(),
    latencyMs: p.integer().nullable(),
    createdAt: createdAt(),
  },
});

export type Attempt = InferEntity<typeof AttemptSchema>;

import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { createdAt } from './timestamps.js';
import { GenerationSchema } from './generation.js';

export const attemptStatuses = ['succeeded', 'failed', 'cancelled', 'skipped'] as const;

/** One dispatch target the attempt loop reached for a generation, in plan order (`skipped`: not sent). */
export const AttemptSchema = defineEntity({
  name: 'Attempt',
  tableName: 'attempt',
  uniques: [{ properties: ['generation', 'ordinal'] }],
  properties: {
    id: p.uuid().primary().onCreate(() => crypto.randomUUID()),
    generation: () => p.manyToOne(GenerationSchema).deleteRule('cascade'),
    ordinal: p.integer(),
    provider: p.string().length(64),
    model: p.string().length(200).nullable(),
    endpointId: p.uuid().nullable(),
    byok: p.boolean().default(false),
    status: p.enum([...attemptStatuses]),
    errorCode: p.string().length(64).nullable(),
    errorMessage: p.text().nullable(),
    httpStatus: p.integer().nullable(),
    /** From sending the request to the end of the call. */
    durationMs: p.integer().nullable(),
    /** From sending the request to its first output part. */
    ttftMs: p.integer().nullable(),
    createdAt: createdAt(),
  },
});

export type Attempt = InferEntity<typeof AttemptSchema>;

import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { createdAt } from './timestamps.js';
import { AccountSchema } from './account.js';
import { ApiKeySchema } from './api-key.js';
import { moneyProperty } from '../money-type.js';

export const generationStatuses = ['pending', 'running', 'succeeded', 'failed', 'cancelled'] as const;

/** One request as OpenRouter's /api/v1/generation reports it, with its attempts. */
export const GenerationSchema = defineEntity({
  name: 'Generation',
  tableName: 'generation',
  indexes: [{ properties: ['account', 'createdAt'] }, { properties: ['apiKey', 'createdAt'] }],
  properties: {
    id: p.string().length(64).primary(),
    account: () => p.manyToOne(AccountSchema).deleteRule('cascade'),
    apiKey: () => p.manyToOne(ApiKeySchema).nullable().deleteRule('set null'),
    requestedModels: p.array(),
    model: p.string().length(200).nullable(),
    provider: p.string().length(64).nullable(),
    status: p.enum([...generationStatuses]).default('pending'),
    streamed: p.boolean().default(false),
    cancelled: p.boolean().default(false),
    tokensPrompt: p.integer().default(0),
    tokensCompletion: p.integer().default(0),
    tokensReasoning: p.integer().default(0),
    tokensCached: p.integer().default(0),
    tokensCacheWrite: p.integer().default(0),
    cost: moneyProperty().default('0'),
    isByok: p.boolean().default(false),
    /** What a BYOK request cost at list price, paid to the provider with the account's own key (`cost` holds the BYOK fee). */
    byokUsage: moneyProperty().default('0'),
    /** Time to the first output part of the attempt that served (OpenRouter's `latency`). */
    ttftMs: p.integer().nullable(),
    /** From sending the serving attempt to its end (OpenRouter's `generation_time`). */
    generationTimeMs: p.integer().nullable(),
    finishReason: p.string().length(32).nullable(),
    nativeFinishReason: p.string().length(64).nullable(),
    stickyKey: p.string().length(128).nullable(),
    createdAt: createdAt(),
    finishedAt: p.datetime().nullable(),
  },
});

export type Generation = InferEntity<typeof GenerationSchema>;

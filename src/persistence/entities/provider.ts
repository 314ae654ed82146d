import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { createdAt, updatedAt } from './timestamps.js';

export const wireFamilies = ['openai', 'anthropic', 'gemini'] as const;
export const providerStatuses = ['active', 'disabled'] as const;

export const ProviderSchema = defineEntity({
  name: 'Provider',
  tableName: 'provider',
  properties: {
    slug: p.string().length(64).primary(),
    name: p.string().length(200),
    family: p.enum([...wireFamilies]),
    baseUrl: p.text(),
    privacyPolicyUrl: p.text().nullable(),
    termsOfServiceUrl: p.text().nullable(),
    statusPageUrl: p.text().nullable(),
    trainsOnData: p.boolean(),
    retainsPrompts: p.boolean(),
    retentionDays: p.integer().nullable(),
    zdr: p.boolean(),
    status: p.enum([...providerStatuses]).default('active'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
});

export type Provider = InferEntity<typeof ProviderSchema>;

import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { createdAt, updatedAt } from './timestamps.js';
import { catalogOrigins, providerStatuses, wireFamilies } from '../../core/catalog/vocabulary.js';

export { catalogOrigins, providerStatuses, wireFamilies };
export type CatalogOrigin = (typeof catalogOrigins)[number];

/** OpenAI-compatible dialect switches: the shape of the adapters' OpenAiDialect (the routing snapshot checks they match). */
export interface ProviderDialect {
  maxTokensField?: 'max_tokens' | 'max_completion_tokens';
  developerRole?: boolean;
  cacheControl?: boolean;
  reasoningField?: 'reasoning_effort' | 'reasoning' | 'none';
}

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
    /** The environment variable holding the platform credential; null: none is needed (a local server). */
    credentialEnv: p.string().length(128).nullable(),
    /** Sent with every request to this provider. Not secret: credentials belong in credentialEnv. */
    extraHeaders: p.json<Record<string, string>>().nullable(),
    dialect: p.json<ProviderDialect>().nullable(),
    origin: p.enum([...catalogOrigins]).default('builtin'),
    status: p.enum([...providerStatuses]).default('active'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
});

export type Provider = InferEntity<typeof ProviderSchema>;

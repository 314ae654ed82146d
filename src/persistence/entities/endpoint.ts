import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { createdAt, updatedAt } from './timestamps.js';
import { ModelSchema } from './model.js';
import { ProviderSchema, catalogOrigins } from './provider.js';
import { PricingSchema } from './pricing.js';

import { endpointStatuses, quantizations } from '../../core/catalog/vocabulary.js';

export { endpointStatuses, quantizations };

/** A model as served by one provider: its own id there, limits, quantization, parameters and price. */
export const EndpointSchema = defineEntity({
  name: 'Endpoint',
  tableName: 'endpoint',
  uniques: [{ properties: ['model', 'provider'] }],
  properties: {
    id: p.uuid().primary().onCreate(() => crypto.randomUUID()),
    model: () => p.manyToOne(ModelSchema).deleteRule('cascade'),
    provider: () => p.manyToOne(ProviderSchema).index().deleteRule('cascade'),
    providerModelId: p.string().length(200),
    contextLength: p.integer(),
    maxCompletionTokens: p.integer().nullable(),
    quantization: p.enum([...quantizations]).default('unknown'),
    supportedParameters: p.array(),
    pricing: () => p.embedded(PricingSchema).prefix('price_'),
    status: p.enum([...endpointStatuses]).default('active'),
    origin: p.enum([...catalogOrigins]).default('builtin'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
});

export type Endpoint = InferEntity<typeof EndpointSchema>;

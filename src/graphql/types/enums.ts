import { builder } from '../builder.js';
import { catalogOrigins, endpointStatuses, providerStatuses, quantizations, wireFamilies } from '../../core/catalog/vocabulary.js';

const upper = <T extends string>(values: readonly T[]) =>
  Object.fromEntries(values.map((v) => [v.toUpperCase(), { value: v }])) as Record<Uppercase<T>, { value: T }>;

export const QuantizationEnum = builder.enumType('Quantization', {
  description: 'Numeric precision the provider serves the weights at; UNKNOWN when it does not say.',
  values: upper(quantizations),
});

export const EndpointStatusEnum = builder.enumType('EndpointStatus', { values: upper(endpointStatuses) });
export const ProviderStatusEnum = builder.enumType('ProviderStatus', { values: upper(providerStatuses) });

export const WireFamilyEnum = builder.enumType('WireFamily', {
  description: 'The upstream API format the provider speaks (OpenAI-compatible hosts are OPENAI).',
  values: upper(wireFamilies),
});

export const ModalityEnum = builder.enumType('Modality', {
  values: upper(['text', 'image', 'file', 'audio', 'video'] as const),
});

export const ModelSortEnum = builder.enumType('ModelSort', {
  values: {
    NAME: { description: 'Alphabetical by display name.' },
    PRICE_ASC: { description: 'Cheapest endpoint (prompt + completion per token) first.' },
    PRICE_DESC: { description: 'Most expensive cheapest-endpoint first.' },
    CONTEXT_LENGTH_DESC: { description: 'Longest context window first.' },
    CONTEXT_LENGTH_ASC: { description: 'Shortest context window first.' },
    NEWEST: { description: 'Most recently released first.' },
  } as const,
});

export const CatalogOriginEnum = builder.enumType('CatalogOrigin', {
  description: 'Who put a catalog row there: BUILTIN (the shipped catalog), FILE (CATALOG_FILE) or OPERATOR (a mutation).',
  values: upper(catalogOrigins),
});

import { ProviderSchema } from './provider.js';
import { ModelSchema } from './model.js';
import { EndpointSchema } from './endpoint.js';
import { PricingSchema } from './pricing.js';
import { AccountSchema } from './account.js';
import { ApiKeySchema } from './api-key.js';
import { LedgerEntrySchema } from './ledger-entry.js';
import { GenerationSchema } from './generation.js';
import { AttemptSchema } from './attempt.js';
import { ReservationSchema } from './reservation.js';
import { ByokKeySchema } from './byok-key.js';
import { CatalogChangeSchema } from './catalog-change.js';

export const entities = [
  ProviderSchema,
  ModelSchema,
  EndpointSchema,
  PricingSchema,
  AccountSchema,
  ApiKeySchema,
  LedgerEntrySchema,
  GenerationSchema,
  AttemptSchema,
  ReservationSchema,
  ByokKeySchema,
  CatalogChangeSchema,
];

export * from './provider.js';
export * from './model.js';
export * from './endpoint.js';
export * from './pricing.js';
export * from './account.js';
export * from './api-key.js';
export * from './ledger-entry.js';
export * from './generation.js';
export * from './attempt.js';
export * from './reservation.js';
export * from './byok-key.js';
export * from './catalog-change.js';

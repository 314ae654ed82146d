/**
 * Seeded model catalog: providers, models and provider endpoints reflecting the
 * public market (OpenRouter-style ids, public list prices as of mid-2025).
 *
 * Prices are USD per token (per unit for request/image/webSearch) as exact
 * decimal strings with at most 12 decimal places, so they convert losslessly
 * to integer pico-dollars. '0' means free or not applicable.
 *
 * Reasoning tokens are billed as completion tokens by every provider listed
 * here, so `internalReasoning` is '0' throughout (no separate rate).
 *
 * Data only, split by provider kind and model family; this file puts the lists together.
 */

import type { SeedEndpoint, SeedModel } from './catalog-types.js';
import { proprietaryModels } from './models-proprietary.js';
import { openWeightModels } from './models-open-weight.js';
import { proprietaryEndpoints } from './endpoints-proprietary.js';
import { openWeightEndpoints } from './endpoints-open-weight.js';

export * from './catalog-types.js';
export { seedProviders } from './providers.js';

export const seedModels: readonly SeedModel[] = [...proprietaryModels, ...openWeightModels];
export const seedEndpoints: readonly SeedEndpoint[] = [...proprietaryEndpoints, ...openWeightEndpoints];

import type { EntityManager } from '@mikro-orm/postgresql';
import type { Money } from '../../core/billing/money.js';
import { EndpointSchema, type Endpoint } from '../../persistence/entities/index.js';
import type { Principal } from '../auth/principal.js';
import { InvalidInputError, NotFoundError } from '../user-errors.js';
import { requireOperator } from './grant-credits.js';
import { isUuid } from '../../persistence/uuid.js';

export type PricingChange = Partial<Record<'prompt' | 'completion' | 'request' | 'image' | 'webSearch' | 'internalReasoning' | 'inputCacheRead' | 'inputCacheWrite', Money>>;

async function ownedEndpoint(em: EntityManager, id: string): Promise<Endpoint> {
  const endpoint = isUuid(id) ? await em.findOne(EndpointSchema, { id }) : null;
  if (!endpoint) throw new NotFoundError(`No endpoint ${id}`);
  return endpoint;
}

/** Operator: take an endpoint out of routing (disabled), mark it degraded, or bring it back. */
export async function setEndpointStatus(em: EntityManager, principal: Principal, id: string, status: 'active' | 'degraded' | 'disabled'): Promise<Endpoint> {
  requireOperator(principal);
  const endpoint = await ownedEndpoint(em, id);
  endpoint.status = status;
  await em.flush();
  return endpoint;
}

/** Operator: change an endpoint's list prices (only the fields given). Prices are never negative. */
export async function updateEndpointPricing(em: EntityManager, principal: Principal, id: string, change: PricingChange): Promise<Endpoint> {
  requireOperator(principal);
  for (const [field, value] of Object.entries(change)) {
    if (value !== undefined && value < 0n) throw new InvalidInputError(`${field} price must not be negative`, field);
  }
  const endpoint = await ownedEndpoint(em, id);
  Object.assign(endpoint.pricing, Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined)));
  await em.flush();
  return endpoint;
}

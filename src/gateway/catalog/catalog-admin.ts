import type { EntityManager } from '@mikro-orm/postgresql';
import type { z } from 'zod';
import type { Money } from '../../core/billing/money.js';
import { EndpointSchema, ModelSchema, ProviderSchema, type CatalogChange, type Endpoint, type Model, type Provider } from '../../persistence/entities/index.js';
import {
  changeCatalog,
  endpointKey,
  recentCatalogChanges,
  setEndpointStatus as writeEndpointStatus,
  type CatalogActor,
  type CatalogKeys,
  type CatalogRowChange,
  type CatalogRows,
  type CatalogSubject,
  type PriceField,
} from '../../persistence/repositories/catalog-store.js';
import { isUuid } from '../../core/ids.js';
import type { Principal } from '../auth/principal.js';
import { requireOperator } from '../admin/grant-credits.js';
import { ForbiddenError, InvalidInputError, NotFoundError } from '../user-errors.js';
import type { CatalogChanges } from './catalog-changes.js';
import { endpointEntrySchema, mergeEndpoint, mergeModel, mergeProvider, modelEntrySchema, providerEntrySchema, type Merged, type MissingField } from './catalog-entries.js';

/**
 * The operator's catalog changes (GraphQL `upsertProvider`, `upsertModel`, `upsertEndpoint`, removals,
 * `setEndpointStatus`, `updateEndpointPricing`). Each validates like a catalog-file entry, is merged
 * over the current row (a patch), is written and audited in one transaction as the operator's key, and
 * invalidates the routing snapshot of every instance. Rows CATALOG_FILE declares are the file's.
 */
export interface CatalogAdmin {
  em: EntityManager;
  changes: CatalogChanges;
}

export interface Removed {
  subject: CatalogSubject;
  key: string;
}

const actorOf = (principal: Principal): CatalogActor => ({ kind: 'operator', id: principal.key.id });

function parseEntry<T>(schema: z.ZodType<T>, input: unknown): T {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const field = issue.path.map(String).join('.');
  const message = issue.code === 'unrecognized_keys' ? `unknown field ${issue.keys.join(', ')}` : issue.message;
  throw new InvalidInputError(field ? `${field}: ${message}` : message, field || null);
}

const completeOrThrow = <T>(merged: Merged<T>): T => {
  if (merged.ok) return merged.row;
  const first: MissingField = merged.missing[0]!;
  throw new InvalidInputError(merged.missing.map((m) => m.message).join('; '), first.field);
};

const notTheFiles = (keys: ReadonlyMap<string, string>, key: string, what: string) => {
  if (keys.get(key) === 'file') throw new ForbiddenError(`${what} ${key} is declared in CATALOG_FILE: change it there`);
};

async function write(admin: CatalogAdmin, principal: Principal, plan: (keys: CatalogKeys, rows: CatalogRows) => Promise<CatalogRowChange[]>): Promise<void> {
  requireOperator(principal);
  const applied = await changeCatalog(admin.em, actorOf(principal), plan);
  if (applied.length) admin.changes.changed('operator');
}

export async function upsertProvider(admin: CatalogAdmin, principal: Principal, input: unknown): Promise<Provider> {
  requireOperator(principal);
  const entry = parseEntry(providerEntrySchema, input);
  await write(admin, principal, async (keys, rows) => {
    notTheFiles(keys.providers, entry.slug, 'provider');
    return [{ action: 'upsert', subject: 'provider', row: completeOrThrow(mergeProvider(entry, await rows.provider(entry.slug))), origin: 'operator' }];
  });
  return (await admin.em.fork().findOne(ProviderSchema, { slug: entry.slug }))!;
}

export async function upsertModel(admin: CatalogAdmin, principal: Principal, input: unknown): Promise<Model> {
  requireOperator(principal);
  const entry = parseEntry(modelEntrySchema, input);
  await write(admin, principal, async (keys, rows) => {
    notTheFiles(keys.models, entry.id, 'model');
    return [{ action: 'upsert', subject: 'model', row: completeOrThrow(mergeModel(entry, await rows.model(entry.id), new Date())), origin: 'operator' }];
  });
  return (await admin.em.fork().findOne(ModelSchema, { id: entry.id }))!;
}

export async function upsertEndpoint(admin: CatalogAdmin, principal: Principal, input: unknown): Promise<Endpoint> {
  requireOperator(principal);
  const entry = parseEntry(endpointEntrySchema, input);
  await write(admin, principal, async (keys, rows) => {
    if (!keys.models.has(entry.model)) throw new InvalidInputError(`No model ${entry.model}: create it with upsertModel first`, 'model');
    if (!keys.providers.has(entry.provider)) throw new InvalidInputError(`No provider ${entry.provider}: create it with upsertProvider first`, 'provider');
    notTheFiles(keys.endpoints, endpointKey(entry.model, entry.provider), 'endpoint');
    const merged = mergeEndpoint(entry, await rows.endpoint(entry.model, entry.provider), await rows.model(entry.model));
    return [{ action: 'upsert', subject: 'endpoint', row: completeOrThrow(merged), origin: 'operator' }];
  });
  return (await admin.em.fork().findOne(EndpointSchema, { model: entry.model, provider: entry.provider }))!;
}

async function remove(admin: CatalogAdmin, principal: Principal, subject: CatalogSubject, key: string): Promise<Removed> {
  await write(admin, principal, async (keys) => {
    const current = subject === 'provider' ? keys.providers : subject === 'model' ? keys.models : keys.endpoints;
    if (!current.has(key)) throw new NotFoundError(`No ${subject} ${key}`);
    notTheFiles(current, key, subject);
    return [{ action: 'remove', subject, key }];
  });
  return { subject, key };
}

/** Removes a provider and, with it, its endpoints and the BYOK keys accounts stored for it. */
export const removeProvider = (admin: CatalogAdmin, principal: Principal, slug: string) => remove(admin, principal, 'provider', slug);
/** Removes a model and its endpoints. Generations served by it keep their records. */
export const removeModel = (admin: CatalogAdmin, principal: Principal, id: string) => remove(admin, principal, 'model', id);
export const removeEndpoint = (admin: CatalogAdmin, principal: Principal, model: string, provider: string) =>
  remove(admin, principal, 'endpoint', endpointKey(model, provider));

async function endpointById(em: EntityManager, id: string): Promise<Endpoint> {
  const endpoint = isUuid(id) ? await em.fork().findOne(EndpointSchema, { id }) : null;
  if (!endpoint) throw new NotFoundError(`No endpoint ${id}`);
  return endpoint;
}

/** Operator: take an endpoint out of routing (disabled), mark it degraded, or bring it back — on every instance. */
export async function setEndpointStatus(admin: CatalogAdmin, principal: Principal, id: string, status: Endpoint['status']): Promise<Endpoint> {
  requireOperator(principal);
  const before = await endpointById(admin.em, id);
  const endpoint = await writeEndpointStatus(admin.em, actorOf(principal), id, status);
  if (!endpoint) throw new NotFoundError(`No endpoint ${id}`);
  if (before.status !== status) admin.changes.changed('operator');
  return endpoint;
}

/** Operator: change an endpoint's list prices (only the fields given). */
export async function updateEndpointPricing(admin: CatalogAdmin, principal: Principal, id: string, change: Partial<Record<PriceField, Money>>): Promise<Endpoint> {
  requireOperator(principal);
  const endpoint = await endpointById(admin.em, id);
  return upsertEndpoint(admin, principal, { model: endpoint.model.id, provider: endpoint.provider.slug, pricing: change });
}

/** Operator: the catalog's audit trail, newest first. */
export function catalogChanges(admin: CatalogAdmin, principal: Principal, first: number): Promise<CatalogChange[]> {
  requireOperator(principal);
  if (!Number.isInteger(first) || first < 1 || first > 500) throw new InvalidInputError('first must be between 1 and 500', 'first');
  return recentCatalogChanges(admin.em, first);
}

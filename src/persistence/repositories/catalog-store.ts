import type { EntityManager } from '@mikro-orm/postgresql';
import { formatUsd, type Money } from '../../core/billing/money.js';
import {
  CatalogChangeSchema,
  EndpointSchema,
  ModelSchema,
  ProviderSchema,
  type CatalogOrigin,
  type CatalogChange,
  type Endpoint,
  type Model,
  type Provider,
  type ProviderDialect,
  type catalogActors,
  type catalogSubjects,
} from '../entities/index.js';

export const PRICE_FIELDS = ['prompt', 'completion', 'request', 'image', 'webSearch', 'internalReasoning', 'inputCacheRead', 'inputCacheWrite'] as const;
export type PriceField = (typeof PRICE_FIELDS)[number];

/** A catalog row as written: every column a catalog source decides (status stays operational state). */
export interface ProviderRow {
  slug: string;
  name: string;
  family: 'openai' | 'anthropic' | 'gemini';
  baseUrl: string;
  privacyPolicyUrl: string | null;
  termsOfServiceUrl: string | null;
  statusPageUrl: string | null;
  trainsOnData: boolean;
  retainsPrompts: boolean;
  retentionDays: number | null;
  zdr: boolean;
  credentialEnv: string | null;
  extraHeaders: Record<string, string> | null;
  dialect: ProviderDialect | null;
}
export interface ModelRow {
  id: string;
  canonicalSlug: string;
  name: string;
  description: string;
  contextLength: number;
  inputModalities: string[];
  outputModalities: string[];
  tokenizer: string;
  instructType: string | null;
  isModerated: boolean;
  releasedAt: Date;
}
export interface EndpointRow {
  model: string;
  provider: string;
  providerModelId: string;
  contextLength: number;
  maxCompletionTokens: number | null;
  quantization: Endpoint['quantization'];
  supportedParameters: string[];
  pricing: Record<PriceField, Money>;
}

export type CatalogSubject = (typeof catalogSubjects)[number];
export type CatalogRowChange =
  | { action: 'upsert' | 'restore'; subject: 'provider'; row: ProviderRow; origin: CatalogOrigin }
  | { action: 'upsert' | 'restore'; subject: 'model'; row: ModelRow; origin: CatalogOrigin }
  | { action: 'upsert' | 'restore'; subject: 'endpoint'; row: EndpointRow; origin: CatalogOrigin }
  | { action: 'remove'; subject: CatalogSubject; key: string };

export interface CatalogActor {
  kind: (typeof catalogActors)[number];
  /** API key id, or the catalog file's path. */
  id: string;
}

/** Keys of every catalog row with its origin: what a change is planned against. */
export interface CatalogKeys {
  providers: ReadonlyMap<string, CatalogOrigin>;
  models: ReadonlyMap<string, CatalogOrigin>;
  /** By `model|provider`. */
  endpoints: ReadonlyMap<string, CatalogOrigin>;
}

export interface CatalogRows {
  provider(slug: string): Promise<ProviderRow | null>;
  model(id: string): Promise<ModelRow | null>;
  endpoint(model: string, provider: string): Promise<EndpointRow | null>;
}

export interface AppliedChange {
  action: CatalogRowChange['action'];
  subject: CatalogSubject;
  key: string;
}

export const endpointKey = (model: string, provider: string) => `${model}|${provider}`;
const keyOf = (c: CatalogRowChange): string =>
  c.action === 'remove' ? c.key : c.subject === 'endpoint' ? endpointKey(c.row.model, c.row.provider) : c.subject === 'provider' ? c.row.slug : c.row.id;

export const providerRowOf = (p: Provider): ProviderRow => ({
  slug: p.slug,
  name: p.name,
  family: p.family,
  baseUrl: p.baseUrl,
  privacyPolicyUrl: p.privacyPolicyUrl ?? null,
  termsOfServiceUrl: p.termsOfServiceUrl ?? null,
  statusPageUrl: p.statusPageUrl ?? null,
  trainsOnData: p.trainsOnData,
  retainsPrompts: p.retainsPrompts,
  retentionDays: p.retentionDays ?? null,
  zdr: p.zdr,
  credentialEnv: p.credentialEnv ?? null,
  extraHeaders: p.extraHeaders ?? null,
  dialect: p.dialect ?? null,
});
export const modelRowOf = (m: Model): ModelRow => ({
  id: m.id,
  canonicalSlug: m.canonicalSlug,
  name: m.name,
  description: m.description,
  contextLength: m.contextLength,
  inputModalities: [...m.inputModalities],
  outputModalities: [...m.outputModalities],
  tokenizer: m.tokenizer,
  instructType: m.instructType ?? null,
  isModerated: m.isModerated,
  releasedAt: m.releasedAt,
});
export const endpointRowOf = (e: Endpoint): EndpointRow => ({
  model: e.model.id,
  provider: e.provider.slug,
  providerModelId: e.providerModelId,
  contextLength: e.contextLength,
  maxCompletionTokens: e.maxCompletionTokens ?? null,
  quantization: e.quantization,
  supportedParameters: [...e.supportedParameters],
  pricing: Object.fromEntries(PRICE_FIELDS.map((f) => [f, e.pricing[f]])) as Record<PriceField, Money>,
});

/** A row as plain JSON (prices as exact USD decimals): what the audit records and what comparisons use. */
export function rowJson(row: ProviderRow | ModelRow | EndpointRow): Record<string, unknown> {
  return JSON.parse(
    JSON.stringify(row, (_k, v: unknown) => (typeof v === 'bigint' ? formatUsd(v as Money) : v)),
  ) as Record<string, unknown>;
}

const sameRow = (a: ProviderRow | ModelRow | EndpointRow, b: ProviderRow | ModelRow | EndpointRow) =>
  JSON.stringify(rowJson(a)) === JSON.stringify(rowJson(b));

// Every catalog writer (instances applying the same file, operators) queues here, so plans see each other's writes.
const CATALOG_LOCK = 727_172_113;

/**
 * Catalog writes: one transaction under an advisory lock; `plan` sees the current keys (and rows), its
 * changes are applied, and each one that changed something is audited. A change that writes what is
 * already there is skipped (so re-applying the same file records nothing).
 */
export async function changeCatalog(
  em: EntityManager,
  actor: CatalogActor,
  plan: (keys: CatalogKeys, rows: CatalogRows) => Promise<CatalogRowChange[]> | CatalogRowChange[],
): Promise<AppliedChange[]> {
  return em.fork().transactional(async (tx) => {
    // Raw statements must run inside the transaction (with PGlite's single connection, outside would wait forever).
    const run = <T>(sql: string, params: unknown[] = []) => tx.getConnection().execute<T[]>(sql, params, 'all', tx.getTransactionContext());
    await run('select pg_advisory_xact_lock(?)', [CATALOG_LOCK]);
    const providers = await run<{ slug: string; origin: CatalogOrigin }>('select slug, origin from provider');
    const models = await run<{ id: string; origin: CatalogOrigin }>('select id, origin from model');
    const endpoints = await run<{ model_id: string; provider_slug: string; origin: CatalogOrigin }>('select model_id, provider_slug, origin from endpoint');
    const keys: CatalogKeys = {
      providers: new Map(providers.map((r) => [r.slug, r.origin])),
      models: new Map(models.map((r) => [r.id, r.origin])),
      endpoints: new Map(endpoints.map((r) => [endpointKey(r.model_id, r.provider_slug), r.origin])),
    };
    const findEndpoint = (model: string, provider: string) => tx.findOne(EndpointSchema, { model, provider });
    const rows: CatalogRows = {
      provider: async (slug) => ((p) => (p ? providerRowOf(p) : null))(await tx.findOne(ProviderSchema, { slug })),
      model: async (id) => ((m) => (m ? modelRowOf(m) : null))(await tx.findOne(ModelSchema, { id })),
      endpoint: async (model, provider) => ((e) => (e ? endpointRowOf(e) : null))(await findEndpoint(model, provider)),
    };
    const changes = await plan(keys, rows);
    const applied: AppliedChange[] = [];
    const audit = (c: CatalogRowChange, details: Record<string, unknown> | null) => {
      applied.push({ action: c.action, subject: c.subject, key: keyOf(c) });
      tx.create(CatalogChangeSchema, { actorKind: actor.kind, actor: actor.id, action: c.action, subject: c.subject, subjectKey: keyOf(c), details, createdAt: new Date() });
    };
    // Removals first (endpoints before what they hang on), then providers and models before their endpoints.
    const order: Record<string, number> = { 'remove:endpoint': 0, 'remove:model': 1, 'remove:provider': 2, 'upsert:provider': 3, 'upsert:model': 4, 'upsert:endpoint': 5 };
    const rank = (c: CatalogRowChange) => order[`${c.action === 'remove' ? 'remove' : 'upsert'}:${c.subject}`]!;
    for (const change of [...changes].sort((a, b) => rank(a) - rank(b))) {
      if (change.action === 'remove') {
        const entity =
          change.subject === 'provider' ? await tx.findOne(ProviderSchema, { slug: change.key })
          : change.subject === 'model' ? await tx.findOne(ModelSchema, { id: change.key })
          : await findEndpoint(...(change.key.split('|') as [string, string]));
        if (!entity) continue;
        // Cascades to endpoints (and BYOK keys of a provider) in the database.
        tx.remove(entity);
        await tx.flush();
        audit(change, null);
        continue;
      }
      if (change.subject === 'provider') {
        const existing = await tx.findOne(ProviderSchema, { slug: change.row.slug });
        if (existing && existing.origin === change.origin && sameRow(providerRowOf(existing), change.row)) continue;
        if (existing) tx.assign(existing, { ...change.row, origin: change.origin });
        else tx.create(ProviderSchema, { ...change.row, origin: change.origin, status: 'active', createdAt: new Date(), updatedAt: new Date() });
      } else if (change.subject === 'model') {
        const existing = await tx.findOne(ModelSchema, { id: change.row.id });
        if (existing && existing.origin === change.origin && sameRow(modelRowOf(existing), change.row)) continue;
        const values = { ...change.row, author: change.row.id.split('/')[0]!, origin: change.origin };
        if (existing) tx.assign(existing, values);
        else tx.create(ModelSchema, { ...values, createdAt: new Date(), updatedAt: new Date() });
      } else {
        const existing = await findEndpoint(change.row.model, change.row.provider);
        if (existing && existing.origin === change.origin && sameRow(endpointRowOf(existing), change.row)) continue;
        if (existing) tx.assign(existing, { ...change.row, origin: change.origin });
        else tx.create(EndpointSchema, { ...change.row, origin: change.origin, status: 'active', createdAt: new Date(), updatedAt: new Date() });
      }
      await tx.flush();
      audit(change, rowJson(change.row));
    }
    await tx.flush();
    return applied;
  });
}

/** Takes an endpoint out of routing (or back): operational state, not catalog data, but audited the same way. */
export async function setEndpointStatus(em: EntityManager, actor: CatalogActor, id: string, status: Endpoint['status']): Promise<Endpoint | null> {
  return em.fork().transactional(async (tx) => {
    const endpoint = await tx.findOne(EndpointSchema, { id });
    if (!endpoint) return null;
    if (endpoint.status === status) return endpoint;
    endpoint.status = status;
    tx.create(CatalogChangeSchema, {
      actorKind: actor.kind, actor: actor.id, action: 'upsert', subject: 'endpoint',
      subjectKey: endpointKey(endpoint.model.id, endpoint.provider.slug), details: { status }, createdAt: new Date(),
    });
    await tx.flush();
    return endpoint;
  });
}

/** The latest audit entries, newest first. */
export function recentCatalogChanges(em: EntityManager, limit: number): Promise<CatalogChange[]> {
  return em.fork().find(CatalogChangeSchema, {}, { orderBy: { createdAt: 'desc', id: 'desc' }, limit });
}

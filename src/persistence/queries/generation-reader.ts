import type { EntityManager } from '@mikro-orm/postgresql';
import type { Money } from '../../core/billing/money.js';
import type { AttemptRecord, GenerationStatus, GenerationTokens } from '../../core/generation/record.js';
import type { ErrorCode } from '../../core/errors.js';
import { AttemptSchema, GenerationSchema, type Attempt, type Generation } from '../entities/index.js';
import { isUuid } from '../../core/ids.js';

/** A settled generation as the surfaces read it (GET /api/v1/generation, GraphQL `generation`). */
export interface GenerationView {
  id: string;
  apiKeyId: string | null;
  requestedModels: string[];
  model: string | null;
  provider: string | null;
  status: GenerationStatus;
  streamed: boolean;
  cancelled: boolean;
  tokens: GenerationTokens;
  cost: Money;
  isByok: boolean;
  byokUsage: Money;
  ttftMs: number | null;
  generationTimeMs: number | null;
  finishReason: string | null;
  nativeFinishReason: string | null;
  createdAt: Date;
}

export interface GenerationFilter {
  model?: string;
  provider?: string;
  status?: string;
  apiKeyId?: string;
}

/** A keyset page bound: (createdAt, id) of the row next to the page. */
export interface GenerationCursor {
  createdAt: Date;
  id: string;
}

export interface GenerationPageQuery {
  filter: GenerationFilter;
  after?: GenerationCursor;
  before?: GenerationCursor;
  limit: number;
  /** Oldest first (for `last`/`before` pages). */
  inverted: boolean;
}

/** The read side of generations: plain views, scoped to one account; the surfaces never see entities. */
export interface GenerationReader {
  find(accountId: string, id: string): Promise<GenerationView | null>;
  /** The account's generations newest first, by keyset — a page deep in a million rows costs what the first one does. */
  page(accountId: string, query: GenerationPageQuery): Promise<GenerationView[]>;
  /** Attempts of each generation, in plan order (one query for a whole page). */
  attemptsOf(generationIds: readonly string[]): Promise<AttemptRecord[][]>;
  exists(generationId: string): Promise<boolean>;
}

const toView = (g: Generation): GenerationView => ({
  id: g.id,
  apiKeyId: g.apiKey?.id ?? null,
  requestedModels: g.requestedModels,
  model: g.model ?? null,
  provider: g.provider ?? null,
  status: g.status as GenerationStatus,
  streamed: g.streamed,
  cancelled: g.cancelled,
  tokens: { prompt: g.tokensPrompt, completion: g.tokensCompletion, reasoning: g.tokensReasoning, cached: g.tokensCached, cacheWrite: g.tokensCacheWrite },
  cost: g.cost,
  isByok: g.isByok,
  byokUsage: g.byokUsage,
  ttftMs: g.ttftMs ?? null,
  generationTimeMs: g.generationTimeMs ?? null,
  finishReason: g.finishReason ?? null,
  nativeFinishReason: g.nativeFinishReason ?? null,
  createdAt: g.createdAt,
});

const toAttempt = (a: Attempt): AttemptRecord => ({
  provider: a.provider,
  model: a.model ?? '',
  endpointId: a.endpointId ?? '',
  byok: a.byok,
  status: a.status,
  errorCode: (a.errorCode ?? null) as ErrorCode | null,
  errorMessage: a.errorMessage ?? null,
  httpStatus: a.httpStatus ?? null,
  durationMs: a.durationMs ?? null,
  ttftMs: a.ttftMs ?? null,
});

const olderThan = (c: GenerationCursor) => ({ $or: [{ createdAt: { $lt: c.createdAt } }, { createdAt: c.createdAt, id: { $lt: c.id } }] });
const newerThan = (c: GenerationCursor) => ({ $or: [{ createdAt: { $gt: c.createdAt } }, { createdAt: c.createdAt, id: { $gt: c.id } }] });

export function databaseGenerationReader(em: EntityManager): GenerationReader {
  return {
    async find(accountId, id) {
      const g = await em.fork().findOne(GenerationSchema, { id, account: accountId });
      return g ? toView(g) : null;
    },
    async page(accountId, { filter, after, before, limit, inverted }) {
      const bounds = [...(after ? [olderThan(after)] : []), ...(before ? [newerThan(before)] : [])];
      const rows = await em.fork().find(
        GenerationSchema,
        {
          account: accountId,
          ...(filter.model ? { model: filter.model } : {}),
          ...(filter.provider ? { provider: filter.provider } : {}),
          ...(filter.status ? { status: filter.status as Generation['status'] } : {}),
          ...(filter.apiKeyId ? (isUuid(filter.apiKeyId) ? { apiKey: filter.apiKeyId } : { id: '' }) : {}),
          ...(bounds.length ? { $and: bounds } : {}),
        },
        { orderBy: inverted ? { createdAt: 'asc', id: 'asc' } : { createdAt: 'desc', id: 'desc' }, limit },
      );
      return rows.map(toView);
    },
    async attemptsOf(ids) {
      const rows = ids.length ? await em.fork().find(AttemptSchema, { generation: { $in: [...ids] } }, { orderBy: { ordinal: 'asc' } }) : [];
      return ids.map((id) => rows.filter((a) => a.generation.id === id).map(toAttempt));
    },
    async exists(generationId) {
      return (await em.fork().count(GenerationSchema, { id: generationId })) > 0;
    },
  };
}

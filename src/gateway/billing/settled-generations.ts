import { ZERO } from '../../core/billing/money.js';
import type { GenerationRecord } from '../../core/generation/record.js';
import type { GenerationReader, GenerationView } from '../../persistence/queries/generation-reader.js';
import type { Settlements } from './settlements.js';

const viewOf = (r: GenerationRecord): GenerationView => ({
  id: r.id,
  apiKeyId: r.apiKeyId,
  requestedModels: r.requestedModels,
  model: r.model,
  provider: r.provider,
  status: r.status,
  streamed: r.streamed,
  cancelled: r.status === 'cancelled',
  tokens: r.tokens,
  cost: r.cost,
  isByok: r.byok !== null,
  byokUsage: r.byok?.usage ?? ZERO,
  ttftMs: r.ttftMs,
  generationTimeMs: r.generationTimeMs,
  finishReason: r.finishReason,
  nativeFinishReason: r.nativeFinishReason,
  createdAt: r.createdAt,
});

const newestFirst = (a: GenerationView, b: GenerationView) => b.createdAt.getTime() - a.createdAt.getTime() || (b.id < a.id ? -1 : b.id > a.id ? 1 : 0);

/**
 * Read-your-writes over the group commit: settled generations as the database has them, plus the
 * ones accepted by this instance and not yet committed — so `GET /generation` right after a
 * response finds it.
 */
export function settledGenerations(database: GenerationReader, settlements: Settlements): GenerationReader {
  return {
    async find(accountId, id) {
      const pending = settlements.pending(id);
      if (pending) return pending.accountId === accountId ? viewOf(pending) : null;
      return database.find(accountId, id);
    },
    async page(accountId, query) {
      const stored = await database.page(accountId, query);
      const known = new Set(stored.map((g) => g.id));
      const { filter, after, before } = query;
      const extra = settlements
        .pendingOf(accountId)
        .map(viewOf)
        .filter((g) => !known.has(g.id))
        .filter((g) => (!filter.model || g.model === filter.model) && (!filter.provider || g.provider === filter.provider) && (!filter.status || g.status === filter.status) && (!filter.apiKeyId || g.apiKeyId === filter.apiKeyId))
        .filter((g) => (!after || newestFirst(g, { ...g, ...after }) > 0) && (!before || newestFirst(g, { ...g, ...before }) < 0));
      if (extra.length === 0) return stored;
      const merged = [...stored, ...extra].sort(newestFirst);
      return (query.inverted ? merged.reverse() : merged).slice(0, query.limit);
    },
    async attemptsOf(ids) {
      const fromDatabase = await database.attemptsOf(ids.filter((id) => !settlements.pending(id)));
      let next = 0;
      return ids.map((id) => settlements.pending(id)?.attempts ?? fromDatabase[next++] ?? []);
    },
    async exists(id) {
      return settlements.pending(id) !== undefined || database.exists(id);
    },
  };
}

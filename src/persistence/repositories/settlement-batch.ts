import type { EntityManager } from '@mikro-orm/postgresql';
import { negate, type Money } from '../../core/billing/money.js';
import type { GenerationRecord } from '../../core/generation/record.js';

/** One settlement to write: the record and what the key's limit is charged (cost, plus BYOK usage it counts). */
export interface SettlementRow {
  record: GenerationRecord;
  keyCharge: Money;
}

type Row = Record<string, unknown>;

/** A text[] parameter as a Postgres array literal (the driver's bindings would spread a JS array into a list). */
const textArray = (values: readonly string[]) => `{${values.map((v) => `"${v.replace(/[\\"]/g, (c) => `\\${c}`)}"`).join(',')}}`;

/**
 * Writes a batch of settlements in one transaction — generation rows, attempts, ledger entries,
 * account balances and key usage — and returns the ids it wrote. Idempotent by generation id: rows
 * that exist already are skipped, and only the newly written ones move balances, so a batch whose
 * commit was lost can be written again. Locks keys before accounts, each in id order (the order every
 * other credit transaction uses), so concurrent batches of several instances cannot deadlock.
 */
export async function writeSettlementBatch(em: EntityManager, batch: readonly SettlementRow[]): Promise<string[]> {
  if (batch.length === 0) return [];
  return em.transactional(async (tx) => {
    const run = (sql: string, params: unknown[]) => tx.getConnection().execute<Row[]>(sql, params, 'all', tx.getTransactionContext());
    const keyIds = [...new Set(batch.map((s) => s.record.apiKeyId).filter((id): id is string => id !== null))].sort();
    const accountIds = [...new Set(batch.map((s) => s.record.accountId))].sort();
    if (keyIds.length) await run(`select 1 from api_key where id in (${keyIds.map(() => '?').join(', ')}) order by id for update`, keyIds);
    await run(`select 1 from account where id in (${accountIds.map(() => '?').join(', ')}) order by id for update`, accountIds);

    const generationColumns = ['id', 'account_id', 'api_key_id', 'requested_models', 'model', 'provider', 'status', 'streamed', 'cancelled', 'tokens_prompt', 'tokens_completion', 'tokens_reasoning', 'tokens_cached', 'tokens_cache_write', 'cost', 'is_byok', 'byok_usage', 'ttft_ms', 'generation_time_ms', 'finish_reason', 'native_finish_reason', 'sticky_key', 'created_at', 'finished_at'];
    const generationParams = batch.flatMap(({ record: g }) => [
      g.id, g.accountId, g.apiKeyId, textArray(g.requestedModels), g.model, g.provider, g.status, g.streamed, g.status === 'cancelled',
      g.tokens.prompt, g.tokens.completion, g.tokens.reasoning, g.tokens.cached, g.tokens.cacheWrite, g.cost.toString(), g.byok !== null, (g.byok?.usage ?? 0n).toString(),
      g.ttftMs, g.generationTimeMs, g.finishReason, g.nativeFinishReason, g.stickyKey, g.createdAt, g.finishedAt,
    ]);
    const rowOf = `(${generationColumns.map((c) => (c === 'requested_models' ? '?::text[]' : '?')).join(', ')})`;
    const inserted = await run(
      `insert into generation (${generationColumns.join(', ')}) values ${batch.map(() => rowOf).join(', ')} on conflict (id) do nothing returning id`,
      generationParams,
    );
    const fresh = new Set(inserted.map((r) => String(r.id)));
    const written = batch.filter((s) => fresh.has(s.record.id));
    if (written.length === 0) return [];

    const attempts = written.flatMap(({ record: g }) => g.attempts.map((a, ordinal) => [crypto.randomUUID(), g.id, ordinal, a.provider, a.model, a.endpointId || null, a.byok, a.status, a.errorCode, a.errorMessage, a.httpStatus, a.durationMs, a.ttftMs]));
    if (attempts.length) {
      await run(
        `insert into attempt (id, generation_id, ordinal, provider, model, endpoint_id, byok, status, error_code, error_message, http_status, duration_ms, ttft_ms) values ${attempts.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
        attempts.flat(),
      );
    }

    const charged = written.filter((s) => s.record.cost > 0n);
    if (charged.length) {
      await run(
        `insert into ledger_entry (id, account_id, api_key_id, kind, amount, idempotency_key, generation_id, description) values ${charged.map(() => '(?, ?, ?, ?, ?, ?, ?, ?)').join(', ')} on conflict (idempotency_key) do nothing`,
        charged.flatMap(({ record: g }) => [crypto.randomUUID(), g.accountId, g.apiKeyId, g.byok ? 'byok_fee' : 'usage', negate(g.cost).toString(), `usage:${g.id}`, g.id, g.model ? `${g.model} via ${g.provider}` : null]),
      );
    }

    // Holds kept as reservation rows (several instances without a shared gate) are released with their settlement.
    const ids = written.map((s) => s.record.id);
    const released = await run(`delete from reservation where id in (${ids.map(() => '?').join(', ')}) returning account_id, api_key_id, amount`, ids);

    const byAccount = new Map<string, { charged: bigint; released: bigint }>();
    const byKey = new Map<string, { charged: bigint; released: bigint; periodStart: Date }>();
    for (const { record: g, keyCharge } of written) {
      const a = byAccount.get(g.accountId) ?? { charged: 0n, released: 0n };
      a.charged += g.cost;
      byAccount.set(g.accountId, a);
      if (g.apiKeyId) {
        const k = byKey.get(g.apiKeyId) ?? { charged: 0n, released: 0n, periodStart: g.keyPeriodStart };
        k.charged += keyCharge;
        if (g.keyPeriodStart > k.periodStart) k.periodStart = g.keyPeriodStart;
        byKey.set(g.apiKeyId, k);
      }
    }
    for (const r of released) {
      const amount = BigInt(String(r.amount));
      const a = byAccount.get(String(r.account_id));
      if (a) a.released += amount;
      const k = r.api_key_id ? byKey.get(String(r.api_key_id)) : undefined;
      if (k) k.released += amount;
    }
    for (const [id, k] of byKey) {
      await run(
        `update api_key set
           period_usage = case when period_started_at < ? then 0 else period_usage end + ?::numeric,
           period_started_at = greatest(period_started_at, ?),
           usage = usage + ?::numeric,
           reserved = reserved - ?::numeric
         where id = ?`,
        [k.periodStart, k.charged.toString(), k.periodStart, k.charged.toString(), k.released.toString(), id],
      );
    }
    for (const [id, a] of byAccount) {
      await run('update account set balance = balance - ?::numeric, reserved = reserved - ?::numeric where id = ?', [a.charged.toString(), a.released.toString(), id]);
    }
    return ids;
  });
}

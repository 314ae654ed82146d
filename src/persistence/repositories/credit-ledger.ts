import type { EntityManager } from '@mikro-orm/postgresql';
import { isZero, money, negate, type Money } from '../../core/billing/money.js';

export type ReserveResult = { ok: true } | { ok: false; reason: 'insufficient_credits' | 'key_limit' };

export interface LedgerPosting {
  kind: 'purchase' | 'fee' | 'grant' | 'refund';
  /** Positive credits, negative charges. */
  amount: Money;
  idempotencyKey: string;
  description?: string;
}

export interface ReserveInput {
  generationId: string;
  accountId: string;
  apiKeyId: string | null;
  amount: Money;
  /** Start of the key's current limit period: usage before it no longer counts. */
  keyPeriodStart: Date;
  expiresAt: Date;
}

export interface SettleInput {
  generationId: string;
  accountId: string;
  apiKeyId: string | null;
  /** Charged on credits: the usage at list price, or for a BYOK request the BYOK fee. */
  cost: Money;
  /** `byok_fee` when the provider was paid with the account's own key. */
  kind?: 'usage' | 'byok_fee';
  /** Counted against the key's limit on top of `cost` (BYOK usage, when the key includes it). */
  extraKeyUsage?: Money;
  keyPeriodStart: Date;
  description?: string;
}

class Refused extends Error {
  constructor(readonly reason: 'insufficient_credits' | 'key_limit') {
    super(reason);
  }
}

type Row = Record<string, unknown>;

/**
 * Credits: the append-only ledger, the balance it sums to, and reservations held by in-flight
 * generations. Every method is one transaction; locks are always taken key before account.
 */
export class CreditLedger {
  constructor(private readonly em: EntityManager) {}

  private run(tx: EntityManager, sql: string, params: unknown[]): Promise<Row[]> {
    return tx.getConnection().execute<Row[]>(sql, params, 'all', tx.getTransactionContext());
  }

  /** Adds credits (a grant or a refund) once per idempotency key; false when already applied. */
  credit(accountId: string, kind: 'grant' | 'refund', amount: Money, idempotencyKey: string, description?: string): Promise<boolean> {
    if (amount <= 0n) throw new RangeError('a credit must be positive');
    return this.post(accountId, [{ kind, amount, idempotencyKey, description }]);
  }

  /**
   * Appends entries (signed amounts) and moves the balance by their sum, in one transaction. The first
   * entry's idempotency key identifies the posting: if it exists already, nothing is applied again.
   */
  async post(accountId: string, entries: readonly LedgerPosting[]): Promise<boolean> {
    return this.em.transactional(async (tx) => {
      let total = 0n;
      for (const [i, e] of entries.entries()) {
        const inserted = await this.insertEntry(tx, accountId, e.kind, e.amount, e.idempotencyKey, null, e.description);
        if (!inserted && i === 0) return false;
        if (!inserted) throw new Error(`ledger posting half-applied: ${e.idempotencyKey} exists`);
        total += e.amount;
      }
      await this.run(tx, 'update account set balance = balance + ? where id = ?', [total.toString(), accountId]);
      return true;
    });
  }

  private async insertEntry(
    tx: EntityManager,
    accountId: string,
    kind: string,
    amount: Money,
    idempotencyKey: string,
    generationId: string | null,
    description?: string,
  ): Promise<boolean> {
    const rows = await this.run(
      tx,
      `insert into ledger_entry (id, account_id, kind, amount, idempotency_key, generation_id, description)
       values (?, ?, ?, ?, ?, ?, ?) on conflict (idempotency_key) do nothing returning id`,
      [crypto.randomUUID(), accountId, kind, amount.toString(), idempotencyKey, generationId, description ?? null],
    );
    return rows.length === 1;
  }

  /**
   * Holds `amount` for a generation if the account's available balance (balance − reserved) and the
   * key's remaining limit both cover it. Row locks make concurrent reservations queue, and each
   * re-checks the condition against the committed state, so the total admitted never exceeds either.
   */
  async reserve(input: ReserveInput): Promise<ReserveResult> {
    const amount = input.amount.toString();
    try {
      await this.em.transactional(async (tx) => {
        if (input.apiKeyId) {
          const keyRows = await this.run(
            tx,
            `update api_key set
               period_usage = case when period_started_at < ? then 0 else period_usage end,
               period_started_at = greatest(period_started_at, ?),
               reserved = reserved + ?
             where id = ? and ("limit" is null
               or "limit" - (case when period_started_at < ? then 0 else period_usage end) - reserved >= ?)
             returning id`,
            [input.keyPeriodStart, input.keyPeriodStart, amount, input.apiKeyId, input.keyPeriodStart, amount],
          );
          if (keyRows.length === 0) throw new Refused('key_limit');
        }
        const accountRows = await this.run(
          tx,
          'update account set reserved = reserved + ? where id = ? and balance - reserved >= ? returning id',
          [amount, input.accountId, amount],
        );
        if (accountRows.length === 0) throw new Refused('insufficient_credits');
        await this.run(tx, 'insert into reservation (id, account_id, api_key_id, amount, expires_at) values (?, ?, ?, ?, ?)', [
          input.generationId,
          input.accountId,
          input.apiKeyId,
          amount,
          input.expiresAt,
        ]);
      });
      return { ok: true };
    } catch (err) {
      if (err instanceof Refused) return { ok: false, reason: err.reason };
      throw err;
    }
  }

  /**
   * Ends a generation: releases its reservation and charges `cost` as one usage entry — in one
   * statement, once. A second call (or one after the sweeper released the hold) charges nothing twice.
   */
  async settle(input: SettleInput): Promise<{ charged: boolean; released: boolean }> {
    const charge = isZero(input.cost) ? null : negate(input.cost).toString();
    const [row] = await this.em.transactional(async (tx) => {
      // The statement below updates key and account in an unspecified order: take the key's lock first,
      // as reserve() does, or two settlements (or a settlement and a reservation) can deadlock.
      if (input.apiKeyId) await this.run(tx, 'select 1 from api_key where id = ? for update', [input.apiKeyId]);
      return this.run(
        tx,
        `with gone as (
           delete from reservation where id = ? returning amount
         ), entry as (
           insert into ledger_entry (id, account_id, api_key_id, kind, amount, idempotency_key, generation_id, description)
           select ?, ?, ?, ?, ?::numeric, ?, ?, ? where ?::numeric is not null
           on conflict (idempotency_key) do nothing returning amount
         ), held as (
           -- extra key usage is counted once: by the settlement that comes before the generation row (recordGeneration)
           select coalesce((select amount from gone), 0) as released, coalesce((select amount from entry), 0) as charged,
                  case when not exists (select 1 from generation where id = ?) then ?::numeric else 0 end as extra
         ), key_update as (
           update api_key set
             reserved = reserved - (select released from held),
             period_usage = case when period_started_at < ? then 0 else period_usage end - (select charged from held) + (select extra from held),
             period_started_at = greatest(period_started_at, ?),
             usage = usage - (select charged from held) + (select extra from held)
           where id = ?
         ), account_update as (
           update account set reserved = reserved - (select released from held), balance = balance + (select charged from held)
           where id = ?
         )
         select (select count(*) from gone) as released, (select count(*) from entry) as charged`,
        [
          input.generationId,
          crypto.randomUUID(),
          input.accountId,
          input.apiKeyId,
          input.kind ?? 'usage',
          charge,
          `usage:${input.generationId}`,
          input.generationId,
          input.description ?? null,
          charge,
          input.generationId,
          (input.extraKeyUsage ?? 0n).toString(),
          input.keyPeriodStart,
          input.keyPeriodStart,
          input.apiKeyId,
          input.accountId,
        ],
      );
    });
    return { released: Number(row?.released) === 1, charged: Number(row?.charged) === 1 };
  }

  /** Releases every reservation past its expiry (their process died); returns how many. */
  async sweepExpired(now: Date): Promise<number> {
    const [row] = await this.em.transactional(async (tx) => {
      // Keys before accounts, each in id order: the lock order reserve() and settle() use, so no deadlock.
      await this.run(tx, 'select 1 from api_key where id in (select api_key_id from reservation where expires_at < ?) order by id for update', [now]);
      await this.run(tx, 'select 1 from account where id in (select account_id from reservation where expires_at < ?) order by id for update', [now]);
      return this.run(
        tx,
        `with gone as (
           delete from reservation where expires_at < ? returning account_id, api_key_id, amount
         ), by_account as (
           update account a set reserved = a.reserved - s.total
           from (select account_id, sum(amount) as total from gone group by account_id) s where a.id = s.account_id
         ), by_key as (
           update api_key k set reserved = k.reserved - s.total
           from (select api_key_id, sum(amount) as total from gone where api_key_id is not null group by api_key_id) s
           where k.id = s.api_key_id
         )
         select count(*) as released from gone`,
        [now],
      );
    });
    return Number(row?.released ?? 0);
  }

  /** Accounts whose cached balance differs from their ledger sum, or whose reservations don't add up. */
  async inconsistencies(): Promise<{ accountId: string; balance: Money; ledger: Money; reserved: Money; held: Money }[]> {
    const rows = await this.em.getConnection().execute<Row[]>(
      `select a.id, a.balance, a.reserved,
              coalesce((select sum(amount) from ledger_entry l where l.account_id = a.id), 0) as ledger,
              coalesce((select sum(amount) from reservation r where r.account_id = a.id), 0) as held
       from account a`,
    );
    return rows
      .map((r) => ({
        accountId: String(r.id),
        balance: money(BigInt(String(r.balance))),
        ledger: money(BigInt(String(r.ledger))),
        reserved: money(BigInt(String(r.reserved))),
        held: money(BigInt(String(r.held))),
      }))
      .filter((r) => r.balance !== r.ledger || r.reserved !== r.held);
  }
}

import type { EntityManager } from '@mikro-orm/postgresql';
import { money, type Money } from '../../core/billing/money.js';

export interface LedgerPosting {
  kind: 'purchase' | 'fee' | 'grant' | 'refund';
  /** Positive credits, negative charges. */
  amount: Money;
  idempotencyKey: string;
  description?: string;
}

type Row = Record<string, unknown>;

/**
 * Credits outside settlements (grants, refunds, purchases): the append-only ledger and the balance it
 * sums to, moved together in one transaction. Usage charges are written by the settlement batch.
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

  /** Accounts whose cached balance differs from their ledger sum (none, ever: a check for tests and operators). */
  async inconsistencies(): Promise<{ accountId: string; balance: Money; ledger: Money }[]> {
    const rows = await this.em.getConnection().execute<Row[]>(
      `select a.id, a.balance, coalesce((select sum(amount) from ledger_entry l where l.account_id = a.id), 0) as ledger from account a`,
    );
    return rows
      .map((r) => ({ accountId: String(r.id), balance: money(BigInt(String(r.balance))), ledger: money(BigInt(String(r.ledger))) }))
      .filter((r) => r.balance !== r.ledger);
  }
}

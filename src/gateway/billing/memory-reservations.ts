import type { EntityManager } from '@mikro-orm/postgresql';
import { add, compare, money, sub, ZERO, type Money } from '../../core/billing/money.js';
import type { GenerationRecord } from '../../core/generation/record.js';
import type { Reservations } from './reservations.js';
import { keyChargeOf } from './key-charge.js';

type Row = Record<string, unknown>;
const asMoney = (v: unknown): Money => money(BigInt(String(v ?? 0)));

interface AccountHold {
  /** The ledger balance as this process knows it: loaded once, then moved by every settlement. */
  balance: Money;
  /** Reservation rows in the database (another process's, or from before a restart). */
  heldElsewhere: Money;
  held: Money;
  loadedAt: number;
  /** Bumped by every settlement: a reload that raced one is discarded rather than trusted. */
  version: number;
  settling: number;
  stale: boolean;
}

interface KeyHold {
  periodStart: Date;
  periodUsage: Money;
  held: Money;
}

/**
 * Reservations in this process's memory, checked and taken in one synchronous step (the event loop
 * makes it atomic): no database round trip before the first token. Only for a single instance — with
 * several, holds must be shared (the database, or Redis). The durable ledger behind it is unchanged:
 * every settlement is still one transaction, after which `settled` moves the in-memory balance.
 * A crash loses only holds, never charges. Credits bought or granted here are added as they commit;
 * balances are re-read after `invalidate` and every `reloadMs` (out-of-band changes), unless a
 * settlement raced the read (then the tracked value stands).
 */
export function memoryReservations(
  em: EntityManager,
  { reloadMs = 60_000, uncommitted = () => [] }: { reloadMs?: number; uncommitted?: (accountId: string) => readonly GenerationRecord[] } = {},
): Reservations {
  const accounts = new Map<string, AccountHold>();
  const keys = new Map<string, KeyHold>();
  const loading = new Map<string, Promise<void>>();
  /** Each generation's hold, so its release touches exactly what its reservation took. */
  const holds = new Map<string, { accountId: string; apiKeyId: string | null; amount: Money }>();

  async function loadAccount(accountId: string): Promise<void> {
    const existing = accounts.get(accountId);
    const version = existing?.version ?? 0;
    // Settlements accepted but not committed yet are not in the row: subtract every one pending before
    // or after the read (one that committed in between is subtracted twice — an under-estimate, never over).
    const before = uncommitted(accountId);
    const [row] = await em.getConnection().execute<Row[]>('select balance, reserved from account where id = ?', [accountId]);
    const pending = new Map([...before, ...uncommitted(accountId)].map((r) => [r.id, r.cost]));
    const current = accounts.get(accountId);
    if (!row) return;
    const balance = sub(asMoney(row.balance), [...pending.values()].reduce((a, b) => add(a, b), ZERO));
    if (!current) {
      accounts.set(accountId, { balance, heldElsewhere: asMoney(row.reserved), held: ZERO, loadedAt: Date.now(), version: 0, settling: 0, stale: false });
    } else if (current.version === version && current.settling === 0) {
      Object.assign(current, { balance, heldElsewhere: asMoney(row.reserved), loadedAt: Date.now(), stale: false });
    } else {
      current.loadedAt = Date.now(); // raced a settlement: keep the tracked value, try again later
    }
  }

  async function loadKey(apiKeyId: string, accountId: string): Promise<void> {
    if (keys.has(apiKeyId)) return;
    const ofKey = () => uncommitted(accountId).filter((r) => r.apiKeyId === apiKeyId);
    const before = ofKey();
    const [row] = await em.getConnection().execute<Row[]>('select period_usage, period_started_at from api_key where id = ?', [apiKeyId]);
    if (!row || keys.has(apiKeyId)) return;
    const periodStart = new Date(row.period_started_at as string);
    const pending = new Map([...before, ...ofKey()].filter((r) => r.keyPeriodStart >= periodStart).map((r) => [r.id, keyChargeOf(r)]));
    keys.set(apiKeyId, { periodStart, periodUsage: [...pending.values()].reduce((a, b) => add(a, b), asMoney(row.period_usage)), held: ZERO });
  }

  const once = (id: string, load: () => Promise<void>) => {
    let pending = loading.get(id);
    if (!pending) {
      pending = load().finally(() => loading.delete(id));
      loading.set(id, pending);
    }
    return pending;
  };

  return {
    async reserve(input) {
      const account = accounts.get(input.accountId);
      if (!account || account.stale || Date.now() - account.loadedAt > reloadMs) await once(`a:${input.accountId}`, () => loadAccount(input.accountId));
      if (input.apiKeyId && input.keyLimit !== null && !keys.has(input.apiKeyId)) await once(`k:${input.apiKeyId}`, () => loadKey(input.apiKeyId!, input.accountId));
      // From here to the end: synchronous, so no other request interleaves between check and hold.
      const a = accounts.get(input.accountId);
      if (!a) return { ok: false, reason: 'insufficient_credits' };
      const k = input.apiKeyId && input.keyLimit !== null ? keys.get(input.apiKeyId) : undefined;
      if (k && input.keyLimit !== null) {
        if (k.periodStart < input.keyPeriodStart) Object.assign(k, { periodStart: input.keyPeriodStart, periodUsage: ZERO });
        if (compare(sub(sub(input.keyLimit, k.periodUsage), k.held), input.amount) < 0) return { ok: false, reason: 'key_limit' };
      }
      if (compare(sub(sub(a.balance, a.heldElsewhere), a.held), input.amount) < 0) return { ok: false, reason: 'insufficient_credits' };
      a.held = add(a.held, input.amount);
      if (k) k.held = add(k.held, input.amount);
      a.settling++;
      holds.set(input.generationId, { accountId: input.accountId, apiKeyId: k ? input.apiKeyId : null, amount: input.amount });
      return { ok: true };
    },
    settled(settlement) {
      const hold = holds.get(settlement.generationId);
      if (!hold) return;
      holds.delete(settlement.generationId);
      const a = accounts.get(hold.accountId);
      if (a) {
        a.held = sub(a.held, hold.amount);
        a.balance = sub(a.balance, settlement.charged);
        a.settling--;
        a.version++;
      }
      const k = hold.apiKeyId ? keys.get(hold.apiKeyId) : undefined;
      if (k) {
        k.held = sub(k.held, hold.amount);
        if (k.periodStart < settlement.keyPeriodStart) Object.assign(k, { periodStart: settlement.keyPeriodStart, periodUsage: ZERO });
        k.periodUsage = add(k.periodUsage, settlement.keyCharged);
      }
    },
    credited(accountId, amount) {
      // Exact: the credit is committed, and every later change is a tracked settlement. (Not loaded yet: the first load reads it.)
      const a = accounts.get(accountId);
      if (a) a.balance = add(a.balance, amount);
    },
    invalidate(accountId) {
      const a = accounts.get(accountId);
      if (a) a.stale = true;
    },
  };
}

import { add, compare, sub, ZERO, type Money } from '../../core/billing/money.js';
import { systemClock, type Clock } from '../../core/clock.js';
import type { CreditState } from './credit-state.js';
import type { Reservations } from './reservations.js';

interface AccountCredit {
  /** The ledger balance as this process knows it: loaded once, then moved by every settlement. */
  balance: Money;
  held: Money;
  loadedAt: number;
  /** Bumped by every settlement: a reload that raced one is discarded rather than trusted. */
  version: number;
  stale: boolean;
}

interface KeyCredit {
  periodStart: Date;
  periodUsage: Money;
  held: Money;
}

/**
 * The credit gate of a single instance: balances and holds in this process's memory, checked and
 * taken in one synchronous step (the event loop makes it atomic) — no database round trip once an
 * account is known. Balances are loaded from the ledger when first seen, moved by each settlement
 * and each committed credit, and re-read (in the background of a request) after `invalidate` or
 * every `reloadMs`, unless holds are open or a settlement raced the read (then the tracked value stands).
 */
export function memoryReservations(state: CreditState, { reloadMs = 60_000, clock = systemClock }: { reloadMs?: number; clock?: Clock } = {}): Reservations {
  const accounts = new Map<string, AccountCredit>();
  const keys = new Map<string, KeyCredit>();
  const loading = new Map<string, Promise<void>>();
  /** Each generation's hold, so its release touches exactly what its reservation took. */
  const holds = new Map<string, { accountId: string; apiKeyId: string | null; amount: Money }>();

  async function loadAccount(accountId: string): Promise<void> {
    const version = accounts.get(accountId)?.version ?? 0;
    const balance = await state.balance(accountId);
    if (balance === null) return;
    const current = accounts.get(accountId);
    if (!current) accounts.set(accountId, { balance, held: ZERO, loadedAt: clock.now(), version: 0, stale: false });
    else if (current.version === version && current.held === ZERO) Object.assign(current, { balance, loadedAt: clock.now(), stale: false });
    else current.loadedAt = clock.now(); // raced a settlement, or holds are open: keep the tracked value, try again later
  }

  async function loadKey(apiKeyId: string, accountId: string): Promise<void> {
    if (keys.has(apiKeyId)) return;
    const usage = await state.keyUsage(apiKeyId, accountId);
    if (!usage || keys.has(apiKeyId)) return;
    keys.set(apiKeyId, { ...usage, held: ZERO });
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
      const known = accounts.get(input.accountId);
      if (!known || known.stale) await once(`a:${input.accountId}`, () => loadAccount(input.accountId));
      else if (clock.now() - known.loadedAt > reloadMs) void once(`a:${input.accountId}`, () => loadAccount(input.accountId)).catch(() => {});
      const limited = input.apiKeyId !== null && input.keyLimit !== null;
      if (limited && !keys.has(input.apiKeyId!)) await once(`k:${input.apiKeyId}`, () => loadKey(input.apiKeyId!, input.accountId));
      // From here to the end: synchronous, so no other request interleaves between check and hold.
      const a = accounts.get(input.accountId);
      if (!a) return { ok: false, reason: 'insufficient_credits' };
      const k = limited ? keys.get(input.apiKeyId!) : undefined;
      if (k && input.keyLimit !== null) {
        if (k.periodStart < input.keyPeriodStart) Object.assign(k, { periodStart: input.keyPeriodStart, periodUsage: ZERO });
        if (compare(sub(sub(input.keyLimit, k.periodUsage), k.held), input.amount) < 0) return { ok: false, reason: 'key_limit' };
      }
      if (compare(sub(a.balance, a.held), input.amount) < 0) return { ok: false, reason: 'insufficient_credits' };
      a.held = add(a.held, input.amount);
      if (k) k.held = add(k.held, input.amount);
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
        a.version++;
      }
      const k = hold.apiKeyId ? keys.get(hold.apiKeyId) : undefined;
      if (k) {
        k.held = sub(k.held, hold.amount);
        if (k.periodStart < settlement.keyPeriodStart) Object.assign(k, { periodStart: settlement.keyPeriodStart, periodUsage: ZERO });
        k.periodUsage = add(k.periodUsage, settlement.keyCharged);
      }
    },
    async credited(accountId, amount) {
      // Exact: the credit is committed, and every later change is a tracked settlement. (Not loaded yet: the first load reads it.)
      const a = accounts.get(accountId);
      if (a) a.balance = add(a.balance, amount);
    },
    async invalidate(accountId) {
      const a = accounts.get(accountId);
      if (a) a.stale = true;
    },
    async held(accountId, apiKeyId) {
      return { account: accounts.get(accountId)?.held ?? ZERO, key: (apiKeyId && keys.get(apiKeyId)?.held) || ZERO };
    },
  };
}

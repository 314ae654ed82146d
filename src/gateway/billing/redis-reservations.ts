import type { Redis } from 'ioredis';
import { divideRounded, type Money } from '../../core/billing/money.js';
import type { ReserveInput, ReserveResult } from '../../persistence/repositories/credit-ledger.js';
import type { Reservations, SettledHold } from './reservations.js';

/**
 * Amounts in Redis are whole nano-dollars: Lua computes with doubles, exact only below 2^53. Holds
 * and charges round up and balances down, so every error leans towards refusing; a balance above
 * BALANCE_CAP is tracked as the cap (no single request needs more).
 */
const PICO_PER_NANO = 1_000n;
export const BALANCE_CAP_NANO = 2n ** 51n;
const up = (m: Money) => divideRounded(m, PICO_PER_NANO, 'up');
const down = (m: bigint) => divideRounded(m, PICO_PER_NANO, 'down');
const capped = (nano: bigint) => (nano > BALANCE_CAP_NANO ? BALANCE_CAP_NANO : nano < -BALANCE_CAP_NANO ? -BALANCE_CAP_NANO : nano);

// KEYS: account, key, hold. ARGV: amount, key limit ('' = none), period start (ms), hold ttl (ms), hold record.
const RESERVE = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 'LOAD_ACCOUNT' end
local amount = tonumber(ARGV[1])
if ARGV[2] ~= '' then
  if redis.call('EXISTS', KEYS[2]) == 0 then return 'LOAD_KEY' end
  if tonumber(redis.call('HGET', KEYS[2], 'ps')) < tonumber(ARGV[3]) then redis.call('HSET', KEYS[2], 'ps', ARGV[3], 'used', 0) end
  local used = tonumber(redis.call('HGET', KEYS[2], 'used'))
  local kheld = tonumber(redis.call('HGET', KEYS[2], 'held') or '0')
  if tonumber(ARGV[2]) - used - kheld < amount then return 'KEY_LIMIT' end
end
local bal = tonumber(redis.call('HGET', KEYS[1], 'bal'))
local held = tonumber(redis.call('HGET', KEYS[1], 'held') or '0')
if bal - held < amount then return 'INSUFFICIENT' end
redis.call('HINCRBY', KEYS[1], 'held', ARGV[1])
if ARGV[2] ~= '' then redis.call('HINCRBY', KEYS[2], 'held', ARGV[1]) end
redis.call('SET', KEYS[3], ARGV[5], 'PX', ARGV[4])
return 'OK'
`;

// KEYS: account, key, hold. ARGV: charged, key charged, period start (ms), balance floor. The hold is released once (it may have been by a recovery).
const SETTLE = `
local hold = redis.call('GET', KEYS[3])
local amount = 0
if hold then
  amount = tonumber(string.match(hold, '^(%d+)'))
  redis.call('DEL', KEYS[3])
end
if redis.call('EXISTS', KEYS[1]) == 1 then
  if amount > 0 then redis.call('HINCRBY', KEYS[1], 'held', -amount) end
  local bal = tonumber(redis.call('HGET', KEYS[1], 'bal')) - tonumber(ARGV[1])
  if bal < tonumber(ARGV[4]) then bal = tonumber(ARGV[4]) end
  redis.call('HSET', KEYS[1], 'bal', string.format('%d', bal))
end
if KEYS[2] ~= '' and redis.call('EXISTS', KEYS[2]) == 1 then
  if amount > 0 and string.find(hold, ' k$') then redis.call('HINCRBY', KEYS[2], 'held', -amount) end
  if tonumber(redis.call('HGET', KEYS[2], 'ps')) < tonumber(ARGV[3]) then redis.call('HSET', KEYS[2], 'ps', ARGV[3], 'used', 0) end
  redis.call('HINCRBY', KEYS[2], 'used', ARGV[2])
end
return amount
`;

// KEYS: a hash. ARGV: field/value pairs. Initialises it only if nobody did (another instance may have raced us).
const INIT = `
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
redis.call('HSET', KEYS[1], unpack(ARGV))
return 1
`;

// KEYS: account. ARGV: credit, cap. Moves a tracked balance by a committed credit.
const CREDIT = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
local bal = tonumber(redis.call('HGET', KEYS[1], 'bal')) + tonumber(ARGV[1])
if bal > tonumber(ARGV[2]) then bal = tonumber(ARGV[2]) end
redis.call('HSET', KEYS[1], 'bal', string.format('%d', bal))
return 1
`;

export interface RedisReservationsOptions {
  client: Redis;
  keyPrefix: string;
  /** The committed balance of an account minus what this instance has settled but not yet committed. */
  loadBalance(accountId: string): Promise<Money>;
  /** A key's usage in its current period (committed, plus this instance's uncommitted) and when that period started. */
  loadKeyUsage(apiKeyId: string, accountId: string): Promise<{ periodUsage: Money; periodStart: Date }>;
  /** How long a hold may outlive its process before it lapses (its journal is recovered well before). */
  holdTtlMs?: number;
  onError?: (error: unknown) => void;
}

/**
 * Reservations shared by every instance through Redis: each account's balance and holds and each
 * key's period usage and holds live in a hash, and one Lua script checks both and takes the hold
 * atomically — no database round trip, never over-admitting across instances. Balances are loaded
 * from the ledger the first time an account is seen, moved by every settlement as it happens and by
 * committed credits; the ledger stays the source of truth.
 */
export function redisReservations({ client, keyPrefix, loadBalance, loadKeyUsage, holdTtlMs = 15 * 60_000, onError = () => {} }: RedisReservationsOptions): Reservations & { release(generationId: string): Promise<void> } {
  const accountKey = (id: string) => `${keyPrefix}credit:a:${id}`;
  const apiKeyKey = (id: string) => `${keyPrefix}credit:k:${id}`;
  const holdKey = (generationId: string) => `${keyPrefix}credit:h:${generationId}`;
  const init = (key: string, fields: Record<string, string>) => client.eval(INIT, 1, key, ...Object.entries(fields).flat());

  async function reserve(input: ReserveInput & { keyLimit: Money | null }, attempt = 0): Promise<ReserveResult> {
    const limited = input.apiKeyId !== null && input.keyLimit !== null;
    const amount = up(input.amount);
    const answer = await client.eval(
      RESERVE, 3,
      accountKey(input.accountId), limited ? apiKeyKey(input.apiKeyId!) : '', holdKey(input.generationId),
      amount.toString(), limited ? down(input.keyLimit!).toString() : '', String(input.keyPeriodStart.getTime()), String(holdTtlMs),
      `${amount} ${input.accountId} ${limited ? `${input.apiKeyId} k` : '-'}`,
    );
    if (answer === 'OK') return { ok: true };
    if (answer === 'INSUFFICIENT') return { ok: false, reason: 'insufficient_credits' };
    if (answer === 'KEY_LIMIT') return { ok: false, reason: 'key_limit' };
    if (attempt > 2) throw new Error(`reservation could not load ${String(answer)}`);
    if (answer === 'LOAD_ACCOUNT') {
      const balance = await loadBalance(input.accountId);
      await init(accountKey(input.accountId), { bal: capped(down(balance)).toString(), held: '0' });
    } else {
      const { periodUsage, periodStart } = await loadKeyUsage(input.apiKeyId!, input.accountId);
      await init(apiKeyKey(input.apiKeyId!), { used: up(periodUsage).toString(), held: '0', ps: String(periodStart.getTime()) });
    }
    return reserve(input, attempt + 1);
  }

  const settle = (hold: SettledHold & { accountId: string; apiKeyId: string | null }) =>
    client.eval(SETTLE, 3, accountKey(hold.accountId), hold.apiKeyId ? apiKeyKey(hold.apiKeyId) : '', holdKey(hold.generationId), up(hold.charged).toString(), up(hold.keyCharged).toString(), String(hold.keyPeriodStart.getTime()), (-BALANCE_CAP_NANO).toString());

  return {
    reserve: (input) => reserve(input),
    settled(hold) {
      void settle(hold).catch(onError);
    },
    credited(accountId, amount) {
      void client.eval(CREDIT, 1, accountKey(accountId), down(amount).toString(), BALANCE_CAP_NANO.toString()).catch(onError);
    },
    invalidate(accountId) {
      // Re-read the committed balance, keeping the holds every instance has in flight.
      void loadBalance(accountId)
        .then((balance) => client.hset(accountKey(accountId), 'bal', capped(down(balance)).toString()))
        .catch(onError);
    },
    /** Releases a dead instance's hold without charging (its settlement is written from its journal). */
    async release(generationId) {
      const hold = await client.get(holdKey(generationId));
      if (!hold) return;
      const [, accountId, keyId] = hold.split(' ');
      await settle({ generationId, charged: 0n as Money, keyCharged: 0n as Money, keyPeriodStart: new Date(0), accountId: accountId!, apiKeyId: keyId && keyId !== '-' ? keyId : null });
    },
  };
}

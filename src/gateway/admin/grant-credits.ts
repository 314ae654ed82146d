import type { EntityManager } from '@mikro-orm/postgresql';
import { parseUsd, type Money } from '../../core/billing/money.js';
import { AccountRepository } from '../../persistence/repositories/account-repository.js';
import { CreditLedger } from '../../persistence/repositories/credit-ledger.js';
import type { Account } from '../../persistence/entities/index.js';
import type { Principal } from '../auth/principal.js';
import type { Reservations } from '../billing/reservations.js';
import { ForbiddenError, InvalidInputError, NotFoundError } from '../user-errors.js';
import { isUuid } from '../../core/ids.js';

const MAX_GRANT = parseUsd('100000');

export function requireOperator(principal: Principal): void {
  if (!principal.isOperator) throw new ForbiddenError('This needs the operator scope');
}

/** Operator grants (or refunds) credits to an account, once per idempotency key. */
export async function grantCredits(
  em: EntityManager,
  principal: Principal,
  input: { accountId: string; amount: Money; idempotencyKey: string; reason: string; kind?: 'grant' | 'refund' },
  /** Told of the committed credit, so what new requests may hold grows at once (on every instance with Redis). */
  reservations: Pick<Reservations, 'credited'>,
): Promise<{ account: Account; applied: boolean }> {
  requireOperator(principal);
  if (input.amount <= 0n || input.amount > MAX_GRANT) throw new InvalidInputError('amount must be more than 0 and at most 100000 USD', 'amount');
  if (!input.reason.trim()) throw new InvalidInputError('reason must not be empty', 'reason');
  const keyLength = input.idempotencyKey.trim().length;
  if (keyLength < 8 || keyLength > 100) throw new InvalidInputError('idempotencyKey must be 8 to 100 characters', 'idempotencyKey');
  if (input.reason.length > 500) throw new InvalidInputError('reason must be at most 500 characters', 'reason');
  const accounts = new AccountRepository(em.fork());
  if (!isUuid(input.accountId) || !(await accounts.findAccount(input.accountId))) throw new NotFoundError(`No account ${input.accountId}`);
  const applied = await new CreditLedger(em.fork()).credit(
    input.accountId,
    input.kind ?? 'grant',
    input.amount,
    `${input.kind ?? 'grant'}:${input.accountId}:${input.idempotencyKey.trim()}`,
    `${input.reason.trim()} (by ${principal.key.name})`,
  );
  if (applied) await reservations.credited(input.accountId, input.amount);
  return { account: (await new AccountRepository(em.fork()).findAccount(input.accountId))!, applied };
}

import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from '../../logger.js';
import { CreditLedger } from '../../persistence/repositories/credit-ledger.js';

/**
 * Periodically releases reservations whose process died before settling. Safe on every instance at
 * once: each expired reservation is deleted (and released) by exactly one statement.
 */
export function startReservationSweeper(em: EntityManager, logger: Logger, everyMs = 30_000): () => Promise<void> {
  let running: Promise<void> = Promise.resolve();
  const timer = setInterval(() => {
    running = new CreditLedger(em.fork())
      .sweepExpired(new Date())
      .then((released) => {
        if (released) logger.warn({ released }, 'released expired credit reservations');
      })
      .catch((err: unknown) => logger.error({ err }, 'reservation sweep failed'));
  }, everyMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}

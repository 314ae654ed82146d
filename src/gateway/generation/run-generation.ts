import { SwitchyardError } from '../../core/errors.js';
import { ZERO } from '../../core/billing/money.js';
import type { Principal } from '../auth/principal.js';
import { admit, type Admission } from './admit.js';
import { runAttempts, type AttemptsResult } from './attempts.js';
import { settle } from './settle.js';
import type { GenerationDeps } from './generation-deps.js';
import type { CompletionInput } from './completion-input.js';
import type { GenerationEvent, GenerationOutcome } from './generation-events.js';
import { eventChannel } from './event-channel.js';

/**
 * One generation, from admission to settlement: **admit** (rate limit, plan, hold) → **attempts**
 * (in plan order, failover before the first output) → **settle** (charge, record, release — once).
 * Every event goes to `emit` and to the deps' observer, in order; the consumer cannot cut the run
 * short except through `signal` (then it settles what was used). Resolves with the outcome; never throws.
 */
export async function runGeneration(deps: GenerationDeps, principal: Principal, input: CompletionInput, emit: (event: GenerationEvent) => void = () => {}, signal?: AbortSignal): Promise<GenerationOutcome> {
  let generationId: string | null = null;
  const publish = (event: GenerationEvent) => {
    if (event.type === 'planned' || event.type === 'admitted') generationId = event.generationId;
    emit(event);
    deps.observe?.({ accountId: principal.accountId, generationId, at: deps.clock.now(), event });
  };
  const finish = (outcome: GenerationOutcome): GenerationOutcome => {
    publish({ type: 'finished', outcome });
    return outcome;
  };

  let admitted;
  try {
    admitted = await admit(deps, principal, input, publish);
  } catch (error) {
    // Nothing was held yet (the hold is the admission's last step): refusing is all there is to do.
    return finish({ kind: 'refused', reason: 'service_unavailable', error: { code: 'internal', message: `admission failed: ${(error as Error).message}`, metadata: {} } });
  }
  if (admitted.kind === 'refused') return finish({ kind: 'refused', reason: admitted.reason, error: admitted.error });
  return finish(await attemptAndSettle(deps, admitted.admission, publish, signal));
}

/** Runs the admitted generation's attempts and settles it exactly once, whoever aborts it. */
async function attemptAndSettle(deps: GenerationDeps, admission: Admission, publish: (event: GenerationEvent) => void, signal?: AbortSignal): Promise<GenerationOutcome> {
  const abort = new AbortController();
  const unregister = deps.inFlight.add(admission.generationId, abort);
  const forwardAbort = () => abort.abort();
  signal?.addEventListener('abort', forwardAbort, { once: true });
  if (signal?.aborted) abort.abort();
  try {
    let result: AttemptsResult;
    try {
      const attempts = runAttempts(deps, admission, abort.signal);
      for (let next = await attempts.next(); ; next = await attempts.next()) {
        if (next.done) {
          result = next.value;
          break;
        }
        publish(next.value);
      }
    } catch (error) {
      // An unexpected failure (a bug, the health store) still ends in a settlement: the hold is released once.
      result = { kind: 'failed', attempts: [], error: new SwitchyardError('internal', `generation failed: ${(error as Error).message}`) };
    }
    try {
      const { record, outcome, overHold } = settle(deps, admission, result);
      publish({ type: 'settled', generationId: record.id, tokens: record.tokens, cost: record.cost, byokUsage: record.byok?.usage ?? null, overHold });
      return outcome;
    } catch (error) {
      // A bug while settling: nothing was recorded, so nothing is charged — but the hold is never left behind.
      deps.reservations.settled({ generationId: admission.generationId, accountId: admission.principal.accountId, apiKeyId: admission.principal.key.id, charged: ZERO, keyCharged: ZERO, keyPeriodStart: admission.keyPeriodStart });
      return { kind: 'failed', generationId: admission.generationId, error: { code: 'internal', message: `settlement failed: ${(error as Error).message}`, metadata: {} }, cost: ZERO, tokens: { prompt: 0, completion: 0, reasoning: 0, cached: 0, cacheWrite: 0 }, provider: null, attempts: result.attempts };
    }
  } finally {
    signal?.removeEventListener('abort', forwardAbort);
    unregister();
  }
}

/** The non-streamed view: only the outcome (upstream is streamed either way, so both cost the same). */
export const runCompletion = (deps: GenerationDeps, principal: Principal, input: CompletionInput, signal?: AbortSignal): Promise<GenerationOutcome> =>
  runGeneration(deps, principal, input, undefined, signal);

/** The streamed view: the generation's events as an async iterable, ending with `finished`. The run does not wait for the reader. */
export function generationEvents(deps: GenerationDeps, principal: Principal, input: CompletionInput, signal?: AbortSignal): AsyncIterableIterator<GenerationEvent> {
  const channel = eventChannel<GenerationEvent>();
  void runGeneration(deps, principal, input, channel.push, signal).finally(channel.end);
  return channel.events;
}

import { SwitchyardError } from '../../core/errors.js';
import type { GenerationLog, LogEntry } from '../../realtime/generation-log.js';
import type { Principal } from '../auth/principal.js';
import { NotFoundError } from '../user-errors.js';
import { createAppPubSub, type AppPubSub } from '../../realtime/pubsub.js';
import { GenerationSchema } from '../../persistence/entities/index.js';
import { runGeneration, type CompletionDeps, type CompletionInput } from './run-completion.js';
import { isTerminal, toCompletionEvents, type CompletionEvent } from './completion-events.js';

export type StartResult = { kind: 'started'; generationId: string } | { kind: 'refused'; error: SwitchyardError };

export interface GenerationRunner {
  /**
   * Starts a generation in the background and resolves once it is admitted (routed and reserved) or
   * refused. Its events go to the GenerationLog, where any subscriber of the owning account can follow them.
   */
  start(principal: Principal, input: CompletionInput): Promise<StartResult>;
  /** Events after `afterSeq`, replayed then live, until the terminal one. Someone else's generation is "not found". */
  follow(principal: Principal, generationId: string, afterSeq: number, signal?: AbortSignal): Promise<AsyncIterable<LogEntry<CompletionEvent>>>;
  /** Aborts a running generation of the caller's account, on whichever instance runs it (it settles what was used); false when it already ended. */
  cancel(principal: Principal, generationId: string): Promise<boolean>;
  /** Stops listening for cancellations from other instances. */
  stop(): Promise<void>;
}

export function createGenerationRunner(
  deps: CompletionDeps,
  log: GenerationLog<CompletionEvent>,
  onError: (error: unknown, generationId: string) => void,
  pubsub: AppPubSub = createAppPubSub(),
): GenerationRunner {
  // Cancellations asked on another instance: whichever runs the generation aborts it.
  const cancellations = pubsub.subscribe('generation-cancel');
  const listening = (async () => {
    for await (const request of cancellations as AsyncIterable<{ generationId: string }>) deps.inFlight.abort(request.generationId);
  })();

  async function owned(principal: Principal, generationId: string): Promise<void> {
    if ((await log.ownerOf(generationId)) !== principal.accountId) throw new NotFoundError(`No running or recent generation ${generationId}`);
  }

  return {
    async start(principal, input) {
      const events = runGeneration(deps, principal, input);
      for (;;) {
        const next = await events.next();
        if (next.done) throw new Error('generation ended without an outcome');
        const event = next.value;
        if (event.type === 'final' && event.outcome.kind === 'failed') return { kind: 'refused', error: event.outcome.error };
        if (event.type !== 'started') continue;
        const { generationId } = event;
        try {
          await log.open(generationId, principal.accountId);
        } catch (error) {
          // Nowhere to stream to (Redis down): stop the generation before any output and let it settle (nothing to pay).
          onError(error, generationId);
          deps.inFlight.abort(generationId);
          for await (const _ of { [Symbol.asyncIterator]: () => events });
          return { kind: 'refused', error: new SwitchyardError('service_unavailable', 'Streaming is unavailable right now (the event log cannot be reached); retry shortly') };
        }
        // The pump: every event into the log, in order. runGeneration settles on its own; the log is
        // only how clients see it, so a log failure is reported, and the generation still runs to the end.
        void (async () => {
          let logging = true;
          const append = async (out: CompletionEvent) => {
            if (!logging) return;
            try {
              await log.append(generationId, out, { final: isTerminal(out) });
            } catch (error) {
              logging = false;
              onError(error, generationId);
            }
          };
          try {
            for await (const e of { [Symbol.asyncIterator]: () => events }) for (const out of toCompletionEvents(e, generationId)) await append(out);
          } catch (error) {
            // The pipeline itself failed (e.g. the database during settlement): followers still get an end.
            onError(error, generationId);
            await append({ type: 'CompletionFailed', generationId, code: 'internal', message: 'The generation failed on the server' });
          }
        })();
        return { kind: 'started', generationId };
      }
    },
    async follow(principal, generationId, afterSeq, signal) {
      await owned(principal, generationId);
      return log.follow(generationId, afterSeq, signal);
    },
    async cancel(principal, generationId) {
      await owned(principal, generationId);
      if (deps.inFlight.abort(generationId)) return true;
      // Settled already, or running elsewhere: the generation row is written exactly when it ends.
      if ((await deps.em.fork().count(GenerationSchema, { id: generationId })) > 0) return false;
      pubsub.publish('generation-cancel', { generationId });
      return true;
    },
    async stop() {
      await cancellations.return?.();
      await listening;
    },
  };
}

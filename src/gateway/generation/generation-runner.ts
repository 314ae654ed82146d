import { SwitchyardError } from '../../core/errors.js';
import type { GenerationLog, LogEntry } from '../../realtime/generation-log.js';
import type { AppPubSub } from '../../realtime/pubsub.js';
import type { Principal } from '../auth/principal.js';
import { NotFoundError } from '../user-errors.js';
import { generationEvents } from './run-generation.js';
import type { GenerationDeps } from './generation-deps.js';
import type { CompletionInput } from './completion-input.js';
import { isFinal, isStreamed, type ErrorInfo, type GenerationEvent, type RefusalReason } from './generation-events.js';

export type StartResult = { kind: 'started'; generationId: string } | { kind: 'refused'; reason: RefusalReason; error: ErrorInfo };

export interface GenerationRunner {
  /**
   * Starts a generation in the background and resolves once it is admitted (routed and reserved) or
   * refused. Its events go to the GenerationLog, where any subscriber of the owning account can follow them.
   */
  start(principal: Principal, input: CompletionInput): Promise<StartResult>;
  /** Events after `afterSeq`, replayed then live, until the final one. Someone else's generation is "not found". */
  follow(principal: Principal, generationId: string, afterSeq: number, signal?: AbortSignal): Promise<AsyncIterable<LogEntry<GenerationEvent>>>;
  /** Aborts a running generation of the caller's account, on whichever instance runs it (it settles what was used); false when it already ended. */
  cancel(principal: Principal, generationId: string): Promise<boolean>;
  /** Stops listening for cancellations from other instances. */
  stop(): Promise<void>;
}

export interface RunnerDeps {
  pipeline: GenerationDeps;
  log: GenerationLog<GenerationEvent>;
  pubsub: AppPubSub;
  /** Whether a generation has been settled already (its record exists), when it is not running here. */
  isSettled(generationId: string): Promise<boolean>;
  onError(error: unknown, generationId: string): void;
}

export function createGenerationRunner({ pipeline, log, pubsub, isSettled, onError }: RunnerDeps): GenerationRunner {
  // Cancellations asked on another instance: whichever runs the generation aborts it.
  const cancellations = pubsub.subscribe('generation-cancel');
  const listening = (async () => {
    for await (const request of cancellations as AsyncIterable<{ generationId: string }>) pipeline.inFlight.abort(request.generationId);
  })();

  async function owned(principal: Principal, generationId: string): Promise<void> {
    if ((await log.ownerOf(generationId)) !== principal.accountId) throw new NotFoundError(`No running or recent generation ${generationId}`);
  }

  /** Every streamed event into the log, in order. The log is only how clients see the generation: a failure is reported, and the run goes on to its settlement. */
  async function pump(generationId: string, buffered: GenerationEvent[], events: AsyncIterator<GenerationEvent>): Promise<void> {
    let logging = true;
    const append = async (event: GenerationEvent) => {
      if (!logging || !isStreamed(event)) return;
      try {
        await log.append(generationId, event, { final: isFinal(event) });
      } catch (error) {
        logging = false;
        onError(error, generationId);
      }
    };
    for (const event of buffered) await append(event);
    for (let next = await events.next(); !next.done; next = await events.next()) await append(next.value);
  }

  return {
    async start(principal, input) {
      const events = generationEvents(pipeline, principal, input);
      const buffered: GenerationEvent[] = [];
      for (let next = await events.next(); !next.done; next = await events.next()) {
        const event = next.value;
        buffered.push(event);
        if (event.type === 'finished' && event.outcome.kind === 'refused') return { kind: 'refused', reason: event.outcome.reason, error: event.outcome.error };
        if (event.type !== 'admitted') continue;
        const { generationId } = event;
        try {
          await log.open(generationId, principal.accountId);
        } catch (error) {
          // Nowhere to stream to (Redis down): stop the generation before any output and let it settle (nothing to pay).
          onError(error, generationId);
          pipeline.inFlight.abort(generationId);
          for await (const _ of events);
          const unavailable = new SwitchyardError('service_unavailable', 'Streaming is unavailable right now (the event log cannot be reached); retry shortly');
          return { kind: 'refused', reason: 'service_unavailable', error: { code: unavailable.code, message: unavailable.message, metadata: {} } };
        }
        void pump(generationId, buffered, events);
        return { kind: 'started', generationId };
      }
      throw new Error('generation ended without an outcome');
    },
    async follow(principal, generationId, afterSeq, signal) {
      await owned(principal, generationId);
      return log.follow(generationId, afterSeq, signal);
    },
    async cancel(principal, generationId) {
      await owned(principal, generationId);
      if (pipeline.inFlight.abort(generationId)) return true;
      // Settled already, or running elsewhere: the generation row is written exactly when it ends.
      if (await isSettled(generationId)) return false;
      pubsub.publish('generation-cancel', { generationId });
      return true;
    },
    async stop() {
      await cancellations.return?.();
      await listening;
    },
  };
}

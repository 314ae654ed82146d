import type { ConsoleConnection } from '../api/client';
import type { CompletionInput, PlaygroundEventFragment } from '../gql/graphql';
import { requestErrorMessage } from '../lib/errors';
import { PlaygroundComplete, PlaygroundFollow } from './documents';

export interface StreamHandlers {
  onEvent(event: PlaygroundEventFragment): void;
  /** The socket dropped; the stream resumes after `cursor` once it is back. */
  onReconnecting(cursor: string | null): void;
  /** The stream cannot go on (the reason is for a person). */
  onError(message: string): void;
}

export interface RunningStream {
  readonly generationId: string | null;
  stop(): void;
}

const isFinal = (e: PlaygroundEventFragment) => e.__typename === 'CompletionFinished' || e.__typename === 'CompletionFailed';

/**
 * Runs `complete` and survives reconnects: when the socket drops, the `complete` operation is
 * dropped too (graphql-ws would re-send it, starting a second generation) and the generation is
 * followed with `completionStream(generationId, after: <last cursor>)` instead — no gap, no duplicate.
 * `complete` names its generation only in its last event, so `identify` says which one it is before
 * that (the playground knows it from the routing feed).
 */
export function streamCompletion(connection: ConsoleConnection, input: CompletionInput, handlers: StreamHandlers, identify: () => string | null): RunningStream {
  let generationId: string | null = null;
  let cursor: string | null = null;
  let done = false;

  const finish = () => {
    done = true;
    subscription.unsubscribe();
    offClosed();
  };

  const handle = (result: { data?: { complete?: PlaygroundEventFragment; completionStream?: PlaygroundEventFragment } | null; error?: Parameters<typeof requestErrorMessage>[0] }) => {
    if (done) return;
    if (result.error) {
      finish();
      return handlers.onError(requestErrorMessage(result.error));
    }
    const event = result.data?.complete ?? result.data?.completionStream;
    if (!event) return;
    if ('cursor' in event && event.cursor) cursor = event.cursor;
    if (event.__typename === 'CompletionFinished') generationId = event.generationId;
    handlers.onEvent(event);
    if (isFinal(event)) finish();
  };

  let subscription = connection.client.subscription(PlaygroundComplete, { input }).subscribe(handle);

  const offClosed = connection.ws.on('closed', () => {
    if (done) return;
    subscription.unsubscribe();
    generationId ??= identify();
    if (!generationId) {
      done = true;
      offClosed();
      return handlers.onError('The connection dropped before the server said which generation this is, so it cannot be resumed. It may still have run: see Activity.');
    }
    handlers.onReconnecting(cursor);
    // Subscribing while the socket is down makes graphql-ws connect again (with its back-off).
    subscription = connection.client.subscription(PlaygroundFollow, { generationId, after: cursor }).subscribe(handle);
  });

  return {
    get generationId() {
      return generationId ?? identify();
    },
    stop: () => !done && finish(),
  };
}

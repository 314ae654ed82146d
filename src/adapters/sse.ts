import { createParser } from 'eventsource-parser';
import { SwitchyardError, toSwitchyardError } from '../core/errors.js';
import { ioError } from './io-errors.js';
import type { StreamPart } from '../core/llm/stream-part.js';

/** A response body: web ReadableStream (fetch/undici) or any async iterable of bytes (node streams, tests). */
export type ByteSource = ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>;

export interface SseEvent {
  /** The `event:` field, when the server named the event (Anthropic does, OpenAI and Gemini don't). */
  event: string | undefined;
  data: string;
}

/**
 * Per-family state machine over SSE events. It appends normalized parts to `out`; it throws a
 * SwitchyardError on bad data. `finished` tells the reader to stop (the provider said it is done).
 */
export interface SseDecoder {
  onEvent(event: SseEvent, out: StreamPart[]): void;
  /** The body ended: flush what is pending, or report a truncated stream. */
  onEnd(out: StreamPart[]): void;
  readonly finished: boolean;
}

/**
 * Bytes → SSE events → decoder → parts. Never throws: a failing source (timeout, reset, abort) or a
 * decoder error becomes one final `error` part. Stops at `finish`/`error`, which cancels the source.
 */
export async function* decodeSse(source: ByteSource, decoder: SseDecoder): AsyncGenerator<StreamPart> {
  const out: StreamPart[] = [];
  const parser = createParser({
    onEvent: (message) => decoder.onEvent({ event: message.event, data: message.data }, out),
  });
  const text = new TextDecoder();
  try {
    for await (const chunk of readingErrorsAsIo(source)) {
      parser.feed(text.decode(chunk, { stream: true }));
      // Plain loop, no nested generator: this is the per-part hot path.
      for (let i = 0; i < out.length; i++) {
        const part = out[i] as StreamPart;
        yield part;
        if (part.type === 'finish' || part.type === 'error') return;
      }
      out.length = 0;
      if (decoder.finished) return;
    }
    parser.feed(text.decode());
    // A last event without its blank line still counts; eventsource-parser drops it unless asked.
    parser.reset({ consume: true });
    if (!decoder.finished) decoder.onEnd(out);
    yield* untilEnd(out);
  } catch (error) {
    yield* untilEnd(out);
    yield { type: 'error', error: toSwitchyardError(error) };
  }
}

/** Async-iterates either kind of source; returning early cancels a ReadableStream (closing the upstream request). */
export async function* asyncBytes(source: ByteSource): AsyncGenerator<Uint8Array> {
  if (Symbol.asyncIterator in source) {
    yield* source as AsyncIterable<Uint8Array>;
    return;
  }
  const reader = source.getReader();
  let done = false;
  try {
    for (;;) {
      const next = await reader.read();
      if (next.done) {
        done = true;
        return;
      }
      yield next.value;
    }
  } finally {
    if (!done) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}

/** The source's own failures (reset, timeout, abort) are I/O errors; the decoder's are its own. */
async function* readingErrorsAsIo(source: ByteSource): AsyncGenerator<Uint8Array> {
  try {
    yield* asyncBytes(source);
  } catch (error) {
    throw ioError(error);
  }
}

/** Pending parts up to and including the one that ends the stream. */
function untilEnd(out: StreamPart[]): StreamPart[] {
  const end = out.findIndex((part) => part.type === 'finish' || part.type === 'error');
  const parts = end === -1 ? out.slice() : out.slice(0, end + 1);
  out.length = 0;
  return parts;
}

export function truncatedStreamError(family: string, detail: string): SwitchyardError {
  return new SwitchyardError('upstream_bad_response', `${family} stream ended before it finished (${detail})`, {
    reason: 'truncated_stream',
  });
}
